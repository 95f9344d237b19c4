/**
 * The task writes against a real migrated SQLite file: scope in the query
 * (another unit's id is a 404 and changes nothing), the rules, the stored
 * status kept equal to deriveStatus, and the audit log.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { taskCreateInput } from "@/lib/tasks/schemas";
import { deriveStatus } from "@/lib/tasks/status";
import { taskListWhere, taskStatusWhere } from "@/lib/tasks/where";
import {
  addMilestone,
  createTask,
  deleteMilestone,
  reportMilestoneProgress,
  reportTaskProgress,
  setTaskArchived,
  updateTask,
  updateMilestone,
} from "@/lib/tasks/writes";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { sessionUser } from "@/lib/testing/users";

const today = "2026-11-27";
let t: TestDb;
let townA: string;
let townB: string;
let admin: SessionUser;
let reporterA: SessionUser;
let headB: SessionUser;
let assessor: SessionUser;

async function makeUser(username: string, role: Role, unitId: string | null = null) {
  const user = await t.db.user.create({ data: { username, name: username, role, unitId, passwordHash: "x" } });
  return sessionUser(user.id, role, unitId);
}

function taskForm(overrides: Record<string, string> = {}) {
  return taskCreateInput.parse({
    unitId: townA,
    year: "2026",
    title: "背街小巷整治12条",
    target: "12",
    measure: "条",
    startDate: "2026-01-10",
    deadline: "2026-12-31",
    weight: "1",
    ...overrides,
  });
}

before(async () => {
  t = await createTestDb();
  townA = (await t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN" } })).id;
  townB = (await t.db.unit.create({ data: { code: "B", name: "乙镇", kind: "TOWN" } })).id;
  admin = await makeUser("office", "ADMIN");
  reporterA = await makeUser("rep-a", "REPORTER", townA);
  headB = await makeUser("head-b", "UNIT_HEAD", townB);
  assessor = await makeUser("assessor", "ASSESSOR");
});
after(() => t.cleanup());

test("the office creates a task with cooperators; it gets a number, a derived status and an audit entry", async () => {
  const result = await createTask(t.db, admin, taskForm({ cooperatorIds: townB }), today);
  assert.ok(result.ok);
  const task = await t.db.task.findUniqueOrThrow({ where: { id: result.value.id }, include: { cooperators: true } });
  assert.equal(task.externalKey, "2026-RW0001");
  assert.equal(task.status, "NOT_STARTED");
  assert.deepEqual(
    task.cooperators.map((c) => c.unitId),
    [townB],
  );
  const log = await t.db.auditLog.findFirstOrThrow({ where: { entity: "Task", entityId: task.id, action: "task.create" } });
  assert.equal(log.actorId, admin.id);
  assert.equal(JSON.parse(log.after!).title, "背街小巷整治12条");
});

test("only the office creates tasks, and unknown references are refused", async () => {
  const denied = await createTask(t.db, reporterA, taskForm(), today);
  assert.equal(denied.ok, false);
  assert.equal(!denied.ok && denied.status, 403);
  const bad = await createTask(t.db, admin, taskForm({ unitId: "nope", keyTaskId: "nope", cooperatorIds: "nope" }), today);
  assert.equal(bad.ok, false);
  assert.deepEqual(!bad.ok && bad.fieldErrors, { unitId: ["责任单位不存在"], keyTaskId: ["重点工作不存在"], cooperatorIds: ["有配合单位不存在"] });
  const self = await createTask(t.db, admin, taskForm({ cooperatorIds: townA }), today);
  assert.deepEqual(!self.ok && self.fieldErrors, { cooperatorIds: ["配合单位不能包含责任单位本身"] });
});

test("a unit reports progress on its own task and the stored status follows", async () => {
  const created = await createTask(t.db, admin, taskForm({ title: "甲镇任务" }), today);
  assert.ok(created.ok);
  const id = created.value.id;
  const partial = await reportTaskProgress(t.db, reporterA, { taskId: id, valueReached: 5, note: "已完成5条" }, today);
  assert.deepEqual(partial, { ok: true, value: { status: "IN_PROGRESS" } });
  const done = await reportTaskProgress(t.db, reporterA, { taskId: id, valueReached: 12, note: null }, today);
  assert.deepEqual(done, { ok: true, value: { status: "DONE" } });
  const row = await t.db.task.findUniqueOrThrow({ where: { id } });
  assert.equal(row.status, "DONE");
  assert.equal(row.valueReached, 12);
  const logs = await t.db.auditLog.findMany({ where: { entityId: id, action: "task.progress" }, orderBy: { createdAt: "asc" } });
  assert.equal(logs.length, 2);
  assert.deepEqual(JSON.parse(logs[1].before!), { valueReached: 5, note: "已完成5条", status: "IN_PROGRESS" });
});

test("a unit cannot change another unit's task or milestone by its id: 404, nothing changed, nothing logged", async () => {
  const created = await createTask(t.db, admin, taskForm({ title: "甲镇的另一任务" }), today);
  assert.ok(created.ok);
  const milestone = await addMilestone(t.db, admin, { taskId: created.value.id, title: "上半年", dueDate: "2026-06-30", target: 6 }, today);
  assert.ok(milestone.ok);
  const auditBefore = await t.db.auditLog.count();

  const task = await reportTaskProgress(t.db, headB, { taskId: created.value.id, valueReached: 12, note: "越权" }, today);
  assert.equal(!task.ok && task.status, 404);
  const step = await reportMilestoneProgress(t.db, headB, { milestoneId: milestone.value.id, valueReached: 6, note: null }, today);
  assert.equal(!step.ok && step.status, 404);

  const row = await t.db.task.findUniqueOrThrow({ where: { id: created.value.id }, include: { milestones: true } });
  assert.equal(row.valueReached, 0);
  assert.equal(row.note, null);
  assert.equal(row.milestones[0].valueReached, 0);
  assert.equal(await t.db.auditLog.count(), auditBefore);
});

test("assessors and leaders do not report a unit's progress", async () => {
  const created = await createTask(t.db, admin, taskForm({ title: "考核组不能填报" }), today);
  assert.ok(created.ok);
  const result = await reportTaskProgress(t.db, assessor, { taskId: created.value.id, valueReached: 1, note: null }, today);
  assert.equal(!result.ok && result.status, 403);
});

test("milestones stay inside their task: after the deadline or above the target is refused", async () => {
  const created = await createTask(t.db, admin, taskForm({ title: "节点规则", deadline: "2026-12-15" }), today);
  assert.ok(created.ok);
  const late = await addMilestone(t.db, admin, { taskId: created.value.id, title: "年底", dueDate: "2026-12-16", target: 12 }, today);
  assert.deepEqual(!late.ok && late.fieldErrors, { dueDate: ["节点日期不能晚于任务截止日期（2026-12-15）"] });
  assert.equal(await t.db.milestone.count({ where: { taskId: created.value.id } }), 0);

  const ok = await addMilestone(t.db, admin, { taskId: created.value.id, title: "11月", dueDate: "2026-11-20", target: 8 }, today);
  assert.ok(ok.ok);
  // Due last week and not reached: stored as overdue at once.
  assert.equal((await t.db.milestone.findUniqueOrThrow({ where: { id: ok.value.id } })).status, "OVERDUE");

  // Moving the task's deadline before the milestone is refused, and nothing changes.
  const input = taskForm({ title: "节点规则", deadline: "2026-11-19" });
  const moved = await updateTask(t.db, admin, { ...input, id: created.value.id, valueReached: 0 }, today);
  assert.match((!moved.ok && moved.fieldErrors?.deadline?.[0]) || "", /“11月”的日期（2026-11-20）晚于截止日期/);
  assert.equal((await t.db.task.findUniqueOrThrow({ where: { id: created.value.id } })).deadline, "2026-12-15");

  const edited = await updateMilestone(t.db, admin, { id: ok.value.id, title: "12月初", dueDate: "2026-12-05", target: 8 }, today);
  assert.ok(edited.ok);
  assert.equal((await t.db.milestone.findUniqueOrThrow({ where: { id: ok.value.id } })).status, "NOT_STARTED");
  assert.ok((await deleteMilestone(t.db, admin, { id: ok.value.id })).ok);
  assert.equal(await t.db.milestone.count({ where: { taskId: created.value.id } }), 0);
  assert.equal(await t.db.auditLog.count({ where: { entityId: ok.value.id } }), 3);
});

test("an edit keeps the number, replaces the cooperators and re-derives the status", async () => {
  const created = await createTask(t.db, admin, taskForm({ title: "编辑前", cooperatorIds: townB }), today);
  assert.ok(created.ok);
  const before = await t.db.task.findUniqueOrThrow({ where: { id: created.value.id } });
  const result = await updateTask(t.db, admin, { ...taskForm({ title: "编辑后", deadline: "2026-11-26" }), id: created.value.id, valueReached: 3 }, today);
  assert.ok(result.ok);
  const row = await t.db.task.findUniqueOrThrow({ where: { id: created.value.id }, include: { cooperators: true } });
  assert.equal(row.title, "编辑后");
  assert.equal(row.externalKey, before.externalKey);
  assert.equal(row.cooperators.length, 0);
  assert.equal(row.status, "OVERDUE");
  const log = await t.db.auditLog.findFirstOrThrow({ where: { entityId: created.value.id, action: "task.update" } });
  assert.equal(JSON.parse(log.before!).title, "编辑前");
  assert.deepEqual(JSON.parse(log.before!).cooperatorIds, [townB]);
});

test("an archived task leaves the unit's reach", async () => {
  const created = await createTask(t.db, admin, taskForm({ title: "将归档" }), today);
  assert.ok(created.ok);
  assert.ok((await setTaskArchived(t.db, admin, { id: created.value.id, archived: true })).ok);
  const result = await reportTaskProgress(t.db, reporterA, { taskId: created.value.id, valueReached: 1, note: null }, today);
  assert.equal(!result.ok && result.status, 404);
  assert.ok((await setTaskArchived(t.db, admin, { id: created.value.id, archived: false })).ok);
  assert.equal((await t.db.auditLog.findMany({ where: { entityId: created.value.id, action: { in: ["task.archive", "task.restore"] } } })).length, 2);
});

test("the status filters select exactly the tasks deriveStatus puts in each status", async () => {
  const cases = [
    { title: "s-done-late", valueReached: 12, deadline: "2026-11-01" },
    { title: "s-overdue", valueReached: 3, deadline: "2026-11-26" },
    { title: "s-today", valueReached: 3, deadline: today },
    { title: "s-zero-today", valueReached: 0, deadline: today },
    { title: "s-over", valueReached: 15, deadline: "2026-12-31" },
  ];
  for (const c of cases) {
    const created = await createTask(t.db, admin, taskForm({ title: c.title, deadline: c.deadline }), today);
    assert.ok(created.ok);
    await t.db.task.update({ where: { id: created.value.id }, data: { valueReached: c.valueReached } });
  }
  const all = await t.db.task.findMany({ where: { archivedAt: null }, select: { id: true, target: true, valueReached: true, deadline: true } });
  for (const status of ["NOT_STARTED", "IN_PROGRESS", "DONE", "OVERDUE"] as const) {
    const expected = all
      .filter((task) => deriveStatus(task, today) === status)
      .map((task) => task.id)
      .sort();
    const found = (await t.db.task.findMany({ where: { AND: [{ archivedAt: null }, taskStatusWhere(t.db, status, today)] }, select: { id: true } }))
      .map((task) => task.id)
      .sort();
    assert.deepEqual(found, expected, status);
  }
  // And the unit scope is ANDed: town B's head sees none of town A's tasks through any filter.
  const seen = await t.db.task.count({ where: taskListWhere(t.db, headB, { unit: townA }, today) });
  assert.equal(seen, 0);
});
