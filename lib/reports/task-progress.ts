/**
 * An evening's amounts flow into the task list (domain.md: "the task progress
 * … reuse what was reported"). A task's value reached moves by the change in
 * what the card counts for it; its milestones are cumulative checkpoints of
 * the same value (the 课程表: "11月30日前累计完成 60 户"), so each holds the
 * task's value up to its own target. Statuses follow lib/tasks/status.
 */
import { audit } from "@/lib/audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { eventsOfChange, writeProgressEvents } from "@/lib/tasks/progress-events";
import { planSlotReversal } from "@/lib/supervision/spot-checks/reversal-plan";
import { deriveStatus } from "@/lib/tasks/status";
import { districtToday, type DistrictDate } from "@/lib/time";

export type ProgressTask = { target: number; valueReached: number; deadline: DistrictDate };
export type ProgressMilestone = { id: string; target: number; valueReached: number; dueDate: DistrictDate; status: TaskStatus };

export type ProgressChange = {
  task: { valueReached: number; status: TaskStatus };
  milestones: { id: string; valueReached: number; status: TaskStatus }[];
};

const round = (value: number) => Math.round(value * 1000) / 1000;

export function applyTaskProgress(task: ProgressTask, milestones: readonly ProgressMilestone[], delta: number, today: DistrictDate): ProgressChange {
  const valueReached = Math.max(0, round(task.valueReached + delta));
  const changed: ProgressChange["milestones"] = [];
  for (const m of milestones) {
    const value = Math.min(valueReached, m.target);
    const status = deriveStatus({ target: m.target, valueReached: value, deadline: m.dueDate }, today);
    if (value !== m.valueReached || status !== m.status) changed.push({ id: m.id, valueReached: value, status });
  }
  return { task: { valueReached, status: deriveStatus({ ...task, valueReached }, today) }, milestones: changed };
}

export type ReportProgressContext = {
  unitId: string;
  slotId: string;
  /** the card's date: the day the amounts count from */
  cardDate: DistrictDate;
  actorId: string;
  now: Date;
};

/**
 * Moves the unit's tasks by a slot's change of amounts (in the submission's
 * transaction). A slot already found (partly) false keeps its reversal equal
 * to what it now claims (lib/supervision/spot-checks/reversal-plan.ts), so a
 * correction of a false amount is never taken back twice.
 */
export async function applyReportProgress(tx: Prisma.TransactionClient, deltas: ReadonlyMap<string, number>, context: ReportProgressContext): Promise<void> {
  const moves: ProgressMove[] = [...deltas].map(([taskId, delta]) => ({ taskId, delta, source: "REPORT" }));
  const reversal = await planSlotReversal(tx, context.slotId);
  for (const m of reversal?.moves ?? []) moves.push({ taskId: m.taskId, delta: m.amount, source: "REVERSAL", spotCheckId: m.spotCheckId });
  await moveTaskProgress(tx, moves, context);
}

export type ProgressMove = { taskId: string; delta: number; source: "REPORT" | "REVERSAL"; spotCheckId?: string };

/**
 * Moves tasks by a slot's amounts or their reversal: each task's value and
 * status, its milestones (each holds the task's value up to its own target),
 * a progress event per changed value — dated to the card, linked to the slot
 * (and the check) — and the audit entry, in the caller's transaction.
 * Increases are applied before decreases, so that a value never stops at 0
 * on its way (the order would otherwise change the result). With a unitId,
 * only that unit's tasks move.
 */
export async function moveTaskProgress(
  tx: Prisma.TransactionClient,
  moves: readonly ProgressMove[],
  context: { unitId?: string; slotId: string; cardDate: DistrictDate; actorId: string | null; now: Date },
): Promise<void> {
  const { unitId, slotId, cardDate, actorId, now } = context;
  const today = districtToday(now);
  const ordered = [...moves].sort((a, b) => b.delta - a.delta);
  for (const move of ordered) {
    const task = await tx.task.findFirst({
      where: { id: move.taskId, ...(unitId ? { unitId } : {}) },
      select: {
        target: true,
        valueReached: true,
        deadline: true,
        status: true,
        milestones: { select: { id: true, target: true, valueReached: true, dueDate: true, status: true } },
      },
    });
    if (!task) continue;
    const change = applyTaskProgress(task, task.milestones, move.delta, today);
    await tx.task.update({ where: { id: move.taskId }, data: change.task });
    for (const m of change.milestones) await tx.milestone.update({ where: { id: m.id }, data: { valueReached: m.valueReached, status: m.status } });
    const milestoneBefore = new Map(task.milestones.map((m) => [m.id, m.valueReached]));
    const links = { slotId, spotCheckId: move.spotCheckId ?? null };
    const events = eventsOfChange(
      { date: cardDate, at: now, source: move.source, actorId, ...links },
      move.taskId,
      { before: task.valueReached, after: change.task.valueReached },
      change.milestones.map((m) => ({ id: m.id, before: milestoneBefore.get(m.id) ?? 0, after: m.valueReached })),
    );
    if (move.source === "REVERSAL") {
      // The task's own event keeps what the reversal asked for, even when the value could not move (it was 0).
      const own = events.find((e) => !e.milestoneId);
      if (own) own.requested = move.delta;
      else
        events.unshift({
          date: cardDate,
          at: now,
          source: "REVERSAL",
          actorId,
          ...links,
          taskId: move.taskId,
          milestoneId: null,
          delta: 0,
          valueAfter: task.valueReached,
          requested: move.delta,
        });
    }
    await writeProgressEvents(tx, events);
    await audit(tx, {
      actorId,
      action: move.source === "REPORT" ? "task.progress-from-report" : "task.progress-reversal",
      entity: "Task",
      entityId: move.taskId,
      before: { valueReached: task.valueReached, status: task.status },
      after: { ...change.task, slotId, ...(move.spotCheckId ? { spotCheckId: move.spotCheckId, requested: move.delta } : {}) },
    });
  }
}
