/**
 * What the quarter tests build on a real database before they close or score
 * a quarter: towns set up long before it, each with its head; the year's
 * quarters; a task's dated progress (the history the scores read as of a day).
 */
import type { Db } from "@/lib/db-client";
import { writeProgressEvents } from "@/lib/tasks/progress-events";
import { districtInstant } from "@/lib/time";

/** 1 January 2025: long before the quarters the tests score. */
export const LONG_AGO = districtInstant("2025-01-01");

/** The towns `names` (codes T1, T2 …, sorted in that order), set up at `createdAt(i)`, each with its head (head0, head1 …): ids by name and by `${name}-head`. */
export async function createTownsWithHeads(db: Db, names: readonly string[], createdAt: (i: number) => Date = () => LONG_AGO): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const unit = await db.unit.create({ data: { code: `T${i + 1}`, name, kind: "TOWN", sortOrder: i + 1, createdAt: createdAt(i) } });
    ids[name] = unit.id;
    ids[`${name}-head`] = (
      await db.user.create({ data: { username: `head${i}`, name: `${name}负责人`, passwordHash: "x", role: "UNIT_HEAD", unitId: unit.id } })
    ).id;
  }
  return ids;
}

/** The four quarters of `year`, the first `closed` of them closed (version 1): ids by Q1 … Q4. */
export async function createQuarters(db: Db, year: number, closed: number): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const number of [1, 2, 3, 4])
    ids[`Q${number}`] = (
      await db.quarter.create({ data: { year, number, status: number <= closed ? "CLOSED" : "OPEN", version: number <= closed ? 1 : 0 } })
    ).id;
  return ids;
}

/** A task's (or its milestone's) progress as its unit recorded it at noon on `date`. */
export function recordProgress(db: Db, taskId: string, date: string, delta: number, valueAfter: number, milestoneId: string | null = null) {
  return writeProgressEvents(db, [{ taskId, milestoneId, date, at: districtInstant(date, "12:00"), source: "UNIT_UPDATE", actorId: null, delta, valueAfter }]);
}
