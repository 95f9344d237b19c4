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
 *   withdrawn and replaced versions never count: lib/assessment/in-force.ts),
 *   each only from a group whose scope held the unit on the as-of day
 *   (lib/org/scope.ts groupScopeOn): a unit moved between groups mid-year is
 *   scored by the group that covered it at the quarter's end;
 * - spot checks whose result is 不属实 or 部分属实, on the unit's reports of
 *   days in the period;
 * - supervision orders whose deadline fell in the period (and has passed) and
 *   that were not accepted by it, or that were rated 不满意 (评价, issue 16) by
 *   the cut-off — 不满意 counts as not done by the deadline; 满意 and 基本满意
 *   deduct nothing;
 * - report timeliness over the district's reporting days (days on which any
 *   unit reported) up to the last full day, from the unit's creation on and,
 *   for a unit retired (撤销) in the period, up to the day before its
 *   retirement (scoring.ts retiredIn: such a unit is not ranked);
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
import { groupScopeOn } from "@/lib/org/scope";
import { type HistoryEvent, valueAsOf } from "@/lib/tasks/progress-history";
import { type DistrictDate, type QuarterRef, addDays, districtDateOf, districtInstant, districtToday, quarterRange } from "@/lib/time";
import { UNIT_CARD, unitIdOf } from "@/lib/reports/card-owner";
import { byUnitKind } from "@/lib/enum-order";

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

/**
 * The day whose assessment-group scope decides which group scores a unit for
 * a quarter (lib/org/scope.ts groupScopeOn): the quarter's last day, or today
 * while it is under way — the same day the close reads the scope on. A unit
 * moved after a quarter ended but before it closed is scored for that quarter
 * by the group that held it on its last day, and by the new one from the next.
 */
export function scoringScopeDay(quarter: QuarterRef, now: Date = new Date()): DistrictDate {
  return periodFor(quarter, now).asOf;
}

/**
 * Every unit's inputs for the period, in named steps: the period's bounds,
 * one batch of reads (readQuarterRows), the dated task items from the
 * progress history (taskItemsAsOf), the plain records per unit, and the
 * per-unit assembly. A handful of queries whatever the number of units.
 */
export async function gatherQuarterInputs(db: Db, quarterId: string, period: QuarterPeriod): Promise<UnitQuarterInputs[]> {
  const bounds = boundsOf(period);
  const rows = await readQuarterRows(db, quarterId, period, bounds);
  const scope = await groupScopeOn(db, period.asOf);
  const history = await loadHistories(db, [...rows.tasks.map((t) => t.id), ...rows.milestones.map((m) => m.taskId)], period.asOf);
  const records: UnitRecords = {
    taskItems: taskItemsAsOf(rows.tasks, rows.milestones, history, period),
    groupScores: groupByUnit(groupScoreInputs(inScope(rows.groupScores, scope), rows.rubricTotals)),
    spotChecks: groupByUnit(spotCheckInputs(rows.spotChecks)),
    overdueOrders: groupByUnit(overdueOrderInputs(rows.orders, period)),
    adjustments: groupByUnit(adjustmentInputs(rows.adjustments)),
    vetoes: groupByUnit(vetoInputs(rows.vetoes)),
  };
  return rows.units.map((unit) => unitInputs(unit, records, rows, period, bounds));
}

type Bounds = {
  startInstant: Date;
  afterAsOf: Date;
  /** orders count once their deadline has passed by the cut-off (and by the end of the as-of day) */
  orderCutoff: Date;
  /** the last day of timeliness: full days only (today's later slots may not be due yet) */
  timelinessTo: DistrictDate;
};

function boundsOf(period: QuarterPeriod): Bounds {
  const afterAsOf = districtInstant(addDays(period.asOf, 1));
  const lastFullDay = addDays(districtToday(period.cutoff), -1);
  return {
    startInstant: districtInstant(period.start),
    afterAsOf,
    orderCutoff: new Date(Math.min(afterAsOf.getTime(), period.cutoff.getTime())),
    timelinessTo: period.asOf < lastFullDay ? period.asOf : lastFullDay,
  };
}

/** The rows every input is made from, read at once. */
async function readQuarterRows(db: Db, quarterId: string, period: QuarterPeriod, bounds: Bounds) {
  const { start, asOf } = period;
  const { startInstant, afterAsOf, orderCutoff, timelinessTo } = bounds;
  const [units, tasks, milestones, groupScores, rubricTotals, spotChecks, orders, adjustments, vetoes, reportingDays, slotCounts] = await Promise.all([
    db.unit
      .findMany({
        // Units that existed during the period: created before its cut-off, not archived before it began.
        where: { createdAt: { lt: afterAsOf }, OR: [{ archivedAt: null }, { archivedAt: { gte: startInstant } }] },
        orderBy: { sortOrder: "asc" },
        select: { id: true, name: true, kind: true, code: true, sortOrder: true, createdAt: true, archivedAt: true },
      })
      .then(byUnitKind),
    // Due in the period, or due before it and maybe still open when it began: not done now, or done
    // with a progress event dated in the period (a value that is the sum of its events and has none
    // since the quarter began stood as it stands). Whether it was open is decided by taskItemsAsOf,
    // as of the day before the quarter. Plain SQL with only the columns the score needs: a city has
    // ~260,000 such rows, and the client's generated queries cost several times as much per row.
    readTasks(db, start, asOf),
    readMilestones(db, start, asOf),
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
      ? db.reportCard.groupBy({ by: ["date"], where: { date: { gte: start, lte: timelinessTo }, ...UNIT_CARD } }).then((rows) => rows.map((r) => r.date).sort())
      : Promise.resolve([] as string[]),
    timelinessTo >= start ? countSlots(db, start, timelinessTo) : Promise.resolve(new Map<string, { slots: number; late: number }>()),
  ]);
  return { units, tasks, milestones, groupScores, rubricTotals, spotChecks, orders, adjustments, vetoes, reportingDays, slotCounts };
}

type QuarterRows = Awaited<ReturnType<typeof readQuarterRows>>;
type WithUnit<T> = T & { unitId: string };

type UnitRecords = {
  taskItems: Map<string, TaskItemInput[]>;
  groupScores: Map<string, WithUnit<GroupScoreInput>[]>;
  spotChecks: Map<string, WithUnit<SpotCheckInput>[]>;
  overdueOrders: Map<string, WithUnit<OverdueOrderInput>[]>;
  adjustments: Map<string, WithUnit<AdjustmentInput>[]>;
  vetoes: Map<string, WithUnit<VetoInput>[]>;
};

function groupByUnit<T extends { unitId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.unitId);
    if (list) list.push(row);
    else map.set(row.unitId, [row]);
  }
  return map;
}

/**
 * The tasks and milestones as of the period: each value at the cut-off and at
 * its due date, the day it reached its target, from the progress history read
 * once (valueAsOf); an item due before the quarter counts only while it was
 * still open on the day before the quarter began (carried).
 */
function taskItemsAsOf(
  tasks: QuarterRows["tasks"],
  milestones: QuarterRows["milestones"],
  history: Map<string, HistoryEvent[]>,
  period: QuarterPeriod,
): Map<string, TaskItemInput[]> {
  const { start, asOf } = period;
  const dayBefore = addDays(start, -1);
  const dated = (key: string, row: { target: number }, dueDate: DistrictDate) => {
    const events = history.get(key) ?? [];
    const atAsOf = valueAsOf(events, row.target, asOf);
    const carried = dueDate < start;
    return {
      item: {
        dueDate,
        target: row.target,
        valueReached: atAsOf.value,
        valueAtDue: valueAsOf(events, row.target, dueDate).value,
        reachedOn: atAsOf.reachedOn,
        ...(carried ? { carried: true } : {}),
      },
      // Carried only while still open at the quarter's start.
      open: !carried || valueAsOf(events, row.target, dayBefore).value < row.target,
    };
  };
  // Grouped by unit as they are made (a city has ~260,000 items: no copy per item).
  const out = new Map<string, TaskItemInput[]>();
  const add = (unitId: string, item: TaskItemInput) => {
    const list = out.get(unitId);
    if (list) list.push(item);
    else out.set(unitId, [item]);
  };
  for (const t of tasks) {
    const { item, open } = dated(`task:${t.id}`, t, t.deadline);
    if (open) add(t.unitId, { kind: "TASK", id: t.id, taskId: t.id, title: t.title, weight: t.weight, ...item });
  }
  for (const m of milestones) {
    const { item, open } = dated(m.id, m, m.dueDate);
    if (open) add(m.task.unitId, { kind: "MILESTONE", id: m.id, taskId: m.taskId, title: `${m.task.title} · ${m.title}`, weight: m.task.weight, ...item });
  }
  return out;
}

/** The scores of groups whose scope held their unit on the as-of day (a group's score of a unit it no longer covered does not count). */
function inScope<T extends { groupId: string; unitId: string }>(scores: T[], scope: Map<string, Set<string>>): T[] {
  return scores.filter((s) => scope.get(s.groupId)?.has(s.unitId));
}

function groupScoreInputs(groupScores: QuarterRows["groupScores"], rubricTotals: QuarterRows["rubricTotals"]): WithUnit<GroupScoreInput>[] {
  const maxTotalByGroup = new Map(rubricTotals.map((r) => [r.groupId, r._sum.maxPoints ?? 0]));
  return groupScores.map((s) => ({
    unitId: s.unitId,
    id: s.id,
    groupId: s.groupId,
    groupName: s.group.name,
    maxTotal: maxTotalByGroup.get(s.groupId) ?? 0,
    items: s.items.map((i) => ({
      id: i.id,
      rubricItemId: i.rubricItemId,
      name: i.rubricItem.name,
      maxPoints: i.rubricItem.maxPoints,
      points: i.points,
      comment: i.comment,
    })),
  }));
}

function spotCheckInputs(spotChecks: QuarterRows["spotChecks"]): WithUnit<SpotCheckInput>[] {
  return spotChecks.map((c) => ({
    unitId: unitIdOf(c.slot.card),
    id: c.id,
    slotId: c.slotId,
    date: c.slot.card.date,
    slot: c.slot.slot,
    result: c.result as "FALSE" | "PARTLY_TRUE",
    notes: c.notes,
  }));
}

function overdueOrderInputs(orders: QuarterRows["orders"], period: QuarterPeriod): WithUnit<OverdueOrderInput>[] {
  return orders.map((o) => {
    const unsatisfied = o.rating === "UNSATISFIED" && o.ratedAt !== null && o.ratedAt <= period.cutoff;
    const late = o.acceptedAt === null || o.acceptedAt > o.deadline;
    // An order closed in time but rated 不满意 reads as not done by its deadline, and says why.
    return {
      unitId: o.unitId,
      id: o.id,
      title: unsatisfied && !late ? `${o.title}（办结评价不满意）` : o.title,
      deadline: o.deadline.toISOString(),
      acceptedAt: unsatisfied && !late ? null : (o.acceptedAt?.toISOString() ?? null),
      status: o.status,
    };
  });
}

function adjustmentInputs(adjustments: QuarterRows["adjustments"]): WithUnit<AdjustmentInput>[] {
  return adjustments.map((a) => ({
    unitId: a.unitId,
    id: a.id,
    points: a.points,
    reason: a.reason,
    by: a.createdBy.name,
    createdAt: a.createdAt.toISOString(),
  }));
}

function vetoInputs(vetoes: QuarterRows["vetoes"]): WithUnit<VetoInput>[] {
  return vetoes.map((v) => ({ unitId: v.unitId, id: v.id, vetoItemId: v.vetoItemId, item: v.vetoItem.name, reason: v.reason }));
}

/** The unit id was only for grouping; the inputs name their unit once. */
function withoutUnit<T extends { unitId: string }>(rows: T[] | undefined): Omit<T, "unitId">[] {
  return (rows ?? []).map((row) => {
    const rest: Partial<T> = { ...row };
    delete rest.unitId;
    return rest as Omit<T, "unitId">;
  });
}

function unitInputs(unit: QuarterRows["units"][number], records: UnitRecords, rows: QuarterRows, period: QuarterPeriod, bounds: Bounds): UnitQuarterInputs {
  const { start, asOf } = period;
  const activeFrom = districtDateOf(unit.createdAt);
  // Retired in the period (not before it began: readQuarterRows): no report is due from that day on.
  const retiredDay = unit.archivedAt ? districtDateOf(unit.archivedAt) : undefined;
  const retiredOn = retiredDay !== undefined && retiredDay <= period.end ? retiredDay : undefined;
  const activeTo = retiredOn !== undefined && retiredOn <= bounds.timelinessTo ? addDays(retiredOn, -1) : bounds.timelinessTo;
  return {
    unit: {
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      code: unit.code,
      sortOrder: unit.sortOrder,
      activeFrom,
      ...(retiredOn !== undefined ? { retiredOn } : {}),
    },
    period: { quarter: quarterKey(period.quarter), start, end: period.end, asOf },
    taskItems: records.taskItems.get(unit.id) ?? [],
    groupScores: withoutUnit(records.groupScores.get(unit.id)),
    spotChecks: withoutUnit(records.spotChecks.get(unit.id)),
    overdueOrders: withoutUnit(records.overdueOrders.get(unit.id)),
    timeliness: timelinessOf(rows.reportingDays, rows.slotCounts.get(unit.id), activeFrom > start ? activeFrom : start, activeTo),
    adjustments: withoutUnit(records.adjustments.get(unit.id)),
    vetoes: withoutUnit(records.vetoes.get(unit.id)),
  };
}

type TaskRow = { id: string; unitId: string; title: string; deadline: DistrictDate; target: number; weight: number };
type MilestoneRow = {
  id: string;
  taskId: string;
  title: string;
  dueDate: DistrictDate;
  target: number;
  task: { unitId: string; title: string; weight: number };
};

/** The tasks that may count in the period (see readQuarterRows), in due-date order. */
async function readTasks(db: Db, start: DistrictDate, asOf: DistrictDate): Promise<TaskRow[]> {
  const rows = await db.$queryRaw<{ id: string; unitId: string; title: string; deadline: string; target: number; weight: number }[]>(Prisma.sql`
    SELECT t."id", t."unitId", t."title", t."deadline", t."target", t."weight"
    FROM "Task" t
    WHERE t."archivedAt" IS NULL AND t."deadline" <= ${asOf}
      AND (t."deadline" >= ${start} OR t."valueReached" < t."target"
        OR EXISTS (SELECT 1 FROM "ProgressEvent" e WHERE e."taskId" = t."id" AND e."milestoneId" IS NULL AND e."date" >= ${start}))
    ORDER BY t."deadline", t."id"`);
  return rows.map((r) => ({ ...r, target: Number(r.target), weight: Number(r.weight) }));
}

/** The milestones that may count in the period, with their task's unit, title and weight, in due-date order. */
async function readMilestones(db: Db, start: DistrictDate, asOf: DistrictDate): Promise<MilestoneRow[]> {
  const rows = await db.$queryRaw<
    { id: string; taskId: string; title: string; dueDate: string; target: number; unitId: string; taskTitle: string; weight: number }[]
  >(
    Prisma.sql`
    SELECT m."id", m."taskId", m."title", m."dueDate", m."target", t."unitId", t."title" AS "taskTitle", t."weight"
    FROM "Milestone" m JOIN "Task" t ON t."id" = m."taskId"
    WHERE t."archivedAt" IS NULL AND m."dueDate" <= ${asOf}
      AND (m."dueDate" >= ${start} OR m."valueReached" < m."target"
        OR EXISTS (SELECT 1 FROM "ProgressEvent" e WHERE e."milestoneId" = m."id" AND e."date" >= ${start}))
    ORDER BY m."dueDate", m."id"`,
  );
  return rows.map((r) => ({
    id: r.id,
    taskId: r.taskId,
    title: r.title,
    dueDate: r.dueDate,
    target: Number(r.target),
    task: { unitId: r.unitId, title: r.taskTitle, weight: Number(r.weight) },
  }));
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
  // Plain SQL, a few thousand ids a statement (both databases bind far more parameters than that).
  for (let i = 0; i < ids.length; i += HISTORY_BATCH) {
    const events = await db.$queryRaw<
      { id: number | bigint; taskId: string; milestoneId: string | null; date: string; at: Date | string | number; delta: number }[]
    >(
      Prisma.sql`
      SELECT e."id", e."taskId", e."milestoneId", e."date", e."at", e."delta"
      FROM "ProgressEvent" e
      WHERE e."taskId" IN (${Prisma.join(ids.slice(i, i + HISTORY_BATCH))}) AND e."date" <= ${upTo}`,
    );
    for (const e of events) {
      const key = e.milestoneId ?? `task:${e.taskId}`;
      const event: HistoryEvent = { id: Number(e.id), date: e.date, at: e.at instanceof Date ? e.at : new Date(e.at), delta: Number(e.delta) };
      const list = out.get(key);
      if (list) list.push(event);
      else out.set(key, [event]);
    }
  }
  return out;
}

const HISTORY_BATCH = 5000;

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
    WHERE c."date" >= ${from} AND c."date" <= ${to} AND c."unitId" IS NOT NULL
    GROUP BY c."unitId"`);
  return new Map(rows.map((r) => [r.unitId, { slots: Number(r.slots), late: Number(r.late ?? 0) }]));
}
