/**
 * Every write to the task lists: the office's create/edit/archive of tasks
 * and milestones, and a unit's progress reports. Each function checks the
 * role, finds its row with the caller's unit scope IN THE QUERY (another
 * unit's id finds nothing: 404), applies the rules, keeps the stored status
 * equal to deriveStatus, and writes the audit log in the same transaction.
 * Plain functions over a client, so integration tests call them directly;
 * lib/tasks/actions.ts wraps them as server actions.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, TaskStatus } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/audit";
import { UNIT_ROLES, withUnitRowScope, type SessionUser } from "@/lib/auth/roles";
import type { MilestoneFields, ProgressInput, TaskCreateInput, TaskUpdateInput } from "@/lib/tasks/schemas";
import { hasErrors, milestoneRuleErrors, milestonesFitErrors, type RuleErrors } from "@/lib/tasks/rules";
import { eventsOfChange, writeProgressEvents } from "@/lib/tasks/progress-events";
import { deriveStatus } from "@/lib/tasks/status";
import { taskFieldsSelect } from "@/lib/tasks/selects";
import { districtToday, type DistrictDate } from "@/lib/time";
import type { WriteResult } from "@/lib/write-result";

export type { WriteResult } from "@/lib/write-result";

export const TASK_NOT_FOUND = "没有找到这项任务，或您无权操作。";
export const MILESTONE_NOT_FOUND = "没有找到这个节点，或您无权操作。";
const FORBIDDEN = "没有权限执行此操作。";
const CHECK_INPUT = "请检查填写的内容。";

function forbidden(): WriteResult<never> {
  return { ok: false, status: 403, message: FORBIDDEN };
}

function invalid(errors: RuleErrors, message = CHECK_INPUT): WriteResult<never> {
  return { ok: false, status: 400, message, fieldErrors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]])) };
}

function allowed(user: SessionUser, roles: readonly Role[]): boolean {
  return roles.includes(user.role);
}

type Tx = Prisma.TransactionClient;

const taskSnapshotSelect = {
  ...taskFieldsSelect,
  status: true,
  note: true,
  archivedAt: true,
  cooperators: { select: { unitId: true } },
} satisfies Prisma.TaskSelect;

/** The task as the audit log records it: its fields and cooperating unit ids. */
async function taskSnapshot(tx: Tx, id: string) {
  const { cooperators, ...task } = await tx.task.findUniqueOrThrow({ where: { id }, select: taskSnapshotSelect });
  return { ...task, cooperatorIds: cooperators.map((c) => c.unitId).sort() };
}

/** Unit, key task, line, leader and cooperators must exist (and a leader be a LEADER). */
async function checkTaskRefs(client: Db | Tx, input: TaskCreateInput): Promise<RuleErrors> {
  const [unit, keyTask, line, leader, cooperators] = await Promise.all([
    client.unit.findFirst({ where: { id: input.unitId, archivedAt: null }, select: { id: true } }),
    input.keyTaskId ? client.keyTask.findUnique({ where: { id: input.keyTaskId }, select: { id: true } }) : null,
    input.lineId ? client.line.findUnique({ where: { id: input.lineId }, select: { id: true } }) : null,
    input.responsibleLeaderId ? client.user.findFirst({ where: { id: input.responsibleLeaderId, role: "LEADER" }, select: { id: true } }) : null,
    client.unit.count({ where: { id: { in: input.cooperatorIds }, archivedAt: null } }),
  ]);
  const errors: RuleErrors = {};
  if (!unit) errors.unitId = "责任单位不存在";
  if (input.keyTaskId && !keyTask) errors.keyTaskId = "重点工作不存在";
  if (input.lineId && !line) errors.lineId = "分线不存在";
  if (input.responsibleLeaderId && !leader) errors.responsibleLeaderId = "分包领导不存在";
  if (cooperators !== input.cooperatorIds.length) errors.cooperatorIds = "有配合单位不存在";
  else if (input.cooperatorIds.includes(input.unitId)) errors.cooperatorIds = "配合单位不能包含责任单位本身";
  return errors;
}

/**
 * A task without a number of its own gets "2026-RW0001", the next free one of
 * a shared counter: the export and re-import then find it again.
 */
async function nextExternalKey(tx: Tx, year: number): Promise<string> {
  for (;;) {
    const counter = await tx.counter.upsert({
      where: { key: `task.externalKey.${year}` },
      create: { key: `task.externalKey.${year}`, value: 1 },
      update: { value: { increment: 1 } },
    });
    const key = `${year}-RW${String(counter.value).padStart(4, "0")}`;
    if (!(await tx.task.findUnique({ where: { externalKey: key }, select: { id: true } }))) return key;
  }
}

function taskData(input: TaskCreateInput) {
  return {
    year: input.year,
    unitId: input.unitId,
    title: input.title,
    description: input.description,
    keyTaskId: input.keyTaskId,
    lineId: input.lineId,
    target: input.target,
    measure: input.measure,
    startDate: input.startDate,
    deadline: input.deadline,
    responsibleLeaderId: input.responsibleLeaderId,
    weight: input.weight,
    requiresPhoto: input.requiresPhoto,
    requiresLocation: input.requiresLocation,
    sitePlace: input.sitePlace,
    siteLat: input.siteLat,
    siteLng: input.siteLng,
    note: input.note,
  };
}

/** The office creates a task for any unit. */
export async function createTask(client: Db, user: SessionUser, input: TaskCreateInput, today = districtToday()): Promise<WriteResult<{ id: string }>> {
  if (!allowed(user, ["ADMIN"])) return forbidden();
  const errors = await checkTaskRefs(client, input);
  if (input.externalKey && (await client.task.findUnique({ where: { externalKey: input.externalKey }, select: { id: true } }))) {
    errors.externalKey = "任务编号已被其他任务使用";
  }
  if (hasErrors(errors)) return invalid(errors);
  const id = await client.$transaction(async (tx) => {
    const externalKey = input.externalKey ?? (await nextExternalKey(tx, input.year));
    const task = await tx.task.create({
      data: {
        ...taskData(input),
        externalKey,
        status: deriveStatus({ ...input, valueReached: 0 }, today),
        cooperators: { create: input.cooperatorIds.map((unitId) => ({ unitId })) },
      },
      select: { id: true },
    });
    await audit(tx, { actorId: user.id, action: "task.create", entity: "Task", entityId: task.id, after: await taskSnapshot(tx, task.id) });
    return task.id;
  });
  return { ok: true, value: { id } };
}

/** The office edits any field of a task; its milestones must still fit. */
export async function updateTask(client: Db, user: SessionUser, input: TaskUpdateInput, today = districtToday()): Promise<WriteResult> {
  if (!allowed(user, ["ADMIN"])) return forbidden();
  const existing = await client.task.findFirst({
    where: withUnitRowScope(user, { id: input.id }),
    select: { id: true, externalKey: true, milestones: { select: { title: true, dueDate: true, target: true } } },
  });
  if (!existing) return { ok: false, status: 404, message: TASK_NOT_FOUND };
  const errors = { ...milestonesFitErrors(input, existing.milestones), ...(await checkTaskRefs(client, input)) };
  const externalKey = input.externalKey ?? existing.externalKey;
  if (externalKey && externalKey !== existing.externalKey) {
    const clash = await client.task.findUnique({ where: { externalKey }, select: { id: true } });
    if (clash) errors.externalKey = "任务编号已被其他任务使用";
  }
  if (hasErrors(errors)) return invalid(errors);
  await client.$transaction(async (tx) => {
    const before = await taskSnapshot(tx, input.id);
    await tx.task.update({
      where: { id: input.id },
      data: {
        ...taskData(input),
        externalKey,
        valueReached: input.valueReached,
        status: deriveStatus(input, today),
      },
    });
    await tx.taskCooperator.deleteMany({ where: { taskId: input.id } });
    await tx.taskCooperator.createMany({ data: input.cooperatorIds.map((unitId) => ({ taskId: input.id, unitId })) });
    await writeProgressEvents(
      tx,
      eventsOfChange({ date: today, at: new Date(), source: "OFFICE_EDIT", actorId: user.id }, input.id, {
        before: before.valueReached,
        after: input.valueReached,
      }),
    );
    await audit(tx, { actorId: user.id, action: "task.update", entity: "Task", entityId: input.id, before, after: await taskSnapshot(tx, input.id) });
  });
  return { ok: true, value: undefined };
}

/** Archiving hides a task from every list but keeps it (and its history); it can be restored. */
export async function setTaskArchived(client: Db, user: SessionUser, input: { id: string; archived: boolean }): Promise<WriteResult> {
  if (!allowed(user, ["ADMIN"])) return forbidden();
  const existing = await client.task.findFirst({ where: withUnitRowScope(user, { id: input.id }), select: { id: true, archivedAt: true } });
  if (!existing) return { ok: false, status: 404, message: TASK_NOT_FOUND };
  if (Boolean(existing.archivedAt) === input.archived) return { ok: true, value: undefined };
  await client.$transaction(async (tx) => {
    const before = await taskSnapshot(tx, input.id);
    await tx.task.update({ where: { id: input.id }, data: { archivedAt: input.archived ? new Date() : null } });
    await audit(tx, {
      actorId: user.id,
      action: input.archived ? "task.archive" : "task.restore",
      entity: "Task",
      entityId: input.id,
      before,
      after: await taskSnapshot(tx, input.id),
    });
  });
  return { ok: true, value: undefined };
}

const milestoneSnapshotSelect = {
  id: true,
  taskId: true,
  title: true,
  dueDate: true,
  target: true,
  valueReached: true,
  status: true,
  note: true,
  sortOrder: true,
} satisfies Prisma.MilestoneSelect;

/** The office adds a milestone (a step of the 课程表) inside the task's dates and target. */
export async function addMilestone(
  client: Db,
  user: SessionUser,
  input: MilestoneFields & { taskId: string },
  today = districtToday(),
): Promise<WriteResult<{ id: string }>> {
  if (!allowed(user, ["ADMIN"])) return forbidden();
  const task = await client.task.findFirst({
    where: withUnitRowScope(user, { id: input.taskId, archivedAt: null }),
    select: { id: true, target: true, startDate: true, deadline: true, _count: { select: { milestones: true } } },
  });
  if (!task) return { ok: false, status: 404, message: TASK_NOT_FOUND };
  const errors = milestoneRuleErrors(input, task);
  if (hasErrors(errors)) return invalid(errors);
  const id = await client.$transaction(async (tx) => {
    const milestone = await tx.milestone.create({
      data: {
        taskId: task.id,
        title: input.title,
        dueDate: input.dueDate,
        target: input.target,
        sortOrder: task._count.milestones + 1,
        status: deriveStatus({ target: input.target, valueReached: 0, deadline: input.dueDate }, today),
      },
      select: milestoneSnapshotSelect,
    });
    await audit(tx, { actorId: user.id, action: "milestone.create", entity: "Milestone", entityId: milestone.id, after: milestone });
    return milestone.id;
  });
  return { ok: true, value: { id } };
}

type MilestoneSnapshot = Prisma.MilestoneGetPayload<{ select: typeof milestoneSnapshotSelect }>;

function milestoneSnapshot(m: MilestoneSnapshot): MilestoneSnapshot {
  const { id, taskId, title, dueDate, target, valueReached, status, note, sortOrder } = m;
  return { id, taskId, title, dueDate, target, valueReached, status, note, sortOrder };
}

function findMilestone(client: Db, user: SessionUser, id: string) {
  return client.milestone.findFirst({
    // The scope rides on the milestone's task: another unit's milestone id finds nothing.
    where: { id, task: withUnitRowScope(user, { archivedAt: null }) },
    select: { ...milestoneSnapshotSelect, task: { select: { target: true, startDate: true, deadline: true } }, _count: { select: { reportItems: true } } },
  });
}

export async function updateMilestone(client: Db, user: SessionUser, input: MilestoneFields & { id: string }, today = districtToday()): Promise<WriteResult> {
  if (!allowed(user, ["ADMIN"])) return forbidden();
  const existing = await findMilestone(client, user, input.id);
  if (!existing) return { ok: false, status: 404, message: MILESTONE_NOT_FOUND };
  const errors = milestoneRuleErrors(input, existing.task);
  if (hasErrors(errors)) return invalid(errors);
  await client.$transaction(async (tx) => {
    const after = await tx.milestone.update({
      where: { id: input.id },
      data: {
        title: input.title,
        dueDate: input.dueDate,
        target: input.target,
        status: deriveStatus({ target: input.target, valueReached: existing.valueReached, deadline: input.dueDate }, today),
      },
      select: milestoneSnapshotSelect,
    });
    await audit(tx, { actorId: user.id, action: "milestone.update", entity: "Milestone", entityId: input.id, before: milestoneSnapshot(existing), after });
  });
  return { ok: true, value: undefined };
}

/** A milestone that reports already point to stays (what was shown stays shown). */
export async function deleteMilestone(client: Db, user: SessionUser, input: { id: string }): Promise<WriteResult> {
  if (!allowed(user, ["ADMIN"])) return forbidden();
  const existing = await findMilestone(client, user, input.id);
  if (!existing) return { ok: false, status: 404, message: MILESTONE_NOT_FOUND };
  if (existing._count.reportItems > 0) return { ok: false, status: 400, message: "这个节点已被晒报引用，不能删除；可以修改它的内容和日期。" };
  await client.$transaction(async (tx) => {
    await tx.milestone.delete({ where: { id: input.id } });
    await audit(tx, { actorId: user.id, action: "milestone.delete", entity: "Milestone", entityId: input.id, before: milestoneSnapshot(existing) });
  });
  return { ok: true, value: undefined };
}

// ─── A unit's progress ──────────────────────────────────────────────────────

type ProgressState = { valueReached: number; note: string | null; status: TaskStatus };

/** The audit entry of a unit's progress report on a task or a milestone: its value, note and status before and after. */
function auditProgress(tx: Tx, user: SessionUser, entity: "Task" | "Milestone", entityId: string, before: ProgressState, after: ProgressState) {
  return audit(tx, {
    actorId: user.id,
    action: entity === "Task" ? "task.progress" : "milestone.progress",
    entity,
    entityId,
    before: { valueReached: before.valueReached, note: before.note, status: before.status },
    after,
  });
}

/** A unit reports the value reached and a note on one of its own tasks. */
export async function reportTaskProgress(
  client: Db,
  user: SessionUser,
  input: ProgressInput & { taskId: string },
  today: DistrictDate = districtToday(),
): Promise<WriteResult<{ status: TaskStatus }>> {
  if (!allowed(user, UNIT_ROLES)) return forbidden();
  return client.$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: withUnitRowScope(user, { id: input.taskId, archivedAt: null }),
      select: { id: true, target: true, deadline: true },
    });
    if (!task) return { ok: false, status: 404, message: TASK_NOT_FOUND } as const;
    const before = await taskSnapshot(tx, task.id);
    const status = deriveStatus({ ...task, valueReached: input.valueReached }, today);
    await tx.task.update({ where: { id: task.id }, data: { valueReached: input.valueReached, note: input.note, status } });
    await writeProgressEvents(
      tx,
      eventsOfChange({ date: today, at: new Date(), source: "UNIT_UPDATE", actorId: user.id }, task.id, {
        before: before.valueReached,
        after: input.valueReached,
      }),
    );
    await auditProgress(tx, user, "Task", task.id, before, { valueReached: input.valueReached, note: input.note, status });
    return { ok: true, value: { status } } as const;
  });
}

/** A unit reports the value reached and a note on a milestone of one of its own tasks. */
export async function reportMilestoneProgress(
  client: Db,
  user: SessionUser,
  input: ProgressInput & { milestoneId: string },
  today: DistrictDate = districtToday(),
): Promise<WriteResult<{ status: TaskStatus }>> {
  if (!allowed(user, UNIT_ROLES)) return forbidden();
  return client.$transaction(async (tx) => {
    const milestone = await tx.milestone.findFirst({
      where: { id: input.milestoneId, task: withUnitRowScope(user, { archivedAt: null }) },
      select: { id: true, taskId: true, target: true, dueDate: true, valueReached: true, note: true, status: true },
    });
    if (!milestone) return { ok: false, status: 404, message: MILESTONE_NOT_FOUND } as const;
    const status = deriveStatus({ target: milestone.target, valueReached: input.valueReached, deadline: milestone.dueDate }, today);
    await tx.milestone.update({ where: { id: milestone.id }, data: { valueReached: input.valueReached, note: input.note, status } });
    await writeProgressEvents(
      tx,
      eventsOfChange({ date: today, at: new Date(), source: "UNIT_UPDATE", actorId: user.id }, milestone.taskId, null, [
        { id: milestone.id, before: milestone.valueReached, after: input.valueReached },
      ]),
    );
    await auditProgress(tx, user, "Milestone", milestone.id, milestone, { valueReached: input.valueReached, note: input.note, status });
    return { ok: true, value: { status } } as const;
  });
}
