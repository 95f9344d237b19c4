/**
 * Gathers the plain inputs of computeQuarterScore from the database, for
 * every unit of a quarter at once (a handful of queries, whatever the number
 * of units). Not server-only: the seed and the benchmarks close quarters too.
 *
 * What counts (README, "Assessment"):
 * - tasks and milestones of which the unit is the lead unit, due from the
 *   quarter's first day to its cut-off (asOf), and those due earlier that
 *   were not done by the day before the quarter began (an overdue item stays
 *   due until done); their values AS OF the cut-off and as of their due
 *   date from the progress history (lib/tasks/progress-history.ts), never
 *   today's — so a correction of a closed quarter sees what its close saw;
 * - the assessment groups' SUBMITTED scores of the quarter in force (drafts,
 *   withdrawn and replaced versions never count: lib/assessment/in-force.ts);
 * - spot checks whose result is 不属实 or 部分属实, on the unit's reports of
 *   days in the period;
 * - supervision orders whose deadline fell in the period (and has passed) and
 *   that were not accepted by it, or that were rated 不满意 (评价, issue 16) by
 *   the cut-off — 不满意 counts as not done by the deadline; 满意 and 基本满意
 *   deduct nothing;
 * - report timeliness over the district's reporting days (days on which any
 *   unit reported) up to the last full day, from the unit's creation on;
 * - the leaders' 加减分 and the 一票否决 recorded for the quarter, in force.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import type {
  AdjustmentInput,
  GroupScoreInput,
  OverdueOrderInput,
  SpotCheckInput,
  TaskItemInput,
  TimelinessInput,
  UnitQuarterInputs,
  VetoInput,
} from "@/lib/assessment/scoring";
import { adjustmentInForce, groupScoreInForce, vetoInForce } from "@/lib/assessment/in-force";
import { quarterKey } from "@/lib/assessment/quarters";
import { type HistoryEvent, valueAsOf } from "@/lib/tasks/progress-history";
import { type DistrictDate, type QuarterRef, addDays, districtDateOf, districtInstant, districtToday, quarterRange } from "@/lib/time";

export type QuarterPeriod = {
  quarter: QuarterRef;
  start: DistrictDate;
  end: DistrictDate;
  /** the last day whose data count: the quarter's end, or today when closed early */
  asOf: DistrictDate;
  /** the instant the data were taken at (orders' deadlines must have passed by then) */
  cutoff: Date;
};

/** The period of a quarter as seen at `now`; `asOf` may be pinned (a correction re-uses the close's). */
export function periodFor(quarter: QuarterRef, now: Date, asOf?: DistrictDate): QuarterPeriod {
  const { start, end } = quarterRange(quarter);
  const today = districtToday(now);
  const last = asOf ?? (today < end ? today : end);
  return { quarter, start, end, asOf: last, cutoff: now };
}

export async function gatherQuarterInputs(db: Db, quarterId: string, period: QuarterPeriod): Promise<UnitQuarterInputs[]> {
  const { start, asOf } = period;
  const startInstant = districtInstant(start);
  const afterAsOf = districtInstant(addDays(asOf, 1));
  const orderCutoff = new Date(Math.min(afterAsOf.getTime(), period.cutoff.getTime()));
  // Timeliness only over full days: today's later slots may not be due yet.
  const lastFullDay = addDays(districtToday(period.cutoff), -1);
  const timelinessTo = asOf < lastFullDay ? asOf : lastFullDay;

  const [units, tasks, milestones, groupScores, rubricTotals, spotChecks, orders, adjustments, vetoes, reportingDays, slotCounts] = await Promise.all([
    db.unit.findMany({
      // Units that existed during the period: created before its cut-off, not archived before it began.
      where: { createdAt: { lt: afterAsOf }, OR: [{ archivedAt: null }, { archivedAt: { gte: startInstant } }] },
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }],
      select: { id: true, name: true, kind: true, code: true, sortOrder: true, createdAt: true },
    }),
    // Due in the period, or due before it and maybe still open when it began (not done now, or changed
    // since): whether it was open is decided below, as of the day before the quarter.
    db.task.findMany({
      where: { archivedAt: null, deadline: { lte: asOf }, OR: [{ deadline: { gte: start } }, { valueReached: { lt: db.task.fields.target } }, { updatedAt: { gte: startInstant } }] },
      orderBy: [{ deadline: "asc" }, { id: "asc" }],
      select: { id: true, unitId: true, title: true, deadline: true, target: true, weight: true },
    }),
    db.milestone.findMany({
      where: { dueDate: { lte: asOf }, task: { archivedAt: null }, OR: [{ dueDate: { gte: start } }, { valueReached: { lt: db.milestone.fields.target } }, { updatedAt: { gte: startInstant } }] },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      select: { id: true, taskId: true, title: true, dueDate: true, target: true, task: { select: { unitId: true, title: true, weight: true } } },
    }),
    db.groupScore.findMany({
      where: { quarterId, ...groupScoreInForce },
      orderBy: { group: { name: "asc" } },
      select: {
        id: true,
        unitId: true,
        groupId: true,
        group: { select: { name: true } },
        items: {
          orderBy: { rubricItem: { sortOrder: "asc" } },
          select: { id: true, rubricItemId: true, points: true, comment: true, rubricItem: { select: { name: true, maxPoints: true } } },
        },
      },
    }),
    db.rubricItem.groupBy({ by: ["groupId"], where: { year: period.quarter.year }, _sum: { maxPoints: true } }),
    db.spotCheck.findMany({
      where: { result: { in: ["FALSE", "PARTLY_TRUE"] }, slot: { card: { date: { gte: start, lte: asOf } } } },
      orderBy: { id: "asc" },
      select: { id: true, slotId: true, result: true, notes: true, slot: { select: { slot: true, card: { select: { unitId: true, date: true } } } } },
    }),
    db.supervisionOrder.findMany({
      where: {
        deadline: { gte: startInstant, lt: orderCutoff },
        // 评价 不满意 (issue 16, duban) counts as not done by the deadline, if rated by the cut-off.
        OR: [{ acceptedAt: null }, { acceptedAt: { gt: db.supervisionOrder.fields.deadline } }, { rating: "UNSATISFIED", ratedAt: { lte: period.cutoff } }],
      },
      orderBy: { deadline: "asc" },
      select: { id: true, unitId: true, title: true, deadline: true, acceptedAt: true, status: true, rating: true, ratedAt: true },
    }),
    db.scoreAdjustment.findMany({
      where: { quarterId, ...adjustmentInForce },
      orderBy: { createdAt: "asc" },
      select: { id: true, unitId: true, points: true, reason: true, createdAt: true, createdBy: { select: { name: true } } },
    }),
    db.unitVeto.findMany({
      where: { quarterId, ...vetoInForce },
      orderBy: { createdAt: "asc" },
      select: { id: true, unitId: true, vetoItemId: true, reason: true, vetoItem: { select: { name: true } } },
    }),
    timelinessTo >= start
      ? db.reportCard.groupBy({ by: ["date"], where: { date: { gte: start, lte: timelinessTo } } }).then((rows) => rows.map((r) => r.date).sort())
      : Promise.resolve([] as string[]),
    timelinessTo >= start ? countSlots(db, start, timelinessTo) : Promise.resolve(new Map<string, { slots: number; late: number }>()),
  ]);

  const maxTotalByGroup = new Map(rubricTotals.map((r) => [r.groupId, r._sum.maxPoints ?? 0]));
  const byUnit = <T extends { unitId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.unitId, [...(map.get(row.unitId) ?? []), row]);
    return map;
  };

  const dayBefore = addDays(start, -1);
  const history = await loadHistories(db, [...tasks.map((t) => t.id), ...milestones.map((m) => m.taskId)], asOf);
  const dated = (key: string, row: { target: number }, dueDate: DistrictDate) => {
    const events = history.get(key) ?? [];
    const atAsOf = valueAsOf(events, row.target, asOf);
    return {
      dueDate,
      target: row.target,
      valueReached: atAsOf.value,
      valueAtDue: valueAsOf(events, row.target, dueDate).value,
      reachedOn: atAsOf.reachedOn,
      carried: dueDate < start,
      // Carried only while still open at the quarter's start.
      open: dueDate >= start || valueAsOf(events, row.target, dayBefore).value < row.target,
    };
  };
  const taskItems = byUnit<TaskItemInput & { unitId: string }>(
    [
      ...tasks.map((t) => ({ unitId: t.unitId, kind: "TASK" as const, id: t.id, taskId: t.id, title: t.title, weight: t.weight, ...dated(`task:${t.id}`, t, t.deadline) })),
      ...milestones.map((m) => ({
        unitId: m.task.unitId,
        kind: "MILESTONE" as const,
        id: m.id,
        taskId: m.taskId,
        title: `${m.task.title} · ${m.title}`,
        weight: m.task.weight,
        ...dated(m.id, m, m.dueDate),
      })),
    ]
      .filter((item) => item.open)
      .map((item) => {
        const plain: TaskItemInput & { unitId: string; open?: boolean } = { ...item };
        delete plain.open;
        if (!plain.carried) delete plain.carried;
        return plain;
      }),
  );
  const scores = byUnit<GroupScoreInput & { unitId: string }>(
    groupScores.map((s) => ({
      unitId: s.unitId,
      id: s.id,
      groupId: s.groupId,
      groupName: s.group.name,
      maxTotal: maxTotalByGroup.get(s.groupId) ?? 0,
      items: s.items.map((i) => ({ id: i.id, rubricItemId: i.rubricItemId, name: i.rubricItem.name, maxPoints: i.rubricItem.maxPoints, points: i.points, comment: i.comment })),
    })),
  );
  const checks = byUnit<SpotCheckInput & { unitId: string }>(
    spotChecks.map((c) => ({
      unitId: c.slot.card.unitId,
      id: c.id,
      slotId: c.slotId,
      date: c.slot.card.date,
      slot: c.slot.slot,
      result: c.result as "FALSE" | "PARTLY_TRUE",
      notes: c.notes,
    })),
  );
  const overdue = byUnit<OverdueOrderInput & { unitId: string }>(
    orders.map((o) => {
      const unsatisfied = o.rating === "UNSATISFIED" && o.ratedAt !== null && o.ratedAt <= period.cutoff;
      const late = o.acceptedAt === null || o.acceptedAt > o.deadline;
      // An order closed in time but rated 不满意 reads as not done by its deadline, and says why.
      return {
        unitId: o.unitId,
        id: o.id,
        title: unsatisfied && !late ? `${o.title}(办结评价不满意)` : o.title,
        deadline: o.deadline.toISOString(),
        acceptedAt: unsatisfied && !late ? null : (o.acceptedAt?.toISOString() ?? null),
        status: o.status,
      };
    }),
  );
  const adjusts = byUnit<AdjustmentInput & { unitId: string }>(
    adjustments.map((a) => ({ unitId: a.unitId, id: a.id, points: a.points, reason: a.reason, by: a.createdBy.name, createdAt: a.createdAt.toISOString() })),
  );
  const vetoed = byUnit<VetoInput & { unitId: string }>(vetoes.map((v) => ({ unitId: v.unitId, id: v.id, vetoItemId: v.vetoItemId, item: v.vetoItem.name, reason: v.reason })));
  // The unit id was only for grouping; the inputs name their unit once.
  const strip = <T extends { unitId: string }>(rows: T[] | undefined): Omit<T, "unitId">[] =>
    (rows ?? []).map((row) => {
      const rest: Partial<T> = { ...row };
      delete rest.unitId;
      return rest as Omit<T, "unitId">;
    });

  return units.map((unit) => {
    const activeFrom = districtDateOf(unit.createdAt);
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind, code: unit.code, sortOrder: unit.sortOrder, activeFrom },
      period: { quarter: quarterKey(period.quarter), start, end: period.end, asOf },
      taskItems: strip(taskItems.get(unit.id)),
      groupScores: strip(scores.get(unit.id)),
      spotChecks: strip(checks.get(unit.id)),
      overdueOrders: strip(overdue.get(unit.id)),
      timeliness: timelinessOf(reportingDays, slotCounts.get(unit.id), activeFrom > start ? activeFrom : start, timelinessTo),
      adjustments: strip(adjusts.get(unit.id)),
      vetoes: strip(vetoed.get(unit.id)),
    };
  });
}

/**
 * The progress events (lib/tasks/progress-events.ts) of these tasks and their
 * milestones dated up to `upTo`, keyed as progressAsOf keys them ("task:<id>"
 * for a task's own value, the milestone's id for a milestone): read once, so
 * that each item's value on its due date, on the cut-off and on the day before
 * the quarter comes from the history's one rule (valueAsOf) without a query per date.
 */
async function loadHistories(db: Db, taskIds: string[], upTo: DistrictDate): Promise<Map<string, HistoryEvent[]>> {
  const ids = [...new Set(taskIds)];
  const out = new Map<string, HistoryEvent[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const events = await db.progressEvent.findMany({
      where: { taskId: { in: ids.slice(i, i + 500) }, date: { lte: upTo } },
      select: { id: true, taskId: true, milestoneId: true, date: true, at: true, delta: true },
    });
    for (const e of events) {
      const key = e.milestoneId ?? `task:${e.taskId}`;
      const list = out.get(key);
      if (list) list.push(e);
      else out.set(key, [e]);
    }
  }
  return out;
}

function timelinessOf(days: string[], counts: { slots: number; late: number } | undefined, from: DistrictDate, to: DistrictDate): TimelinessInput | null {
  const reportingDays = days.filter((d) => d >= from && d <= to).length;
  if (reportingDays === 0) return null;
  const expected = reportingDays * 3;
  const shown = Math.min(expected, counts?.slots ?? 0);
  const late = Math.min(shown, counts?.late ?? 0);
  return { from, to, reportingDays, expected, onTime: shown - late, late, missing: expected - shown };
}

/** Slots shown and slots shown late per unit over a date range (one aggregate query). */
async function countSlots(db: Db, from: DistrictDate, to: DistrictDate): Promise<Map<string, { slots: number; late: number }>> {
  const rows = await db.$queryRaw<{ unitId: string; slots: bigint | number; late: bigint | number | null }[]>(Prisma.sql`
    SELECT c."unitId" AS "unitId", COUNT(*) AS "slots", SUM(CASE WHEN s."late" THEN 1 ELSE 0 END) AS "late"
    FROM "ReportSlot" s JOIN "ReportCard" c ON c."id" = s."cardId"
    WHERE c."date" >= ${from} AND c."date" <= ${to}
    GROUP BY c."unitId"`);
  return new Map(rows.map((r) => [r.unitId, { slots: Number(r.slots), late: Number(r.late ?? 0) }]));
}
