/** Reads of the task responsibility lists, scoped to the caller in the query. */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LineKind, ProgressSource, TaskStatus, UnitKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { withUnitRowScope, type SessionUser } from "@/lib/auth/roles";
import { SLOT_LABELS } from "@/lib/reports/slots";
import type { TaskFilters } from "@/lib/tasks/filters";
import { progressSourceLabel, valueSeries } from "@/lib/tasks/progress-history";
import { lateRuleText } from "@/lib/assessment/scoring";
import { loadScoringRules } from "@/lib/assessment/rules";
import { dueKey, valuesAtDue } from "@/lib/tasks/progress-events";
import {
  deriveStatus,
  type ItemStatus,
  itemStatus,
  progressRatio,
  summarizeOverview,
  summarizeProgress,
  URGENCY_RANK,
  urgencyOf,
  urgencyOrder,
  type Urgency,
} from "@/lib/tasks/status";
import { buildTaskExport } from "@/lib/tasks/export";
import type { TemplateChoices } from "@/lib/tasks/spreadsheet";
import { progressEventSelect, taskFieldsSelect, taskSummarySelect } from "@/lib/tasks/selects";
import { taskListOrder, taskListWhere } from "@/lib/tasks/where";
import { districtToday, type DistrictDate } from "@/lib/time";
import { byLineKind } from "@/lib/enum-order";
import { listVisibleUnits } from "@/lib/org/queries";

export type TaskSummary = {
  id: string;
  title: string;
  target: number;
  measure: string;
  valueReached: number;
  deadline: DistrictDate;
  unitId: string;
  unitName: string;
  keyTaskName: string | null;
  status: ItemStatus;
  ratio: number;
};

type AtDue = ReadonlyMap<string, number>;

/** The tasks' values on their due dates where they could be 逾期完成 (one read for the whole list). */
function tasksAtDue(tasks: readonly { id: string; target: number; valueReached: number; deadline: DistrictDate }[], today: DistrictDate): Promise<AtDue> {
  return valuesAtDue(
    db,
    tasks.map((t) => ({ taskId: t.id, dueDate: t.deadline, target: t.target, valueReached: t.valueReached })),
    today,
  );
}

function toSummary(
  task: {
    id: string;
    title: string;
    target: number;
    measure: string;
    valueReached: number;
    deadline: string;
    unit: { id: string; name: string };
    keyTask: { name: string } | null;
  },
  today: DistrictDate,
  atDue: AtDue = new Map(),
): TaskSummary {
  return {
    id: task.id,
    title: task.title,
    target: task.target,
    measure: task.measure,
    valueReached: task.valueReached,
    deadline: task.deadline,
    unitId: task.unit.id,
    unitName: task.unit.name,
    keyTaskName: task.keyTask?.name ?? null,
    status: itemStatus({ ...task, valueAtDue: atDue.get(dueKey({ taskId: task.id })) }, today),
    ratio: progressRatio(task),
  };
}

function byUrgency(a: TaskSummary, b: TaskSummary): number {
  return urgencyOrder(a.status) - urgencyOrder(b.status) || a.deadline.localeCompare(b.deadline);
}

/** A unit's open tasks, overdue and due-soon first (scope checked in the query). */
export async function listUnitTasks(user: SessionUser, unitId: string, today = districtToday()): Promise<TaskSummary[]> {
  const tasks = await db.task.findMany({
    where: withUnitRowScope(user, { unitId, archivedAt: null }),
    select: taskSummarySelect,
  });
  const atDue = await tasksAtDue(tasks, today);
  return tasks.map((t) => toSummary(t, today, atDue)).sort(byUrgency);
}

export type KeyTaskProgress = { keyTaskId: string; name: string; tasks: number; done: number; overdue: number; ratio: number };

export type TaskOverview = {
  /** counts by status over the open tasks the user may see */
  counts: Record<TaskStatus, number>;
  /** progress per key task, in the key tasks' order (summarizeProgress: the one rule; the board uses it too) */
  keyTasks: KeyTaskProgress[];
  /** the most overdue tasks, oldest deadline first */
  overdue: TaskSummary[];
};

/**
 * The leader's home in one read of the open tasks the user may see (scope in
 * the query): counts by status, progress per key task and the `take` overdue
 * tasks with the oldest deadlines. One pass over the narrow columns of ~5,000
 * rows instead of three reads of them, one per figure.
 */
export async function getTaskOverview(user: SessionUser, take = 10, today = districtToday()): Promise<TaskOverview> {
  const [tasks, keyTasks] = await Promise.all([
    db.task.findMany({
      where: withUnitRowScope(user, { archivedAt: null }),
      select: { id: true, target: true, valueReached: true, deadline: true, keyTaskId: true },
    }),
    db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
  ]);
  const overview = summarizeOverview(tasks, keyTasks, today, take);
  // Only the rows shown are read in full (their unit and key task).
  const shown = overview.overdueIds.length
    ? await db.task.findMany({
        where: withUnitRowScope(user, { id: { in: overview.overdueIds } }),
        select: taskSummarySelect,
        orderBy: [{ deadline: "asc" }, { id: "asc" }],
      })
    : [];
  return { counts: overview.counts, keyTasks: overview.keyTasks, overdue: shown.map((t) => toSummary(t, today)) };
}

/** Progress per key task over the open tasks the user may see (the board's; the leader's home reads it through getTaskOverview). */
export async function listKeyTaskProgress(user: SessionUser, today = districtToday()): Promise<KeyTaskProgress[]> {
  const keyTasks = await db.keyTask.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      name: true,
      tasks: { where: withUnitRowScope(user, { archivedAt: null }), select: { target: true, valueReached: true, deadline: true } },
    },
  });
  return keyTasks.map((kt) => ({ keyTaskId: kt.id, name: kt.name, ...summarizeProgress(kt.tasks, today) }));
}

// ─── The task list pages (/admin/tasks, /tasks, /unit/tasks) ────────────────

export const TASK_PAGE_SIZE = 50;

const taskRowSelect = {
  id: true,
  externalKey: true,
  year: true,
  title: true,
  target: true,
  measure: true,
  valueReached: true,
  startDate: true,
  deadline: true,
  archivedAt: true,
  unit: { select: { id: true, name: true, kind: true } },
  keyTask: { select: { id: true, name: true } },
  line: { select: { id: true, name: true } },
  responsibleLeader: { select: { id: true, name: true, title: true } },
  milestones: { select: { dueDate: true, target: true, valueReached: true } },
} satisfies Prisma.TaskSelect;

type TaskRowRecord = Prisma.TaskGetPayload<{ select: typeof taskRowSelect }>;

export type TaskRow = Omit<TaskRowRecord, "milestones"> & {
  status: ItemStatus;
  ratio: number;
  milestoneCount: number;
  overdueMilestones: number;
};

function toRow({ milestones, ...task }: TaskRowRecord, today: DistrictDate, atDue: AtDue): TaskRow {
  return {
    ...task,
    status: itemStatus({ ...task, valueAtDue: atDue.get(dueKey({ taskId: task.id })) }, today),
    ratio: progressRatio(task),
    milestoneCount: milestones.length,
    overdueMilestones: milestones.filter((m) => deriveStatus({ ...m, deadline: m.dueDate }, today) === "OVERDUE").length,
  };
}

export type TaskPage = { rows: TaskRow[]; total: number; page: number; pageCount: number };

/** One page of the filtered list, within the caller's scope. */
export async function listTaskPage(user: SessionUser, filters: TaskFilters, today = districtToday()): Promise<TaskPage> {
  const where = taskListWhere(db, user, filters, today);
  const total = await db.task.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / TASK_PAGE_SIZE));
  const page = Math.min(filters.page ?? 1, pageCount);
  const rows = await db.task.findMany({
    where,
    orderBy: taskListOrder(filters),
    skip: (page - 1) * TASK_PAGE_SIZE,
    take: TASK_PAGE_SIZE,
    select: taskRowSelect,
  });
  const atDue = await tasksAtDue(rows, today);
  return { rows: rows.map((r) => toRow(r, today, atDue)), total, page, pageCount };
}

export type TaskGroup = { id: string | null; name: string; tasks: number; done: number; overdue: number; ratio: number };

/** The filtered list summed up by key task or by line (leaders' and assessors' view). */
export async function listTaskGroups(user: SessionUser, filters: TaskFilters, by: "keyTask" | "line", today = districtToday()): Promise<TaskGroup[]> {
  const [tasks, keyTasks, lines] = await Promise.all([
    db.task.findMany({
      where: taskListWhere(db, user, filters, today),
      select: { keyTaskId: true, lineId: true, target: true, valueReached: true, deadline: true },
    }),
    db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.line.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true } }).then(byLineKind),
  ]);
  const named = by === "keyTask" ? keyTasks : lines;
  const groups = new Map<string | null, { id: string | null; name: string; tasks: (typeof tasks)[number][] }>(
    named.map((n) => [n.id, { id: n.id, name: n.name, tasks: [] }]),
  );
  for (const task of tasks) {
    const key = by === "keyTask" ? task.keyTaskId : task.lineId;
    let group = groups.get(key);
    if (!group) {
      group = { id: null, name: by === "keyTask" ? "未归入重点工作" : "未归入分线", tasks: [] };
      groups.set(key, group);
    }
    group.tasks.push(task);
  }
  return [...groups.values()].filter((g) => g.tasks.length > 0).map((g) => ({ id: g.id, name: g.name, ...summarizeProgress(g.tasks, today) }));
}

const taskDetailSelect = {
  ...taskRowSelect,
  ...taskFieldsSelect,
  note: true,
  updatedAt: true,
  cooperators: { select: { unit: { select: { id: true, name: true } } }, orderBy: { unit: { sortOrder: "asc" } } },
  milestones: {
    orderBy: [{ dueDate: "asc" }, { sortOrder: "asc" }],
    select: { id: true, title: true, dueDate: true, target: true, valueReached: true, note: true, updatedAt: true },
  },
} satisfies Prisma.TaskSelect;

type TaskDetailRecord = Prisma.TaskGetPayload<{ select: typeof taskDetailSelect }>;

export type MilestoneView = TaskDetailRecord["milestones"][number] & { status: ItemStatus; ratio: number };
export type TaskDetail = Omit<TaskDetailRecord, "milestones"> & {
  status: ItemStatus;
  ratio: number;
  milestones: MilestoneView[];
  /** the scoring rule of 逾期完成 for the task's year, when the task or a milestone is done late */
  lateRule: string | null;
};

/** One task with its milestones — only if the caller may read it (archived ones only for the office). */
export async function getTaskDetail(user: SessionUser, taskId: string, today = districtToday()): Promise<TaskDetail | null> {
  const task = await db.task.findFirst({
    where: withUnitRowScope(user, user.role === "ADMIN" ? { id: taskId } : { id: taskId, archivedAt: null }),
    select: taskDetailSelect,
  });
  if (!task) return null;
  const atDue = await valuesAtDue(
    db,
    [
      { taskId: task.id, dueDate: task.deadline, target: task.target, valueReached: task.valueReached },
      ...task.milestones.map((m) => ({ taskId: task.id, milestoneId: m.id, dueDate: m.dueDate, target: m.target, valueReached: m.valueReached })),
    ],
    today,
  );
  const status = itemStatus({ ...task, valueAtDue: atDue.get(dueKey({ taskId: task.id })) }, today);
  const milestones = task.milestones.map((m) => ({
    ...m,
    status: itemStatus({ ...m, deadline: m.dueDate, valueAtDue: atDue.get(dueKey({ taskId: task.id, milestoneId: m.id })) }, today),
    ratio: progressRatio(m),
  }));
  const late = status === "DONE_LATE" || milestones.some((m) => m.status === "DONE_LATE");
  return { ...task, status, ratio: progressRatio(task), milestones, lateRule: late ? lateRuleText((await loadScoringRules(db, task.year)).lateCredit) : null };
}

export type TaskFormOptions = {
  units: { id: string; name: string; kind: UnitKind }[];
  keyTasks: { id: string; name: string }[];
  lines: { id: string; name: string; kind: LineKind }[];
  leaders: { id: string; name: string; title: string | null }[];
};

/** The choices for the filters and the office's task form, within the caller's scope. */
export async function listTaskFormOptions(user: SessionUser): Promise<TaskFormOptions> {
  const [units, keyTasks, lines, leaders] = await Promise.all([
    listVisibleUnits(user),
    db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.line.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true } }).then(byLineKind),
    db.user.findMany({ where: { role: "LEADER", active: true }, orderBy: { username: "asc" }, select: { id: true, name: true, title: true } }),
  ]);
  return { units, keyTasks, lines, leaders };
}

/** The valid names for the import template (the office's: every live unit). */
export async function listTemplateChoices(user: SessionUser): Promise<TemplateChoices> {
  const [units, keyTasks, lines, leaders] = await Promise.all([
    listVisibleUnits(user),
    db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { name: true } }),
    db.line.findMany({ orderBy: { sortOrder: "asc" }, select: { name: true, kind: true } }).then(byLineKind),
    db.user.findMany({ where: { role: "LEADER", active: true }, orderBy: { username: "asc" }, select: { name: true, title: true, username: true } }),
  ]);
  return { units, keyTasks, lines, leaders };
}

/** The export file of the filtered list, within the caller's scope (lib/tasks/export.ts). */
export async function exportTasks(user: SessionUser, filters: TaskFilters, today: DistrictDate, format: "xlsx" | "csv"): Promise<Buffer> {
  return buildTaskExport(db, user, filters, today, format);
}

/** The unit's own live tasks, by deadline, as choices for its work log. */
export async function listOwnTaskChoices(user: SessionUser): Promise<{ id: string; title: string }[]> {
  if (!user.unitId) return [];
  return db.task.findMany({
    where: withUnitRowScope(user, { unitId: user.unitId, archivedAt: null }),
    orderBy: { deadline: "asc" },
    select: { id: true, title: true },
  });
}

export type UnitTaskCard = TaskRow & { urgency: Urgency; nextMilestone: { title: string; dueDate: string } | null };

/** A unit's own open list for its task page: overdue, due soon, the rest, done. */
export async function listUnitTaskCards(user: SessionUser, today = districtToday()): Promise<UnitTaskCard[]> {
  const tasks = await db.task.findMany({
    where: withUnitRowScope(user, { archivedAt: null }),
    select: { ...taskRowSelect, milestones: { select: { title: true, dueDate: true, target: true, valueReached: true }, orderBy: { dueDate: "asc" } } },
  });
  const atDue = await tasksAtDue(tasks, today);
  return tasks
    .map((task) => {
      const next = task.milestones.find((m) => m.valueReached < m.target) ?? null;
      return {
        ...toRow(task, today, atDue),
        urgency: urgencyOf(task, today),
        nextMilestone: next ? { title: next.title, dueDate: next.dueDate } : null,
      };
    })
    .sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] || a.deadline.localeCompare(b.deadline) || a.title.localeCompare(b.title, "zh-CN"));
}

export type TaskHistoryEntry = { id: string; action: string; actorName: string | null; createdAt: Date };

/** The audit trail of a task and its milestones, newest first (the office's view). */
export async function listTaskHistory(user: SessionUser, taskId: string, take = 20): Promise<TaskHistoryEntry[]> {
  if (user.role !== "ADMIN") return [];
  const milestoneIds = (await db.milestone.findMany({ where: { taskId }, select: { id: true } })).map((m) => m.id);
  const entries = await db.auditLog.findMany({
    where: {
      OR: [
        { entity: "Task", entityId: taskId },
        { entity: "Milestone", entityId: { in: milestoneIds } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, createdAt: true, actor: { select: { name: true } } },
  });
  return entries.map((e) => ({ id: e.id, action: e.action, actorName: e.actor?.name ?? null, createdAt: e.createdAt }));
}

// ─── Progress history ───────────────────────────────────────────────────────

export type ProgressHistoryRow = {
  id: number;
  date: DistrictDate;
  at: Date;
  sourceLabel: string;
  source: ProgressSource;
  /** null: the task's own value */
  milestoneTitle: string | null;
  delta: number;
  valueAfter: number;
  actorName: string | null;
  /** where it came from: the card of the day, or the spot check */
  link: { href: string; label: string } | null;
};

export type ProgressHistory = {
  series: { date: DistrictDate; value: number }[];
  rows: ProgressHistoryRow[];
  /** rows left out (the newest are shown; the export has them all) */
  more: number;
};

export const PROGRESS_HISTORY_ROWS = 100;

/** A task's page for those who read or report on it: its detail and its progress history, or null out of scope. */
export async function getTaskPage(user: SessionUser, taskId: string, today = districtToday()): Promise<{ task: TaskDetail; history: ProgressHistory } | null> {
  const [task, history] = await Promise.all([getTaskDetail(user, taskId, today), getProgressHistory(user, taskId, today)]);
  return task && history ? { task, history } : null;
}

/**
 * A task's progress history for its page: the task's value over time (the
 * chart) and its events and its milestones', newest first, each with its
 * source — only if the caller may read the task (scope in the query). The
 * spot check behind a reversal is linked for those who may open it (the
 * office and leaders); others get the checked card.
 */
export async function getProgressHistory(user: SessionUser, taskId: string, today = districtToday()): Promise<ProgressHistory | null> {
  const task = await db.task.findFirst({
    where: withUnitRowScope(user, user.role === "ADMIN" ? { id: taskId } : { id: taskId, archivedAt: null }),
    select: { id: true, unitId: true, startDate: true },
  });
  if (!task) return null;
  const [taskEvents, rows, total] = await Promise.all([
    db.progressEvent.findMany({ where: { taskId: task.id, milestoneId: null }, select: { id: true, date: true, at: true, delta: true } }),
    db.progressEvent.findMany({
      where: { taskId: task.id },
      orderBy: [{ date: "desc" }, { at: "desc" }, { id: "desc" }],
      take: PROGRESS_HISTORY_ROWS,
      select: { ...progressEventSelect, spotCheckId: true },
    }),
    db.progressEvent.count({ where: { taskId: task.id } }),
  ]);
  const checker = user.role === "ADMIN" || user.role === "LEADER";
  return {
    series: valueSeries(taskEvents, task.startDate, today),
    more: Math.max(0, total - rows.length),
    rows: rows.map((e) => {
      const cardHref = e.slot ? `/units/${task.unitId}?date=${e.slot.card.date}` : null;
      let link: ProgressHistoryRow["link"] = null;
      if (e.source === "REVERSAL" && e.spotCheckId && checker) link = { href: `/spot-checks/${e.spotCheckId}`, label: "查看抽查" };
      else if (cardHref && e.slot) link = { href: cardHref, label: `查看${e.slot.card.date.slice(5)} ${SLOT_LABELS[e.slot.slot]}` };
      return {
        id: e.id,
        date: e.date,
        at: e.at,
        source: e.source,
        sourceLabel: progressSourceLabel(e.source, e.delta, e.requested),
        milestoneTitle: e.milestone?.title ?? null,
        delta: e.delta,
        valueAfter: e.valueAfter,
        actorName: e.actor?.name ?? null,
        link,
      };
    }),
  };
}
