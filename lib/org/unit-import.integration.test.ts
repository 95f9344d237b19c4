/**
 * The unit import: a bad row → nothing written and each bad row named with
 * its number; a good file → every unit created in one go, audited.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { importUnits, UNIT_IMPORT_COLUMNS, writeUnitTemplate } from "@/lib/org/unit-import";
import { makeColumnSheet, makeSheet } from "@/lib/testing/sheets";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createOffice } from "@/lib/testing/users";

let t: TestDb;
let admin: SessionUser;

before(async () => {
  t = await createTestDb();
  admin = await createOffice(t.db);
  await t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN", sortOrder: 4 } });
  await t.db.unit.create({ data: { code: "OLD", name: "旧局", kind: "DEPARTMENT", archivedAt: new Date() } });
});
after(() => t.cleanup());

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
  const outcome = await importUnits(t.db, admin, await makeSheet(["单位名称", "类别"], []));
  assert.equal(outcome.ok, false);
  assert.match(outcome.ok ? "" : outcome.message, /缺少列：单位代码/);
});

test("any bad row writes nothing and lists each bad row with its number, in Chinese", async () => {
  const before = await t.db.unit.count();
  const file = await makeColumnSheet(UNIT_IMPORT_COLUMNS, [
    { code: "B", name: "乙镇", kind: "乡镇", seatPlace: "乙镇政府", lat: "36.7", lng: "114.5" },
    { code: "C", name: "丙镇", kind: "学校" },
    { code: "B", name: "丁镇", kind: "乡镇" },
    { code: "A", name: "甲镇", kind: "乡镇" },
    { code: "E", name: "旧局", kind: "区直部门" },
    { code: "F", name: "戊局", kind: "区直部门", lat: "36.7" },
    { code: "G", name: "己", kind: "区直部门" },
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
  const file = await makeColumnSheet(UNIT_IMPORT_COLUMNS, [
    { code: "B", name: "乙镇", kind: "乡镇", seatPlace: "乙镇政府", lat: "36.7", lng: "114.5" },
    { code: "D1", name: "区水利局", kind: "区直部门" },
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
