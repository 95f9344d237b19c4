/**
 * What supervision contributes to a unit's quarter score (domain.md: "spot-
 * check results, overdue orders"), as plain counts with the records behind
 * them, so that every point can be traced to its source.
 */
import type { Db } from "@/lib/db-client";
import { isOverdue } from "@/lib/supervision/order-status";
import { addDays, districtInstant, type DistrictDate } from "@/lib/time";

export type DateRange = { start: DistrictDate; end: DistrictDate };

/** Spot checks that found a report of the unit, dated in the range, 不属实 (false). */
export async function listFalseSpotChecks(db: Db, unitId: string, range: DateRange) {
  return db.spotCheck.findMany({
    where: { result: "FALSE", slot: { card: { unitId, date: { gte: range.start, lte: range.end } } } },
    orderBy: { checkedAt: "asc" },
    select: { id: true, slotId: true, checkedAt: true, notes: true, slot: { select: { slot: true, card: { select: { date: true } } } } },
  });
}

export async function countFalseSpotChecks(db: Db, unitId: string, range: DateRange): Promise<number> {
  return (await listFalseSpotChecks(db, unitId, range)).length;
}

/** Orders to the unit due in the range that were not answered in time (as of `now`). */
export async function listOverdueOrders(db: Db, unitId: string, range: DateRange, now: Date = new Date()) {
  const orders = await db.supervisionOrder.findMany({
    where: { unitId, deadline: { gte: districtInstant(range.start), lt: districtInstant(addDays(range.end, 1)) } },
    orderBy: { deadline: "asc" },
    select: { id: true, title: true, status: true, createdAt: true, deadline: true, responses: { select: { createdAt: true, decision: true } } },
  });
  return orders.filter((o) => isOverdue(o, now));
}

export async function countOverdueOrders(db: Db, unitId: string, range: DateRange, now: Date = new Date()): Promise<number> {
  return (await listOverdueOrders(db, unitId, range, now)).length;
}
