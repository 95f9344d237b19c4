/** Reads of a person's work log (工作日志) — always the signed-in person's own. */
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { carryOverCandidates } from "@/lib/reports/card-rules";
import { addDays, type DistrictDate } from "@/lib/time";

/** How far back the log looks for the last day with open items. */
export const WORKLOG_CARRY_DAYS = 7;

export async function getWorkLogDay(user: SessionUser, date: DistrictDate) {
  return db.workLogItem.findMany({
    where: { userId: user.id, date },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      text: true,
      outcome: true,
      reason: true,
      carriedFromId: true,
      task: { select: { id: true, title: true } },
      _count: { select: { reportItems: true, carriedTo: true } },
    },
  });
}

export type WorkLogRowView = Awaited<ReturnType<typeof getWorkLogDay>>[number];

/** The last earlier log day's open items that are not yet carried to `date`. */
export async function listWorkLogCarryOver(user: SessionUser, date: DistrictDate, carried: ReadonlySet<string>) {
  const last = await db.workLogItem.findFirst({
    where: { userId: user.id, date: { lt: date, gte: addDays(date, -WORKLOG_CARRY_DAYS) } },
    orderBy: { date: "desc" },
    select: { date: true },
  });
  if (!last) return [];
  const items = await db.workLogItem.findMany({
    where: { userId: user.id, date: last.date },
    orderBy: { sortOrder: "asc" },
    select: { id: true, text: true, outcome: true, reason: true, taskId: true, unitId: true, date: true },
  });
  return carryOverCandidates(items, carried);
}
