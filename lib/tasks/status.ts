/**
 * Task and milestone status (domain.md, "Task responsibility list"): derived
 * from progress and the deadline in Asia/Shanghai. A deadline of today is not
 * yet overdue. The stored Task.status / Milestone.status are written from
 * here on every write; pages derive it again at read time because time passes.
 */
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { daysBetween, type DistrictDate } from "@/lib/time";

export type Progressable = { target: number; valueReached: number; deadline: DistrictDate };

export function deriveStatus(item: Progressable, today: DistrictDate): TaskStatus {
  if (item.target > 0 && item.valueReached >= item.target) return "DONE";
  if (item.deadline < today) return "OVERDUE";
  return item.valueReached > 0 ? "IN_PROGRESS" : "NOT_STARTED";
}

export function progressRatio(item: { target: number; valueReached: number }): number {
  if (item.target <= 0) return 0;
  return Math.max(0, Math.min(1, item.valueReached / item.target));
}

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  NOT_STARTED: "未开始",
  IN_PROGRESS: "进行中",
  DONE: "已完成",
  OVERDUE: "已逾期",
};

/**
 * A status with 逾期完成 (DONE_LATE): the target is reached, but was not by
 * the end of the due date. Telling it apart needs the value on the due date
 * (the progress history: lib/tasks/progress-events.ts, valuesAtDue); the
 * rule it scores by is lib/assessment/scoring.ts (lateRuleText, the year's
 * ScoringRule.lateCredit). Every page, the export and the score use this.
 */
export type ItemStatus = TaskStatus | "DONE_LATE";

export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = { ...TASK_STATUS_LABELS, DONE_LATE: "逾期完成" };

/**
 * The status as of `today`, DONE_LATE when done now but below the target at
 * the end of its due date. Without `valueAtDue` (not read: due today or
 * later, or not done) it is deriveStatus's.
 */
export function itemStatus(item: Progressable & { valueAtDue?: number | null }, today: DistrictDate): ItemStatus {
  const status = deriveStatus(item, today);
  if (status !== "DONE" || item.valueAtDue == null) return status;
  return progressRatio({ target: item.target, valueReached: item.valueAtDue }) >= 1 ? "DONE" : "DONE_LATE";
}

/** Done, on time or late. */
export function isDone(status: ItemStatus): boolean {
  return status === "DONE" || status === "DONE_LATE";
}

export type ProgressSummary = { tasks: number; done: number; overdue: number; ratio: number };

/**
 * Progress over a set of tasks (a key task's, a line's): how many, done,
 * overdue, and the mean of each task's progress ratio (min(1, reached/target));
 * no tasks is 0. The one rule for the leader's home, the board and the lists' groups.
 */
export function summarizeProgress(tasks: readonly Progressable[], today: DistrictDate): ProgressSummary {
  let done = 0;
  let overdue = 0;
  let ratioSum = 0;
  for (const task of tasks) {
    const status = deriveStatus(task, today);
    if (status === "DONE") done += 1;
    if (status === "OVERDUE") overdue += 1;
    ratioSum += progressRatio(task);
  }
  return { tasks: tasks.length, done, overdue, ratio: tasks.length ? ratioSum / tasks.length : 0 };
}

export type OverviewTask = Progressable & { id: string; keyTaskId: string | null };

/**
 * The leader's home over one list of tasks: counts by status, progress per key
 * task (in the order given; summarizeProgress) and the ids of the `take`
 * overdue tasks with the oldest deadlines (ties by id, so the list is stable).
 */
export function summarizeOverview(
  tasks: readonly OverviewTask[],
  keyTasks: readonly { id: string; name: string }[],
  today: DistrictDate,
  take: number,
): { counts: Record<TaskStatus, number>; keyTasks: ({ keyTaskId: string; name: string } & ProgressSummary)[]; overdueIds: string[] } {
  const counts: Record<TaskStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 0, DONE: 0, OVERDUE: 0 };
  const byKeyTask = new Map<string, OverviewTask[]>(keyTasks.map((kt) => [kt.id, []]));
  const overdue: OverviewTask[] = [];
  for (const task of tasks) {
    const status = deriveStatus(task, today);
    counts[status] += 1;
    if (status === "OVERDUE") overdue.push(task);
    if (task.keyTaskId) byKeyTask.get(task.keyTaskId)?.push(task);
  }
  overdue.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  return {
    counts,
    keyTasks: keyTasks.map((kt) => ({ keyTaskId: kt.id, name: kt.name, ...summarizeProgress(byKeyTask.get(kt.id) ?? [], today) })),
    overdueIds: overdue.slice(0, take).map((t) => t.id),
  };
}

export const TASK_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "DONE", "OVERDUE"] as const satisfies readonly TaskStatus[];

/** Sort key: overdue first, then by deadline, done last. */
export function urgencyOrder(status: ItemStatus): number {
  return status === "OVERDUE" ? 0 : isDone(status) ? 2 : 1;
}

/** "Due soon": open and due within this many days (today included). */
export const DUE_SOON_DAYS = 7;

export type Urgency = "OVERDUE" | "DUE_SOON" | "OPEN" | "DONE";

/** Where an item belongs on a unit's list: overdue, due soon, the rest, done. */
export function urgencyOf(item: Progressable, today: DistrictDate): Urgency {
  const status = deriveStatus(item, today);
  if (status === "OVERDUE" || status === "DONE") return status;
  return daysBetween(today, item.deadline) < DUE_SOON_DAYS ? "DUE_SOON" : "OPEN";
}

export const URGENCY_RANK: Record<Urgency, number> = { OVERDUE: 0, DUE_SOON: 1, OPEN: 2, DONE: 3 };

/** "还剩 3 天", "今天到期", "逾期 5 天" — for an open item. */
export function deadlineHint(deadline: DistrictDate, today: DistrictDate): string {
  const days = daysBetween(today, deadline);
  if (days === 0) return "今天到期";
  return days > 0 ? `还剩 ${days} 天` : `逾期 ${-days} 天`;
}
