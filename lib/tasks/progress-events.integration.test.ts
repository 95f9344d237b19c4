/**
 * Every write path that changes a value reached writes its progress event in
 * the same transaction (the evening's amounts, the unit's update, the
 * office's edit; the import changes no value and writes none), and
 * progressAsOf answers the value and the day the target was reached on any
 * day — on SQLite and PostgreSQL.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import ExcelJS from "exceljs";
import type { SessionUser } from "@/lib/auth/roles";
import { submitSlot } from "@/lib/reports/submit";
import { LocalDirStorage } from "@/lib/storage";
import { buildTaskExport } from "@/lib/tasks/export";
import { commitTaskImport } from "@/lib/tasks/import";
import { dueKey, progressAsOf, valuesAtDue, writeProgressEvents } from "@/lib/tasks/progress-events";
import { itemStatus } from "@/lib/tasks/status";
import { taskUpdateInput } from "@/lib/tasks/schemas";
import { reportMilestoneProgress, reportTaskProgress, updateTask } from "@/lib/tasks/writes";
import { makeTaskSheet } from "@/lib/testing/task-sheet";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createOffice, sessionUser } from "@/lib/testing/users";
import { addDays, districtInstant, districtToday } from "@/lib/time";

let t: TestDb;
let photoDir: string;
let unitId: string;
let reporter: SessionUser;
let admin: SessionUser;
const today = districtToday();
const year = Number(today.slice(0, 4));

async function newTask(title: string, target = 100, milestoneTargets: number[] = []) {
  return t.db.task.create({
    data: {
      year,
      unitId,
      title,
      target,
      measure: "户",
      startDate: `${year}-01-01`,
      deadline: `${year}-12-31`,
      milestones: { create: milestoneTargets.map((m, i) => ({ title: `累计 ${m} 户`, dueDate: `${year}-12-31`, target: m, sortOrder: i + 1 })) },
    },
    include: { milestones: { orderBy: { sortOrder: "asc" } } },
  });
}

before(async () => {
  t = await createTestDb();
  photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-progress-"));
  unitId = (await t.db.unit.create({ data: { code: "P1", name: "进度镇", kind: "TOWN" } })).id;
  const rep = await t.db.user.create({ data: { username: "rep", name: "王信息", role: "REPORTER", unitId, passwordHash: "x" } });
  reporter = sessionUser(rep.id, "REPORTER", unitId);
  admin = await createOffice(t.db);
});

after(async () => {
  await t.cleanup();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

test("an evening's amount writes a REPORT event for the task and each milestone it moves, dated to the card and linked to the slot", async () => {
  const task = await newTask("拆除违建 100 户", 100, [30, 100]);
  const storage = new LocalDirStorage(photoDir);
  const evening = (value: number, reason?: string) =>
    submitSlot(t.db, storage, {
      user: reporter,
      date: "today",
      slot: "evening",
      photos: [],
      now: districtInstant(today, "20:00"),
      input: { items: [{ text: "拆除东街违建", taskId: task.id, done: true, progressValue: value }], ...(reason ? { revisionReason: reason } : {}) },
    });
  const first = await evening(40);
  const events = await t.db.progressEvent.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" } });
  assert.deepEqual(
    events.map((e) => ({ m: e.milestoneId, source: e.source, date: e.date, delta: e.delta, valueAfter: e.valueAfter, slotId: e.slotId, actorId: e.actorId })),
    [
      { m: null, source: "REPORT", date: today, delta: 40, valueAfter: 40, slotId: first.slot.id, actorId: reporter.id },
      { m: task.milestones[0].id, source: "REPORT", date: today, delta: 30, valueAfter: 30, slotId: first.slot.id, actorId: reporter.id },
      { m: task.milestones[1].id, source: "REPORT", date: today, delta: 40, valueAfter: 40, slotId: first.slot.id, actorId: reporter.id },
    ],
  );
  // The unit lowers its amount before the deadline: a negative change, the first milestone untouched.
  await evening(25);
  const later = await t.db.progressEvent.findMany({ where: { taskId: task.id, id: { gt: events.at(-1)!.id } }, orderBy: { id: "asc" } });
  assert.deepEqual(
    later.map((e) => [e.milestoneId, e.delta, e.valueAfter]),
    [
      [null, -15, 25],
      [task.milestones[0].id, -5, 25],
      [task.milestones[1].id, -15, 25],
    ],
  );
  const stored = await t.db.task.findUniqueOrThrow({ where: { id: task.id } });
  const sum = (await t.db.progressEvent.findMany({ where: { taskId: task.id, milestoneId: null } })).reduce((s, e) => s + e.delta, 0);
  assert.equal(sum, stored.valueReached, "the events add up to the stored value");
});

test("the unit's update on the task page writes a UNIT_UPDATE event for the task, and one for a milestone", async () => {
  const task = await newTask("修缮道路 10 公里", 10, [5]);
  const done = await reportTaskProgress(t.db, reporter, { taskId: task.id, valueReached: 4, note: "已完成路基" }, today);
  assert.ok(done.ok);
  await reportTaskProgress(t.db, reporter, { taskId: task.id, valueReached: 4, note: "只改说明" }, today);
  const m = await reportMilestoneProgress(t.db, reporter, { milestoneId: task.milestones[0].id, valueReached: 5, note: null }, today);
  assert.ok(m.ok);
  const events = await t.db.progressEvent.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" } });
  assert.deepEqual(
    events.map((e) => [e.milestoneId, e.source, e.date, e.delta, e.valueAfter, e.actorId]),
    [
      [null, "UNIT_UPDATE", today, 4, 4, reporter.id],
      [task.milestones[0].id, "UNIT_UPDATE", today, 5, 5, reporter.id],
    ],
    "a note alone changes no value and writes no event",
  );
});

test("the office's edit of a task's value writes an OFFICE_EDIT event; another unit's task is refused and writes none", async () => {
  const task = await newTask("新建公厕 8 座", 8);
  const form = (valueReached: string) =>
    taskUpdateInput.parse({
      id: task.id,
      unitId,
      year: String(year),
      title: task.title,
      target: "8",
      measure: "座",
      startDate: `${year}-01-01`,
      deadline: `${year}-12-31`,
      weight: "1",
      valueReached,
    });
  assert.ok((await updateTask(t.db, admin, form("6"), today)).ok);
  const [event] = await t.db.progressEvent.findMany({ where: { taskId: task.id } });
  assert.deepEqual([event.source, event.delta, event.valueAfter, event.actorId], ["OFFICE_EDIT", 6, 6, admin.id]);
  const refused = await reportTaskProgress(t.db, sessionUser(reporter.id, "REPORTER", "another-unit"), { taskId: task.id, valueReached: 8, note: null }, today);
  assert.equal(refused.ok, false);
  assert.equal(await t.db.progressEvent.count({ where: { taskId: task.id } }), 1);
});

test("an import sets the lists, never a value: it writes no progress event", async () => {
  const before = await t.db.progressEvent.count();
  const sheet = await makeTaskSheet([
    {
      任务编号: `${year}-IMP-1`,
      责任单位: "进度镇",
      年度: String(year),
      任务名称: "导入的任务",
      目标值: "5",
      计量单位: "个",
      开始日期: `${year}-01-01`,
      截止日期: `${year}-12-31`,
    },
  ]);
  const result = await commitTaskImport(t.db, admin, sheet, "tasks.xlsx", { today });
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(await t.db.progressEvent.count(), before);
});

test("progressAsOf: each task's and milestone's value on a day and the day it reached its target", async () => {
  const task = await newTask("招商签约 3 个", 3, [1, 3]);
  const [m1, m2] = task.milestones;
  const at = (date: string) => districtInstant(date, "12:00");
  await writeProgressEvents(t.db, [
    { taskId: task.id, date: `${year}-03-10`, at: at(`${year}-03-10`), source: "UNIT_UPDATE", actorId: null, delta: 1, valueAfter: 1 },
    { taskId: task.id, milestoneId: m1.id, date: `${year}-03-10`, at: at(`${year}-03-10`), source: "UNIT_UPDATE", actorId: null, delta: 1, valueAfter: 1 },
    { taskId: task.id, milestoneId: m2.id, date: `${year}-03-10`, at: at(`${year}-03-10`), source: "UNIT_UPDATE", actorId: null, delta: 1, valueAfter: 1 },
    { taskId: task.id, date: `${year}-08-20`, at: at(`${year}-08-20`), source: "UNIT_UPDATE", actorId: null, delta: 2, valueAfter: 3 },
    { taskId: task.id, milestoneId: m2.id, date: `${year}-08-20`, at: at(`${year}-08-20`), source: "UNIT_UPDATE", actorId: null, delta: 2, valueAfter: 3 },
    // Recorded in October, dated to the claim's day in August: counts from August unless asked as known before.
    { taskId: task.id, date: `${year}-08-20`, at: at(`${year}-10-05`), source: "REVERSAL", actorId: null, delta: -1, valueAfter: 2 },
  ]);
  const other = await newTask("没有进度的任务", 4);
  const q2 = await progressAsOf(t.db, [task.id, other.id, "no-such-task"], `${year}-06-30`);
  assert.equal(q2.size, 2);
  const a = q2.get(task.id)!;
  assert.deepEqual([a.value, a.reachedOn, a.target], [1, null, 3]);
  assert.deepEqual(
    a.milestones.map((m) => [m.milestoneId, m.value, m.reachedOn]),
    [
      [m1.id, 1, `${year}-03-10`],
      [m2.id, 1, null],
    ],
  );
  assert.deepEqual([q2.get(other.id)!.value, q2.get(other.id)!.reachedOn], [0, null]);

  const q3 = (await progressAsOf(t.db, [task.id], `${year}-09-30`)).get(task.id)!;
  assert.deepEqual([q3.value, q3.reachedOn], [2, null], "the reversal counts from the claim's day");
  assert.equal(q3.milestones[1].reachedOn, `${year}-08-20`);
  const known = (await progressAsOf(t.db, [task.id], `${year}-09-30`, { knownAt: at(`${year}-09-30`) })).get(task.id)!;
  assert.deepEqual([known.value, known.reachedOn], [3, `${year}-08-20`], "as it was known at the end of September");
});

test("the task export：达标日期 from the history; the .xlsx carries every event in a 进度记录 sheet, the .csv one table", async () => {
  const task = await newTask("修建桥梁 2 座", 2);
  await reportTaskProgress(t.db, reporter, { taskId: task.id, valueReached: 2, note: null }, today);
  const file = await buildTaskExport(t.db, admin, {}, today, "xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  const list = workbook.getWorksheet("任务清单")!;
  const headers = (list.getRow(1).values as unknown[]).slice(1);
  const reachedColumn = headers.indexOf("达标日期") + 1;
  assert.ok(reachedColumn > 0);
  let reached: unknown = undefined;
  list.eachRow((row) => {
    if (row.getCell(headers.indexOf("任务名称") + 1).value === "修建桥梁 2 座") reached = row.getCell(reachedColumn).value;
  });
  assert.equal(reached, today);

  const history = workbook.getWorksheet("进度记录")!;
  assert.deepEqual((history.getRow(1).values as unknown[]).slice(1, 9), ["任务编号", "责任单位", "任务名称", "节点", "日期", "来源", "变化量", "变化后"]);
  assert.equal(history.rowCount - 1, await t.db.progressEvent.count(), "one row per event");
  const bridge: unknown[][] = [];
  history.eachRow((row) => {
    if (row.getCell(3).value === "修建桥梁 2 座") bridge.push([4, 5, 6, 7, 8, 9].map((c) => row.getCell(c).value));
  });
  assert.deepEqual(bridge, [[null, today, "单位更新", 2, 2, "户"]]);

  const csv = (await buildTaskExport(t.db, admin, {}, today, "csv")).toString("utf8");
  assert.match(csv.split("\n")[0], /达标日期/);
  assert.doesNotMatch(csv, /进度记录/);
});

test("逾期完成 from the history: a task and a milestone done after their due dates, beside ones done on time; the export says so", async () => {
  const due = addDays(today, -20);
  const task = await t.db.task.create({
    data: {
      year: Number(due.slice(0, 4)),
      unitId,
      title: "逾期完成的任务",
      target: 4,
      measure: "个",
      valueReached: 4,
      deadline: due,
      milestones: {
        create: [
          { title: "按期节点", dueDate: addDays(due, -10), target: 2, valueReached: 2 },
          { title: "逾期节点", dueDate: addDays(due, -5), target: 3, valueReached: 3 },
        ],
      },
    },
    include: { milestones: { orderBy: { dueDate: "asc" } } },
  });
  const [onTime, late] = task.milestones;
  const event = (date: string, delta: number, valueAfter: number, milestoneId: string | null = null) => ({
    taskId: task.id,
    milestoneId,
    date,
    at: districtInstant(date, "18:00"),
    source: "UNIT_UPDATE" as const,
    actorId: null,
    delta,
    valueAfter,
  });
  await writeProgressEvents(t.db, [
    event(addDays(due, -12), 2, 2),
    event(addDays(due, -12), 2, 2, onTime.id),
    event(addDays(due, -12), 2, 2, late.id),
    event(addDays(due, 3), 2, 4),
    event(addDays(due, 3), 1, 3, late.id),
  ]);
  const items = [
    { taskId: task.id, dueDate: task.deadline, target: 4, valueReached: 4 },
    ...task.milestones.map((m) => ({ taskId: task.id, milestoneId: m.id, dueDate: m.dueDate, target: m.target, valueReached: m.valueReached })),
  ];
  const atDue = await valuesAtDue(t.db, items, today);
  const status = (item: (typeof items)[number]) => itemStatus({ ...item, deadline: item.dueDate, valueAtDue: atDue.get(dueKey(item)) }, today);
  assert.deepEqual(items.map(status), ["DONE_LATE", "DONE", "DONE_LATE"]);
  assert.deepEqual(
    items.map((i) => atDue.get(dueKey(i))),
    [2, 2, 2],
  );
  // Not done, or due today or later: nothing to read, and nothing is claimed late.
  assert.equal((await valuesAtDue(t.db, [{ taskId: task.id, dueDate: today, target: 4, valueReached: 4 }], today)).size, 0);

  const csv = (await buildTaskExport(t.db, admin, {}, today, "csv")).toString("utf8");
  const row = csv.split("\n").find((line) => line.includes("逾期完成的任务"))!;
  assert.match(row, /,逾期完成,/);
  // The rule it scores by stands beside the state (the year's late credit; 50% by default).
  const headers = csv
    .split("\n")[0]
    .replace(/^\uFEFF/, "")
    .split(",");
  const ruleColumn = headers.indexOf("计分规则");
  assert.equal(headers[ruleColumn - 2], "状态");
  assert.match(row, /逾期完成,[^,]*,逾期完成：到期日前完成的部分全额计分，到期日之后（至季度末）完成的部分按 50% 计分,/);
  assert.doesNotMatch(
    csv.split("\n").find((line) => line.includes("修建桥梁 2 座"))!,
    /逾期完成/,
  );
});
