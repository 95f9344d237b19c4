import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  accountDelayMs,
  checkLoginAllowed,
  FAILED_ATTEMPT_RETENTION_MS,
  KNOWN_SOURCE_MS,
  listLoginHolds,
  MAX_FAILURES_PER_PAIR,
  MAX_FAILURES_PER_SOURCE,
  recordLoginAttempt,
} from "@/lib/auth/rate-limit";
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

/** The time of the account's last attempt, so a test that waits seconds does not depend on the machine's speed. */
async function lastAttemptAt(username: string): Promise<number> {
  const last = await t.db.loginAttempt.findFirstOrThrow({ where: { username }, orderBy: { createdAt: "desc" } });
  return last.createdAt.getTime();
}

const blocked = async (username: string, ip: string, now?: Date) => !(await checkLoginAllowed(t.db, username, ip, now)).allowed;

test("failures of an account from one source lock that pair, not the account from elsewhere", async () => {
  for (let i = 0; i < MAX_FAILURES_PER_PAIR - 1; i++) await recordLoginAttempt(t.db, "victim", "10.0.0.1", false);
  assert.equal(await blocked("victim", "10.0.0.1"), false);
  await recordLoginAttempt(t.db, "victim", "10.0.0.1", false);
  const verdict = await checkLoginAllowed(t.db, "victim", "10.0.0.1");
  assert.equal(verdict.allowed ? "allowed" : verdict.reason, "pair");
  // Another source is only delayed (1 s after the 5th failure), then let through.
  const lastAt = await lastAttemptAt("victim");
  const fromElsewhere = await checkLoginAllowed(t.db, "victim", "10.9.9.9", new Date(lastAt + 500));
  assert.equal(fromElsewhere.allowed ? "allowed" : fromElsewhere.reason, "account");
  assert.equal(await blocked("victim", "10.9.9.9", new Date(lastAt + 1500)), false);
  // Another account from the locked source is not affected.
  assert.equal(await blocked("someone-else", "10.0.0.1"), false);
});

test("the account's delay grows 1 s, 2 s, 4 s … up to 5 minutes, whatever the source", async () => {
  assert.deepEqual([4, 5, 6, 7, 8].map(accountDelayMs), [0, 1000, 2000, 4000, 8000]);
  assert.equal(accountDelayMs(40), 5 * 60 * 1000);
  // Eight failures, each from a new (forged) source: the ninth waits 8 s after the last.
  for (let i = 0; i < 8; i++) await recordLoginAttempt(t.db, "rotated", `198.51.100.${i}`, false);
  const lastAt = await lastAttemptAt("rotated");
  const verdict = await checkLoginAllowed(t.db, "rotated", "198.51.100.200", new Date(lastAt + 1000));
  assert.ok(!verdict.allowed && verdict.reason === "account");
  assert.match(verdict.message, /请 7 秒后再试/);
  assert.equal(await blocked("rotated", "198.51.100.201", new Date(lastAt + 8000)), false);
});

test("a source that signed in to the account before is not delayed by others' failures", async () => {
  await recordLoginAttempt(t.db, "boss", "192.0.2.50", true);
  for (let i = 0; i < 10; i++) await recordLoginAttempt(t.db, "boss", `203.0.113.${i}`, false);
  assert.equal(await blocked("boss", "203.0.113.77"), true);
  assert.equal(await blocked("boss", "192.0.2.50"), false);
});

test("failed logins lock a source across accounts", async () => {
  for (let i = 0; i < MAX_FAILURES_PER_SOURCE; i++) await recordLoginAttempt(t.db, `guess-${i}`, "192.0.2.7", false);
  const verdict = await checkLoginAllowed(t.db, "fresh-account", "192.0.2.7");
  assert.equal(verdict.allowed ? "allowed" : verdict.reason, "source");
});

test("old failures fall out of the window", async () => {
  for (let i = 0; i < MAX_FAILURES_PER_PAIR; i++) await recordLoginAttempt(t.db, "yesterday", "198.51.100.1", false);
  const later = new Date(Date.now() + 16 * 60 * 1000);
  assert.equal(await blocked("yesterday", "198.51.100.1", later), false);
});

test("recording an attempt purges failures older than a day and successes that no longer make a source known", async () => {
  const now = Date.now();
  const at = (ms: number) => new Date(now - ms);
  const hour = 3_600_000;
  await t.db.loginAttempt.createMany({
    data: [
      { username: "purge-old-fail", ip: "203.0.113.200", success: false, createdAt: at(FAILED_ATTEMPT_RETENTION_MS + hour) },
      { username: "purge-new-fail", ip: "203.0.113.200", success: false, createdAt: at(FAILED_ATTEMPT_RETENTION_MS - hour) },
      { username: "purge-old-ok", ip: "203.0.113.200", success: true, createdAt: at(KNOWN_SOURCE_MS + hour) },
      { username: "purge-new-ok", ip: "203.0.113.200", success: true, createdAt: at(FAILED_ATTEMPT_RETENTION_MS + hour) },
    ],
  });
  await recordLoginAttempt(t.db, "purge-now", "203.0.113.200", false, new Date(now));
  const left = await t.db.loginAttempt.findMany({ where: { ip: "203.0.113.200" }, select: { username: true }, orderBy: { username: "asc" } });
  assert.deepEqual(
    left.map((a) => a.username),
    ["purge-new-fail", "purge-new-ok", "purge-now"],
  );
});

test("the office's list shows held accounts with their locked sources, and locked sources", async () => {
  const { accounts, sources } = await listLoginHolds(t.db);
  const victim = accounts.find((a) => a.username === "victim");
  assert.deepEqual(victim?.lockedSources, ["10.0.0.1"]);
  assert.equal(accounts.find((a) => a.username === "rotated")?.failures, 8);
  assert.equal(
    accounts.some((a) => a.username === "someone-else"),
    false,
  );
  assert.deepEqual(
    sources.map((s) => s.ip),
    ["192.0.2.7"],
  );
});

test("passwords are hashed, and only the right one verifies", async () => {
  const hash = await hashPassword("shaitai-demo");
  assert.notEqual(hash, "shaitai-demo");
  assert.equal(await verifyPassword("shaitai-demo", hash), true);
  assert.equal(await verifyPassword("shaitai-dem0", hash), false);
});
