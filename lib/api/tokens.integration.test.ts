import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { loadTokenUser } from "@/lib/auth/session-user";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { seedTwoReporters } from "@/lib/testing/users";

let t: TestDb;
let userId: string;
let otherId: string;

before(async () => {
  t = await createTestDb();
  ({ userId, otherId } = await seedTwoReporters(t.db));
});
after(() => t.cleanup());

test("a token authenticates its user and is stored only as a hash", async () => {
  const { token } = await createApiToken(t.db, userId, "微信机器人");
  assert.match(token, /^sht_/);
  const stored = await t.db.apiToken.findFirstOrThrow({ where: { userId } });
  assert.notEqual(stored.tokenHash, token);
  assert.equal(token.startsWith(stored.prefix), true);
  const user = await loadTokenUser(t.db, token);
  assert.equal(user?.id, userId);
  assert.equal(user?.unitName, "测试镇");
  assert.ok((await t.db.apiToken.findUniqueOrThrow({ where: { id: stored.id } })).lastUsedAt);
});

test("a wrong token finds nobody", async () => {
  assert.equal(await loadTokenUser(t.db, "sht_not-a-real-token"), null);
});

test("a revoked token stops working; only its owner can revoke it", async () => {
  const { id, token } = await createApiToken(t.db, userId, "手机客户端");
  assert.equal(await revokeApiToken(t.db, otherId, id), false);
  assert.ok(await loadTokenUser(t.db, token));
  assert.equal(await revokeApiToken(t.db, userId, id), true);
  assert.equal(await loadTokenUser(t.db, token), null);
});
