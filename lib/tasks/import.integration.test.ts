/**
 * The import against a real migrated SQLite file: all or nothing (one bad row
 * among 1,000 imports nothing), idempotent (the same file twice changes
 * nothing), and an exported list imports back unchanged.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { loadTaskExportRows, writeTaskExport } from "@/lib/tasks/export";
import { commitTaskImport, previewTaskImport, sha256Of } from "@/lib/tasks/import";
import { deriveStatus } from "@/lib/tasks/status";
import { generateTaskRows, makeTaskSheet, type TaskSheetRow } from "@/lib/testing/task-sheet";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createOffice, sessionUser } from "@/lib/testing/users";

const today = "2026-11-27";
let t: TestDb;
let admin: SessionUser;
let reporter: SessionUser;
let rows: TaskSheetRow[];
const UNITS = ["甲镇", "乙镇", "丙局"];

before(async () => {
  t = await createTestDb();
  const units = await Promise.all(UNITS.map((name, i) => t.db.unit.create({ data: { code: `U${i}`, name, kind: i < 2 ? "TOWN" : "DEPARTMENT" } })));
  admin = await createOffice(t.db);
  const rep = await t.db.user.create({ data: { username: "rep", name: "信息员", role: "REPORTER", unitId: units[0].id, passwordHash: "x" } });
  reporter = sessionUser(rep.id, "REPORTER", units[0].id);
  rows = generateTaskRows(1000, UNITS, "IT", 2026);
});
after(() => t.cleanup());

test("one bad row among 1,000 imports nothing, and the preview names it", async () => {
  const bad = rows.map((r, i) => (i === 499 ? { ...r, 责任单位: "不存在镇" } : r));
  const file = await makeTaskSheet(bad);

  const preview = await previewTaskImport(t.db, admin, file, "tasks.xlsx");
  assert.ok(preview.ok);
  assert.equal(preview.summary.rows, 1000);
  assert.deepEqual(preview.summary.errors, [{ rowNumber: 501, externalKey: "IT-00500", messages: ["责任单位“不存在镇”不存在"] }]);

  const result = await commitTaskImport(t.db, admin, file, "tasks.xlsx", { today });
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.status, 400);
  assert.equal(!result.ok && result.message, "有 1 行有错误，没有导入任何任务。");
  assert.equal(await t.db.task.count(), 0);
  assert.equal(await t.db.taskCooperator.count(), 0);
  assert.equal(await t.db.auditLog.count(), 0);
});

test("the corrected file imports all 1,000 in one go, each with an audit entry", async () => {
  const file = await makeTaskSheet(rows);
  const result = await commitTaskImport(t.db, admin, file, "tasks.xlsx", { today, expectedSha256: sha256Of(file) });
  assert.ok(result.ok);
  assert.deepEqual([result.summary.create, result.summary.update, result.summary.unchanged], [1000, 0, 0]);
  assert.equal(await t.db.task.count(), 1000);
  const task = await t.db.task.findUniqueOrThrow({ where: { externalKey: "IT-00001" }, include: { unit: true } });
  assert.equal(task.unit.name, "甲镇");
  assert.equal(task.deadline, "2026-01-31");
  assert.equal(task.status, "OVERDUE");
  assert.equal(await t.db.auditLog.count({ where: { action: "task.import.create" } }), 1000);
  assert.equal(await t.db.auditLog.count({ where: { action: "task.import" } }), 1);
});

test("importing the same file again changes nothing", async () => {
  const file = await makeTaskSheet(rows);
  const before = await t.db.task.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
  const result = await commitTaskImport(t.db, admin, file, "tasks.xlsx", { today });
  assert.ok(result.ok);
  assert.deepEqual([result.summary.create, result.summary.update, result.summary.unchanged], [0, 0, 1000]);
  assert.deepEqual(await t.db.task.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }), before);
  assert.equal(await t.db.auditLog.count({ where: { action: { startsWith: "task.import." } } }), 1000);
});

test("an exported list (.xlsx and .csv) imports back unchanged", async () => {
  const exported = await loadTaskExportRows(t.db, admin, {}, today);
  assert.equal(exported.length, 1000);
  for (const format of ["xlsx", "csv"] as const) {
    const file = await writeTaskExport(exported, format);
    const result = await commitTaskImport(t.db, admin, file, `export.${format}`, { today });
    assert.ok(result.ok, format);
    assert.deepEqual([result.summary.create, result.summary.update, result.summary.unchanged], [0, 0, 1000], format);
  }
});

test("a changed row updates its task only, keeping the progress a unit reported", async () => {
  await t.db.task.update({ where: { externalKey: "IT-00012" }, data: { valueReached: 10 } });
  const changed = rows.map((r, i) => (i === 11 ? { ...r, 目标值: 20, 配合单位: "甲镇" } : r));
  const result = await commitTaskImport(t.db, admin, await makeTaskSheet(changed), "tasks.xlsx", { today });
  assert.ok(result.ok);
  assert.deepEqual([result.summary.create, result.summary.update, result.summary.unchanged], [0, 1, 999]);
  const task = await t.db.task.findUniqueOrThrow({ where: { externalKey: "IT-00012" }, include: { cooperators: { include: { unit: true } } } });
  assert.equal(task.target, 20);
  assert.equal(task.valueReached, 10);
  assert.equal(task.status, deriveStatus(task, today));
  assert.deepEqual(
    task.cooperators.map((c) => c.unit.name),
    ["甲镇"],
  );
  const log = await t.db.auditLog.findFirstOrThrow({ where: { action: "task.import.update", entityId: task.id } });
  assert.equal(JSON.parse(log.before!).target, 6);
});

test("a file changed since its preview, or a caller who is not the office, is refused", async () => {
  const file = await makeTaskSheet(rows.slice(0, 5));
  const stale = await commitTaskImport(t.db, admin, file, "tasks.xlsx", { today, expectedSha256: "0".repeat(64) });
  assert.equal(!stale.ok && stale.status, 409);
  const denied = await commitTaskImport(t.db, reporter, await makeTaskSheet(generateTaskRows(3, UNITS, "RX", 2026)), "tasks.xlsx", { today });
  assert.equal(!denied.ok && denied.status, 403);
  assert.equal(await t.db.task.count({ where: { externalKey: { startsWith: "RX-" } } }), 0);
  const preview = await previewTaskImport(t.db, reporter, file, "tasks.xlsx");
  assert.equal(!preview.ok && preview.status, 403);
});
