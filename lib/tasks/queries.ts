/** Reads of the task responsibility lists, scoped to the caller in the query. */
import "server-only";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { withUnitRowScope, type SessionUser } from "@/lib/auth/roles";
import { deriveStatus, progressRatio, urgencyOrder } from "@/lib/tasks/status";
import { districtToday, type DistrictDate } from "@/lib/time";

const taskSummarySelect = {
  id: true,
  title: true,
  target: true,
  measure: true,
  valueReached: true,
  deadline: true,
  unit: { select: { id: true, name: true } },
  keyTask: { select: { name: true } },
} as const;

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
  status: TaskStatus;
  ratio: number;
};

function toSummary(
  task: { id: string; title: string; target: number; measure: string; valueReached: number; deadline: string; unit: { id: string; name: string }; keyTask: { name: string } | null },
  today: DistrictDate,
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
    status: deriveStatus(task, today),
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
  return tasks.map((t) => toSummary(t, today)).sort(byUrgency);
}

/** Overdue tasks across the units the user may see, oldest deadline first. */
export async function listOverdueTasks(user: SessionUser, take = 10, today = districtToday()): Promise<TaskSummary[]> {
  const tasks = await db.task.findMany({
    where: withUnitRowScope(user, { archivedAt: null, deadline: { lt: today } }),
    select: taskSummarySelect,
    orderBy: { deadline: "asc" },
  });
  return tasks
    .map((t) => toSummary(t, today))
    .filter((t) => t.status === "OVERDUE")
    .slice(0, take);
}

export type KeyTaskProgress = { keyTaskId: string; name: string; tasks: number; done: number; overdue: number; ratio: number };

/** Progress per key task over the tasks the user may see (mean of task progress). */
export async function listKeyTaskProgress(user: SessionUser, today = districtToday()): Promise<KeyTaskProgress[]> {
  const keyTasks = await db.keyTask.findMany({
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      name: true,
      tasks: { where: withUnitRowScope(user, { archivedAt: null }), select: { target: true, valueReached: true, deadline: true } },
    },
  });
  return keyTasks.map((kt) => {
    const statuses = kt.tasks.map((t) => deriveStatus(t, today));
    const ratio = kt.tasks.length ? kt.tasks.reduce((sum, t) => sum + progressRatio(t), 0) / kt.tasks.length : 0;
    return {
      keyTaskId: kt.id,
      name: kt.name,
      tasks: kt.tasks.length,
      done: statuses.filter((s) => s === "DONE").length,
      overdue: statuses.filter((s) => s === "OVERDUE").length,
      ratio,
    };
  });
}

/** Counts of tasks by status, over the tasks the user may see. */
export async function countTasksByStatus(user: SessionUser, today = districtToday()): Promise<Record<TaskStatus, number>> {
  const tasks = await db.task.findMany({
    where: withUnitRowScope(user, { archivedAt: null }),
    select: { target: true, valueReached: true, deadline: true },
  });
  const counts: Record<TaskStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 0, DONE: 0, OVERDUE: 0 };
  for (const t of tasks) counts[deriveStatus(t, today)] += 1;
  return counts;
}
