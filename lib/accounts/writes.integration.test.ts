/**
 * A password change ends all access: every session and every API token of the
 * user, in one transaction with the new password; other users keep theirs.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { changeOwnPassword, clearLoginFailures } from "@/lib/accounts/writes";
import { checkLoginAllowed, MAX_FAILURES_PER_SOURCE, recordLoginAttempt } from "@/lib/auth/rate-limit";
import { createApiToken } from "@/lib/api/tokens";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadSessionUser, loadTokenUser } from "@/lib/auth/session-user";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { seedTwoReporters } from "@/lib/testing/users";

let t: TestDb;
let userId: string;
let otherId: string;

before(async () => {
  t = await createTestDb();
  ({ userId, otherId } = await seedTwoReporters(t.db, await hashPassword("old-password-1")));
});
after(() => t.cleanup());

const newSession = (id: string) => t.db.authSession.create({ data: { userId: id, expiresAt: new Date(Date.now() + 3_600_000) } });

test("a wrong current password changes nothing and revokes nothing", async () => {
  const session = await newSession(userId);
  const { token } = await createApiToken(t.db, userId, "机器人");
  assert.equal(await changeOwnPassword(t.db, userId, { currentPassword: "wrong", newPassword: "new-password-2" }), "wrong-current-password");
  assert.ok(await loadSessionUser(t.db, session.id));
  assert.ok(await loadTokenUser(t.db, token));
});

test("a password change revokes the user's sessions and API tokens, not another user's", async () => {
  const session = await newSession(userId);
  const { token } = await createApiToken(t.db, userId, "手机客户端");
  const otherSession = await newSession(otherId);
  const { token: otherToken } = await createApiToken(t.db, otherId, "别人的");

  assert.equal(await changeOwnPassword(t.db, userId, { currentPassword: "old-password-1", newPassword: "new-password-2" }), "changed");
  assert.equal(await loadSessionUser(t.db, session.id), null);
  assert.equal(await loadTokenUser(t.db, token), null);
  assert.ok(await loadSessionUser(t.db, otherSession.id));
  assert.ok(await loadTokenUser(t.db, otherToken));
  const user = await t.db.user.findUniqueOrThrow({ where: { id: userId } });
  assert.ok(await verifyPassword("new-password-2", user.passwordHash));
  const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "password.change", entityId: userId } });
  assert.deepEqual(JSON.parse(entry.after ?? "{}").revoked, { sessions: 2, tokens: 2 });
});

test("the office clears an account's failures: its delay and its locked sources go, with an audit entry", async () => {
  for (let i = 0; i < 5; i++) await recordLoginAttempt(t.db, "rep", "203.0.113.1", false);
  for (let i = 0; i < 3; i++) await recordLoginAttempt(t.db, "rep", `203.0.113.${10 + i}`, false);
  await recordLoginAttempt(t.db, "other", "203.0.113.1", false);
  assert.equal((await checkLoginAllowed(t.db, "rep", "203.0.113.1")).allowed, false);
  assert.equal((await checkLoginAllowed(t.db, "rep", "203.0.113.99")).allowed, false);

  assert.equal(await clearLoginFailures(t.db, otherId, { username: "rep" }), 8);
  assert.equal((await checkLoginAllowed(t.db, "rep", "203.0.113.1")).allowed, true);
  assert.equal((await checkLoginAllowed(t.db, "rep", "203.0.113.99")).allowed, true);
  // Another account's failures stay.
  assert.equal(await t.db.loginAttempt.count({ where: { username: "other", success: false } }), 1);
  const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "login.unlock" } });
  assert.equal(entry.entityId, userId);
  assert.equal(entry.actorId, otherId);
  // Nothing held: nothing cleared, nothing audited.
  assert.equal(await clearLoginFailures(t.db, otherId, { username: "rep" }), 0);
  assert.equal(await t.db.auditLog.count({ where: { action: "login.unlock" } }), 1);
});

test("the office clears a source locked across accounts", async () => {
  for (let i = 0; i < MAX_FAILURES_PER_SOURCE; i++) await recordLoginAttempt(t.db, `guess-${i}`, "192.0.2.44", false);
  assert.equal((await checkLoginAllowed(t.db, "rep", "192.0.2.44")).allowed, false);
  assert.equal(await clearLoginFailures(t.db, otherId, { ip: "192.0.2.44" }), MAX_FAILURES_PER_SOURCE);
  assert.equal((await checkLoginAllowed(t.db, "rep", "192.0.2.44")).allowed, true);
  assert.equal(await t.db.auditLog.count({ where: { action: "login.unlock-source", entityId: "192.0.2.44" } }), 1);
});
