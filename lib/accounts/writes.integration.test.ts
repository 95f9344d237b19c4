/**
 * A password change ends all access: every session and every API token of the
 * user, in one transaction with the new password; other users keep theirs.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { changeOwnPassword } from "@/lib/accounts/writes";
import { createApiToken } from "@/lib/api/tokens";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loadSessionUser, loadTokenUser } from "@/lib/auth/session-user";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

let t: TestDb;
let userId: string;
let otherId: string;

before(async () => {
  t = await createTestDb();
  const unit = await t.db.unit.create({ data: { code: "T1", name: "测试镇", kind: "TOWN" } });
  const passwordHash = await hashPassword("old-password-1");
  userId = (await t.db.user.create({ data: { username: "rep", name: "甲", role: "REPORTER", unitId: unit.id, passwordHash } })).id;
  otherId = (await t.db.user.create({ data: { username: "other", name: "乙", role: "REPORTER", unitId: unit.id, passwordHash } })).id;
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
