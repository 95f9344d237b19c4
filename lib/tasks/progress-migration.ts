/**
 * The data migration that starts the progress history (issue 11): every task
 * and milestone whose value reached is not 0 and that has no event yet gets
 * one MIGRATION event — the whole value, recorded at its last update
 * (updatedAt) and dated to that day in the district. Without it, every value
 * before the history began would read 0 on any day. Idempotent (a value with
 * events is left alone) and right on an empty database.
 */
import type { DataMigrationStep } from "@/lib/data-migrations";
import type { Prisma } from "@/lib/generated/prisma/client";
import { writeProgressEvents, type ProgressEventInput } from "@/lib/tasks/progress-events";
import { districtDateOf } from "@/lib/time";

const PAGE = 1000;

export async function migrateValuesToEvents(tx: Prisma.TransactionClient): Promise<number> {
  let written = 0;
  const toEvent = (taskId: string, milestoneId: string | null, value: number, updatedAt: Date): ProgressEventInput => ({
    taskId,
    milestoneId,
    date: districtDateOf(updatedAt),
    at: updatedAt,
    source: "MIGRATION",
    actorId: null,
    delta: value,
    valueAfter: value,
  });
  for (let cursor: string | undefined; ;) {
    const tasks = await tx.task.findMany({
      where: { valueReached: { not: 0 }, progressEvents: { none: { milestoneId: null } }, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, valueReached: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (tasks.length === 0) break;
    written += await writeProgressEvents(
      tx,
      tasks.map((t) => toEvent(t.id, null, t.valueReached, t.updatedAt)),
    );
    cursor = tasks[tasks.length - 1].id;
  }
  for (let cursor: string | undefined; ;) {
    const milestones = await tx.milestone.findMany({
      where: { valueReached: { not: 0 }, progressEvents: { none: {} }, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, taskId: true, valueReached: true, updatedAt: true },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    if (milestones.length === 0) break;
    written += await writeProgressEvents(
      tx,
      milestones.map((m) => toEvent(m.taskId, m.id, m.valueReached, m.updatedAt)),
    );
    cursor = milestones[milestones.length - 1].id;
  }
  return written;
}

export const progressHistoryStep: DataMigrationStep = {
  name: "2026-11-30 task and milestone values to their first progress event",
  run: async (tx) => {
    await migrateValuesToEvents(tx);
  },
};
