/**
 * Progress events in the database: every write path that changes a task's or
 * a milestone's value reached calls writeProgressEvents in its own
 * transaction (the report's evening amounts, the unit's update on the task
 * page, the office's edit, a reversal after a spot check, the seed, the data
 * migration), and progressAsOf answers "what was the value on day D, and
 * when was the target reached" for any set of tasks (the quarter score's
 * as-of inputs rest on it). The rules are in lib/tasks/progress-history.ts.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProgressSource } from "@/lib/generated/prisma/enums";
import { type HistoryEvent, valueAsOf, type ValueAsOf } from "@/lib/tasks/progress-history";
import type { DistrictDate } from "@/lib/time";

type Client = Db | Prisma.TransactionClient;

export type ProgressEventInput = {
  taskId: string;
  /** null or absent: the task's own value */
  milestoneId?: string | null;
  date: DistrictDate;
  at: Date;
  source: ProgressSource;
  actorId: string | null;
  delta: number;
  valueAfter: number;
  slotId?: string | null;
  spotCheckId?: string | null;
  requested?: number | null;
};

const round = (value: number) => Math.round(value * 1000) / 1000;
const CHUNK = 500;

/** Writes the events that change something (a zero delta is no event), in the caller's transaction. */
export async function writeProgressEvents(tx: Client, events: readonly ProgressEventInput[]): Promise<number> {
  const rows = events
    .map((e) => ({ ...e, delta: round(e.delta), valueAfter: round(e.valueAfter) }))
    // A reversal that moved nothing (the value was already 0) is still kept: it records what it asked for.
    .filter((e) => e.delta !== 0 || (e.requested ?? 0) !== 0)
    .map((e) => ({
      taskId: e.taskId,
      milestoneId: e.milestoneId ?? null,
      date: e.date,
      at: e.at,
      source: e.source,
      actorId: e.actorId,
      delta: e.delta,
      valueAfter: e.valueAfter,
      slotId: e.slotId ?? null,
      spotCheckId: e.spotCheckId ?? null,
      requested: e.requested ?? null,
    }));
  for (let i = 0; i < rows.length; i += CHUNK) await tx.progressEvent.createMany({ data: rows.slice(i, i + CHUNK) });
  return rows.length;
}

export type ValueChange = { before: number; after: number };

/**
 * The events of one write: the task's change and its milestones' changes,
 * with the same date, instant, source and links. Unchanged values give none.
 */
export function eventsOfChange(
  meta: Omit<ProgressEventInput, "taskId" | "milestoneId" | "delta" | "valueAfter">,
  taskId: string,
  task: ValueChange | null,
  milestones: readonly (ValueChange & { id: string })[] = [],
): ProgressEventInput[] {
  const out: ProgressEventInput[] = [];
  if (task && task.after !== task.before) out.push({ ...meta, taskId, milestoneId: null, delta: task.after - task.before, valueAfter: task.after });
  for (const m of milestones) {
    if (m.after !== m.before) out.push({ ...meta, taskId, milestoneId: m.id, delta: m.after - m.before, valueAfter: m.after });
  }
  return out;
}

export type MilestoneAsOf = ValueAsOf & { milestoneId: string; target: number; dueDate: DistrictDate };
export type TaskAsOf = ValueAsOf & { taskId: string; target: number; deadline: DistrictDate; milestones: MilestoneAsOf[] };

/**
 * Each task's and milestone's value at the end of `date` (Asia/Shanghai
 * district date) and the day each reached its target, from the events.
 * Targets, deadlines and due dates are today's (the list's edits are not
 * versioned). `knownAt` leaves out events recorded after that instant: the
 * value on day D as it was known then, not as corrected since (reversals
 * after a spot check are dated to the claim's day, so by default they count).
 * Scope: pass task ids the caller may see; ids that do not exist are absent
 * from the result.
 */
export async function progressAsOf(
  client: Client,
  taskIds: readonly string[],
  date: DistrictDate,
  options: { knownAt?: Date } = {},
): Promise<Map<string, TaskAsOf>> {
  const out = new Map<string, TaskAsOf>();
  const ids = [...new Set(taskIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [tasks, events] = await Promise.all([
      client.task.findMany({
        where: { id: { in: chunk } },
        select: { id: true, target: true, deadline: true, milestones: { select: { id: true, target: true, dueDate: true } } },
      }),
      client.progressEvent.findMany({
        where: { taskId: { in: chunk }, date: { lte: date }, ...(options.knownAt ? { at: { lte: options.knownAt } } : {}) },
        select: { id: true, taskId: true, milestoneId: true, date: true, at: true, delta: true },
      }),
    ]);
    const byKey = new Map<string, HistoryEvent[]>();
    for (const e of events) {
      const key = e.milestoneId ?? `task:${e.taskId}`;
      const list = byKey.get(key);
      if (list) list.push(e);
      else byKey.set(key, [e]);
    }
    for (const t of tasks) {
      const milestones = [...t.milestones]
        .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1))
        .map((m) => ({ milestoneId: m.id, target: m.target, dueDate: m.dueDate, ...valueAsOf(byKey.get(m.id) ?? [], m.target, date) }));
      out.set(t.id, { taskId: t.id, target: t.target, deadline: t.deadline, ...valueAsOf(byKey.get(`task:${t.id}`) ?? [], t.target, date), milestones });
    }
  }
  return out;
}

/** A task (no milestoneId) or a milestone whose value on its due date is wanted. */
export type DueItem = { taskId: string; milestoneId?: string | null; dueDate: DistrictDate; target: number; valueReached: number };

/** The key valuesAtDue answers under: the milestone's id, or "task:<id>" for the task's own value. */
export const dueKey = (item: { taskId: string; milestoneId?: string | null }) => item.milestoneId ?? `task:${item.taskId}`;

/**
 * The value each item had at the end of its due date, for the items that could
 * be 逾期完成 (lib/tasks/status.ts, itemStatus): done now and due before
 * `today`. One read of their events (per 500 tasks); the others are absent.
 * Scope: the caller passes items it may read.
 */
export async function valuesAtDue(client: Client, items: readonly DueItem[], today: DistrictDate): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const candidates = items.filter((i) => i.target > 0 && i.valueReached >= i.target && i.dueDate < today);
  if (candidates.length === 0) return out;
  const taskIds = [...new Set(candidates.map((i) => i.taskId))];
  const lastDue = candidates.reduce((max, i) => (i.dueDate > max ? i.dueDate : max), candidates[0].dueDate);
  const byKey = new Map<string, HistoryEvent[]>();
  for (let i = 0; i < taskIds.length; i += CHUNK) {
    const events = await client.progressEvent.findMany({
      where: { taskId: { in: taskIds.slice(i, i + CHUNK) }, date: { lte: lastDue } },
      select: { id: true, taskId: true, milestoneId: true, date: true, at: true, delta: true },
    });
    for (const e of events) {
      const key = dueKey(e);
      const list = byKey.get(key);
      if (list) list.push(e);
      else byKey.set(key, [e]);
    }
  }
  for (const item of candidates) out.set(dueKey(item), valueAsOf(byKey.get(dueKey(item)) ?? [], item.target, item.dueDate).value);
  return out;
}
