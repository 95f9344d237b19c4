import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isLoginBlocked, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, recordLoginAttempt } from "@/lib/auth/rate-limit";
import { loadSessionUser } from "@/lib/auth/session-user";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

let t: TestDb;
let unitId: string;

before(async () => {
  t = await createTestDb();
  const unit = await t.db.unit.create({ data: { code: "T1", name: "测试镇", kind: "TOWN" } });
  unitId = unit.id;
});
after(() => t.cleanup());

async function userWithSession(username: string, role: "REPORTER" | "ASSESSOR" = "REPORTER", expiresInMs = 3_600_000) {
  const user = await t.db.user.create({
    data: { username, name: username, role, unitId: role === "REPORTER" ? unitId : null, passwordHash: await hashPassword("pw-123456") },
  });
  const session = await t.db.authSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + expiresInMs) } });
  return { user, session };
}

test("a live session resolves to its user, role and unit", async () => {
  const { user, session } = await userWithSession("rep-live");
  const resolved = await loadSessionUser(t.db, session.id);
  assert.ok(resolved);
  assert.equal(resolved.id, user.id);
  assert.equal(resolved.role, "REPORTER");
  assert.equal(resolved.unitId, unitId);
  assert.equal(resolved.unitName, "测试镇");
  assert.equal("passwordHash" in resolved, false);
});

test("a revoked session resolves to nothing", async () => {
  const { session } = await userWithSession("rep-revoked");
  await t.db.authSession.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
  assert.equal(await loadSessionUser(t.db, session.id), null);
});

test("an expired session, or one of a deactivated user, resolves to nothing", async () => {
  const expired = await userWithSession("rep-expired", "REPORTER", -1000);
  assert.equal(await loadSessionUser(t.db, expired.session.id), null);
  const inactive = await userWithSession("rep-inactive");
  await t.db.user.update({ where: { id: inactive.user.id }, data: { active: false } });
  assert.equal(await loadSessionUser(t.db, inactive.session.id), null);
});

test("an assessor's groups come with the session", async () => {
  const keyTask = await t.db.keyTask.create({ data: { code: "KTX", name: "测试重点工作" } });
  const group = await t.db.assessmentGroup.create({ data: { name: "测试考核组", keyTaskId: keyTask.id } });
  const { user, session } = await userWithSession("assessor-x", "ASSESSOR");
  await t.db.assessmentGroupMember.create({ data: { groupId: group.id, userId: user.id } });
  const resolved = await loadSessionUser(t.db, session.id);
  assert.deepEqual(resolved?.groupIds, [group.id]);
});

test("failed logins block the account after the limit, not before", async () => {
  for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await recordLoginAttempt(t.db, "victim", `10.0.0.${i}`, false);
  assert.equal(await isLoginBlocked(t.db, "victim", "10.9.9.9"), false);
  await recordLoginAttempt(t.db, "victim", "10.0.0.99", false);
  assert.equal(await isLoginBlocked(t.db, "victim", "10.9.9.9"), true);
  // Another account from another address is not affected.
  assert.equal(await isLoginBlocked(t.db, "someone-else", "10.9.9.9"), false);
});

test("failed logins block an IP across accounts", async () => {
  for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await recordLoginAttempt(t.db, `guess-${i}`, "192.0.2.7", false);
  assert.equal(await isLoginBlocked(t.db, "fresh-account", "192.0.2.7"), true);
});

test("old failures fall out of the window", async () => {
  for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await recordLoginAttempt(t.db, "yesterday", "198.51.100.1", false);
  const later = new Date(Date.now() + 16 * 60 * 1000);
  assert.equal(await isLoginBlocked(t.db, "yesterday", "198.51.100.2", later), false);
});

test("passwords are hashed, and only the right one verifies", async () => {
  const hash = await hashPassword("shaitai-demo");
  assert.notEqual(hash, "shaitai-demo");
  assert.equal(await verifyPassword("shaitai-demo", hash), true);
  assert.equal(await verifyPassword("shaitai-dem0", hash), false);
});
