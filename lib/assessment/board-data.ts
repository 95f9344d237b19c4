/**
 * The board's heat-map aggregate, in SQL that runs on SQLite and PostgreSQL
 * alike (113 units × 28 days of cards would be heavy through the ORM). The
 * progress per key task is lib/tasks/queries.ts's (listKeyTaskProgress).
 * They read district-wide: the callers pass only units the user may see.
 */
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DistrictDate } from "@/lib/time";

export type DayCount = { shown: number; late: number };

/** Slots shown and shown late per unit and day ("unitId|date"), and the days on which any unit reported. */
export async function countSlotsByUnitDay(
  db: Db,
  from: DistrictDate,
  to: DistrictDate,
): Promise<{ byUnitDay: Map<string, DayCount>; reportingDays: Set<DistrictDate> }> {
  const rows = await db.$queryRaw<{ unitId: string; date: string; shown: bigint | number; late: bigint | number | null }[]>(Prisma.sql`
    SELECT c."unitId" AS "unitId", c."date" AS "date", COUNT(s."id") AS "shown", SUM(CASE WHEN s."late" THEN 1 ELSE 0 END) AS "late"
    FROM "ReportCard" c LEFT JOIN "ReportSlot" s ON s."cardId" = c."id"
    WHERE c."date" >= ${from} AND c."date" <= ${to}
    GROUP BY c."unitId", c."date"`);
  return {
    byUnitDay: new Map(rows.map((r) => [`${r.unitId}|${r.date}`, { shown: Number(r.shown), late: Number(r.late ?? 0) }])),
    reportingDays: new Set(rows.map((r) => r.date)),
  };
}
