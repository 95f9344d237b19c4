/**
 * The unit import: a bad row → nothing written and each bad row named with
 * its number; a good file → every unit created in one go, audited.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import type { SessionUser } from "@/lib/auth/roles";
import { importUnits, UNIT_IMPORT_COLUMNS, writeUnitTemplate } from "@/lib/org/unit-import";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

let t: TestDb;
let admin: SessionUser;

before(async () => {
  t = await createTestDb();
  const a = await t.db.user.create({ data: { username: "office", name: "督查室", role: "ADMIN", passwordHash: "x" } });
  admin = { id: a.id, username: a.username, name: a.name, role: "ADMIN", unitId: null, unitName: null, groupIds: [], sessionId: null };
  await t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN", sortOrder: 4 } });
  await t.db.unit.create({ data: { code: "OLD", name: "旧局", kind: "DEPARTMENT", archivedAt: new Date() } });
});
after(() => t.cleanup());

async function sheet(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("单位");
  ws.addRow(UNIT_IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("only the office may import; the template's example row imports as it stands", async () => {
  const template = await writeUnitTemplate();
  assert.equal((await importUnits(t.db, { ...admin, role: "REPORTER" }, template)).ok, false);
  assert.equal(await t.db.unit.count(), 2);
  const outcome = await importUnits(t.db, admin, template);
  assert.ok(outcome.ok);
  assert.deepEqual(outcome.created, [{ code: "town-01", name: "临洺关镇" }]);
  const unit = await t.db.unit.findUniqueOrThrow({ where: { code: "town-01" } });
  assert.equal(unit.kind, "TOWN");
  assert.equal(unit.lat, 36.774);
  assert.equal(unit.sortOrder, 5, "after the last town");
});

test("a file without the template's columns is refused as a whole", async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("x").addRow(["单位名称", "类别"]);
  const outcome = await importUnits(t.db, admin, Buffer.from(await workbook.xlsx.writeBuffer()));
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? "" : outcome.message, /缺少列：单位代码/);
});

test("any bad row writes nothing and lists each bad row with its number, in Chinese", async () => {
  const before = await t.db.unit.count();
  const file = await sheet([
    ["B", "乙镇", "乡镇", "乙镇政府", "36.7", "114.5"],
    ["C", "丙镇", "学校", "", "", ""],
    ["B", "丁镇", "乡镇", "", "", ""],
    ["A", "甲镇", "乡镇", "", "", ""],
    ["E", "旧局", "区直部门", "", "", ""],
    ["F", "戊局", "区直部门", "", "36.7", ""],
    ["G", "己", "区直部门", "", "", ""],
  ]);
  const outcome = await importUnits(t.db, admin, file);
  assert.ok(!outcome.ok);
  assert.match(outcome.message, /有 6 行需要修改，没有导入任何单位/);
  assert.deepEqual(
    outcome.rowErrors?.map((e) => e.row),
    [3, 4, 5, 6, 7, 8],
  );
  const [kind, repeated, taken, retiredName, coordinates, short] = outcome.rowErrors!.map((e) => e.message);
  assert.match(kind, /类别应为乡镇或区直部门/);
  assert.match(repeated, /单位代码 B 与第 2 行重复/);
  assert.match(taken, /单位代码 A 已被使用/);
  assert.match(taken, /单位名称 甲镇 已被使用/);
  assert.match(retiredName, /单位名称 旧局 已被使用/, "a retired unit keeps its name");
  assert.match(coordinates, /纬度和经度要一起填写/);
  assert.match(short, /单位名称至少 2 字/);
  assert.equal(await t.db.unit.count(), before, "nothing written");
});

test("a good file creates every unit in one go, each audited", async () => {
  const file = await sheet([
    ["B", "乙镇", "乡镇", "乙镇政府", "36.7", "114.5"],
    ["D1", "区水利局", "区直部门", "", "", ""],
  ]);
  const outcome = await importUnits(t.db, admin, file);
  assert.ok(outcome.ok);
  assert.equal(outcome.created.length, 2);
  const dept = await t.db.unit.findUniqueOrThrow({ where: { code: "D1" } });
  assert.equal(dept.kind, "DEPARTMENT");
  assert.equal(dept.lat, null);
  const entries = await t.db.auditLog.findMany({ where: { action: "unit.import" } });
  assert.equal(entries.length, 3, "the template row and these two");
  const entry = entries.find((e) => e.entityId === dept.id)!;
  assert.equal(entry.unitId, dept.id);
  assert.equal(JSON.parse(entry.after!).name, "区水利局");
});
