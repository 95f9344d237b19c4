/**
 * The account import: a bad row → nothing written and each bad row named;
 * a good file → every account created in one go with a one-time password.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { importUsers, USER_IMPORT_COLUMNS, writeUserTemplate } from "@/lib/org/user-import";
import { makeColumnSheet } from "@/lib/testing/sheets";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createOffice } from "@/lib/testing/users";

let t: TestDb;
let admin: SessionUser;

before(async () => {
  t = await createTestDb();
  admin = await createOffice(t.db);
  await t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN" } });
});
after(() => t.cleanup());

test("only the office may import; the template's example row imports as it stands", async () => {
  const template = await writeUserTemplate([{ name: "甲镇" }]);
  assert.equal((await importUsers(t.db, { ...admin, role: "REPORTER" }, template)).ok, false);
  assert.equal(await t.db.user.count(), 1);
  const outcome = await importUsers(t.db, admin, template);
  assert.ok(outcome.ok);
  assert.deepEqual(
    outcome.created.map((c) => c.username),
    ["zhangsan"],
  );
});

test("any bad row writes nothing and lists each bad row with its number", async () => {
  const file = await makeColumnSheet(USER_IMPORT_COLUMNS, [
    { username: "head-a", name: "甲镇长", title: "镇长", phone: "13800000000", role: "单位负责人", unit: "甲镇" },
    { username: "rep-x", name: "某人", role: "信息员", unit: "不存在镇" },
    { username: "head-a", name: "重复", role: "区级领导" },
    { username: "office", name: "占用", role: "督查室" },
    { username: "bad", name: "角色错", role: "校长" },
  ]);
  const outcome = await importUsers(t.db, admin, file);
  assert.equal(outcome.ok, false);
  assert.ok(!outcome.ok);
  assert.deepEqual(
    outcome.rowErrors?.map((e) => e.row),
    [3, 4, 5, 6],
  );
  assert.match(outcome.rowErrors![0].message, /不存在镇/);
  assert.match(outcome.rowErrors![1].message, /第 2 行重复/);
  assert.match(outcome.rowErrors![2].message, /已被使用/);
  assert.match(outcome.rowErrors![3].message, /角色应为/);
  assert.equal(await t.db.user.count(), 2, "nothing written");
});

test("a good file creates every account with a one-time password to change, audited", async () => {
  const file = await makeColumnSheet(USER_IMPORT_COLUMNS, [
    { username: "head-a", name: "甲镇长", title: "镇长", phone: "13800000000", role: "单位负责人", unit: "甲镇" },
    { username: "leader-x", name: "领导", title: "副区长", role: "区级领导" },
  ]);
  const outcome = await importUsers(t.db, admin, file);
  assert.ok(outcome.ok);
  assert.equal(outcome.created.length, 2);
  const head = await t.db.user.findUniqueOrThrow({ where: { username: "head-a" }, include: { unit: true } });
  assert.equal(head.unit?.name, "甲镇");
  assert.equal(head.mustChangePassword, true);
  assert.ok(await verifyPassword(outcome.created[0].password, head.passwordHash));
  assert.equal(await t.db.auditLog.count({ where: { action: "user.import", entityId: { in: [head.id] } } }), 1);
  assert.equal(await t.db.auditLog.count({ where: { action: "user.import" } }), 3, "the template row and these two");
});
