/**
 * The board's two aggregates, in SQL that runs on SQLite and PostgreSQL alike
 * (113 units × 28 days of cards and ~5,000 tasks would be heavy through the ORM).
 * They read district-wide: the callers pass only units the user may see.
 */
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DistrictDate } from "@/lib/time";

export type DayCount = { shown: number; late: number };

/** Slots shown and shown late per unit and day ("unitId|date"), and the days on which any unit reported. */
export async function countSlotsByUnitDay(db: Db, from: DistrictDate, to: DistrictDate): Promise<{ byUnitDay: Map<string, DayCount>; reportingDays: Set<DistrictDate> }> {
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

export type KeyTaskProgressRow = { keyTaskId: string; name: string; tasks: number; ratio: number };

/** Mean progress of the open tasks under each key task, each task counted min(1, reached/target) as in lib/tasks. */
export async function keyTaskProgress(db: Db): Promise<KeyTaskProgressRow[]> {
  const [keyTasks, sums] = await Promise.all([
    db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.$queryRaw<{ keyTaskId: string; tasks: bigint | number; progress: number | string | null }[]>(Prisma.sql`
      SELECT t."keyTaskId" AS "keyTaskId", COUNT(*) AS "tasks",
        SUM(CASE WHEN t."target" <= 0 THEN 0 WHEN t."valueReached" >= t."target" THEN 1.0 ELSE t."valueReached" * 1.0 / t."target" END) AS "progress"
      FROM "Task" t
      WHERE t."archivedAt" IS NULL AND t."keyTaskId" IS NOT NULL
      GROUP BY t."keyTaskId"`),
  ]);
  const byId = new Map(sums.map((s) => [s.keyTaskId, s]));
  return keyTasks.map((k) => {
    const row = byId.get(k.id);
    const tasks = Number(row?.tasks ?? 0);
    return { keyTaskId: k.id, name: k.name, tasks, ratio: tasks ? Number(row?.progress ?? 0) / tasks : 0 };
  });
}
