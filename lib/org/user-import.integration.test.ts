/**
 * The account import: a bad row → nothing written and each bad row named;
 * a good file → every account created in one go with a one-time password.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import { verifyPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/roles";
import { importUsers, USER_IMPORT_COLUMNS, writeUserTemplate } from "@/lib/org/user-import";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

let t: TestDb;
let admin: SessionUser;

before(async () => {
  t = await createTestDb();
  const a = await t.db.user.create({ data: { username: "office", name: "督查室", role: "ADMIN", passwordHash: "x" } });
  admin = { id: a.id, username: a.username, name: a.name, role: "ADMIN", unitId: null, unitName: null, groupIds: [], sessionId: null };
  await t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN" } });
});
after(() => t.cleanup());

async function sheet(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("账号");
  ws.addRow(USER_IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

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
  const file = await sheet([
    ["head-a", "甲镇长", "镇长", "13800000000", "单位负责人", "甲镇"],
    ["rep-x", "某人", "", "", "信息员", "不存在镇"],
    ["head-a", "重复", "", "", "区级领导", ""],
    ["office", "占用", "", "", "督查室", ""],
    ["bad", "角色错", "", "", "校长", ""],
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
  const file = await sheet([
    ["head-a", "甲镇长", "镇长", "13800000000", "单位负责人", "甲镇"],
    ["leader-x", "领导", "副区长", "", "区级领导", ""],
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
