/**
 * Reading a quarter's results: a closed quarter from its current snapshot
 * version (never re-computed), an open one computed live from today's data
 * and marked provisional. Also the flag history (only closed quarters have
 * flags) and the trend of each unit across closed quarters.
 */
import type { Db } from "@/lib/db-client";
import type { FlagColor, QuarterStatus, UnitKind } from "@/lib/generated/prisma/enums";
import { computeQuarter, readBreakdown } from "@/lib/assessment/close";
import { periodFor } from "@/lib/assessment/inputs";
import { compareQuarters, previousQuarter, quarterKey } from "@/lib/assessment/quarters";
import { rankEntryOf, tieNotes } from "@/lib/assessment/ranking";
import { COMPONENT_KEYS, type ScoreBreakdown } from "@/lib/assessment/scoring";
import type { DistrictDate, QuarterRef } from "@/lib/time";

/**
 * A closed quarter's snapshot never changes for a given version (a correction
 * is a new version), and flags and trends change only when a quarter closes
 * or is corrected. So reads of them are cached per process, keyed by the
 * quarter versions they rest on — safe on several app servers alike.
 */
const cache = new Map<string, Promise<unknown>>();
const CACHE_ENTRIES = 16;

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const promise = load();
  promise.catch(() => cache.delete(key));
  cache.set(key, promise);
  // Oldest out first (Map keeps insertion order).
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return promise;
}

/** "id:version" of every closed quarter: what flags and trends depend on. */
async function closedSignature(db: Db): Promise<string> {
  const rows = await db.quarter.findMany({ where: { status: "CLOSED" }, orderBy: { id: "asc" }, select: { id: true, version: true } });
  return rows.map((r) => `${r.id}:${r.version}`).join(",");
}

export type QuarterInfo = {
  id: string;
  year: number;
  number: number;
  key: string;
  status: QuarterStatus;
  version: number;
  closedAt: Date | null;
  /** the office's reason for closing before the quarter's last day had ended */
  earlyCloseReason: string | null;
};

export type ResultRow = {
  unitId: string;
  unitName: string;
  kind: UnitKind;
  rank: number;
  total: number;
  failed: boolean;
  ranked: boolean;
  breakdown: ScoreBreakdown;
  flag: { color: FlagColor; streak: number } | null;
};

export type QuarterResults = { quarter: QuarterInfo; live: boolean; asOf: DistrictDate; rows: ResultRow[] };

const quarterSelect = { id: true, year: true, number: true, status: true, version: true, closedAt: true, earlyCloseReason: true } as const;

export function refOf(q: { year: number; number: number }): QuarterRef {
  return { year: q.year, number: q.number as QuarterRef["number"] };
}

function infoOf(q: Omit<QuarterInfo, "key">): QuarterInfo {
  return { ...q, key: quarterKey(refOf(q)) };
}

export async function listQuarters(db: Db): Promise<QuarterInfo[]> {
  const rows = await db.quarter.findMany({ orderBy: [{ year: "asc" }, { number: "asc" }], select: quarterSelect });
  return rows.map(infoOf);
}

export async function findQuarter(db: Db, ref: QuarterRef): Promise<QuarterInfo | null> {
  const row = await db.quarter.findUnique({ where: { year_number: { year: ref.year, number: ref.number } }, select: quarterSelect });
  return row ? infoOf(row) : null;
}

function byRank(a: ResultRow, b: ResultRow): number {
  // Unranked units (rank 0) after the ranked ones, in name order.
  return (a.rank || Infinity) - (b.rank || Infinity) || a.unitName.localeCompare(b.unitName, "zh-CN");
}

async function loadSnapshotRows(db: Db, quarter: QuarterInfo): Promise<ResultRow[]> {
  const [rows, flags] = await Promise.all([
    db.quarterScore.findMany({
      where: { quarterId: quarter.id, version: quarter.version },
      select: { unitId: true, kind: true, rank: true, total: true, failed: true, breakdown: true, inputs: true, unit: { select: { name: true } } },
    }),
    db.flag.findMany({ where: { quarterId: quarter.id }, select: { unitId: true, color: true, streak: true } }),
  ]);
  const flagOf = new Map(flags.map((f) => [f.unitId, { color: f.color, streak: f.streak }]));
  return rows
    .map((r) => {
      const breakdown = readBreakdown(r.breakdown, r.inputs);
      return {
        unitId: r.unitId,
        unitName: r.unit.name,
        kind: r.kind,
        rank: r.rank,
        total: r.total,
        failed: r.failed,
        ranked: breakdown.ranked,
        breakdown,
        flag: flagOf.get(r.unitId) ?? null,
      };
    })
    .sort(byRank);
}

export async function loadQuarterResults(db: Db, quarter: QuarterInfo, now = new Date()): Promise<QuarterResults> {
  if (quarter.status === "CLOSED") {
    const rows = await cached(`results:${quarter.id}:${quarter.version}`, () => loadSnapshotRows(db, quarter));
    return { quarter, live: false, asOf: rows[0]?.breakdown.period.asOf ?? "", rows };
  }
  const period = periodFor(refOf(quarter), now);
  if (period.asOf < period.start) return { quarter, live: true, asOf: period.asOf, rows: [] };
  const key = `${quarter.id}:${period.asOf}:${await assessmentSignature(db)}`;
  let entry = live.get(key);
  if (!entry || now.getTime() - entry.at > LIVE_TTL_MS) {
    entry = { at: now.getTime(), rows: computeLiveRows(db, quarter, period) };
    entry.rows.catch(() => live.delete(key));
    live.set(key, entry);
    while (live.size > LIVE_ENTRIES) live.delete(live.keys().next().value!);
  }
  return { quarter, live: true, asOf: period.asOf, rows: await entry.rows };
}

/**
 * An open quarter's live ranking is re-computed at most every 30 s per app
 * server (113 units take about a second): a provisional view, not a record.
 * An assessment write (a group's score, ± points, a veto, the rule) changes
 * its key at once on every server and worker: the key carries the count and
 * the latest time of each (assessmentSignature). This process's own writes
 * also empty the map (forgetLiveResults), so old entries do not pile up.
 */
const LIVE_TTL_MS = 30_000;
const LIVE_ENTRIES = 8;
const live = new Map<string, { at: number; rows: Promise<ResultRow[]> }>();

export function forgetLiveResults(): void {
  live.clear();
}

async function assessmentSignature(db: Db): Promise<string> {
  const [scores, adjustments, vetoes, rules] = await Promise.all([
    db.groupScore.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    db.scoreAdjustment.aggregate({ _count: { _all: true }, _max: { createdAt: true } }),
    db.unitVeto.aggregate({ _count: { _all: true }, _max: { createdAt: true } }),
    db.scoringRule.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  return [
    `${scores._count._all}@${scores._max.updatedAt?.getTime() ?? 0}`,
    `${adjustments._count._all}@${adjustments._max.createdAt?.getTime() ?? 0}`,
    `${vetoes._count._all}@${vetoes._max.createdAt?.getTime() ?? 0}`,
    `${rules._count._all}@${rules._max.updatedAt?.getTime() ?? 0}`,
  ].join(",");
}

async function computeLiveRows(db: Db, quarter: QuarterInfo, period: ReturnType<typeof periodFor>): Promise<ResultRow[]> {
  const { units } = await computeQuarter(db, quarter, period);
  return units
    .map((u) => ({
      unitId: u.inputs.unit.id,
      unitName: u.inputs.unit.name,
      kind: u.inputs.unit.kind,
      rank: u.rank,
      total: u.result.total,
      failed: u.result.failed,
      ranked: u.result.ranked,
      breakdown: u.result.breakdown,
      flag: null,
    }))
    .sort(byRank);
}

export type FlagView = {
  id: string;
  unitId: string;
  unitName: string;
  kind: UnitKind;
  color: FlagColor;
  quarter: string;
  awardedAt: Date;
  passedAt: Date | null;
  streak: number;
  escalation: string | null;
  /** the first quarter of the unbroken run of this colour */
  since: string;
  sinceAt: Date;
};

/** Every flag ever awarded, newest quarter first, with when each run began. */
export type FlagHistory = { current: FlagView[]; history: { quarter: string; closedAt: Date | null; flags: FlagView[] }[] };

export async function loadFlagHistory(db: Db): Promise<FlagHistory> {
  return cached(`flags:${await closedSignature(db)}`, () => readFlagHistory(db));
}

async function readFlagHistory(db: Db): Promise<FlagHistory> {
  const rows = await db.flag.findMany({
    where: { quarter: { status: "CLOSED" } },
    select: {
      id: true,
      unitId: true,
      color: true,
      streak: true,
      escalation: true,
      awardedAt: true,
      passedAt: true,
      unit: { select: { name: true, kind: true, sortOrder: true } },
      quarter: { select: { year: true, number: true, closedAt: true } },
    },
  });
  const awardedAt = new Map(rows.map((r) => [`${r.unitId}|${r.color}|${quarterKey(refOf(r.quarter))}`, r.awardedAt]));
  const views = rows.map((r) => {
    let since = refOf(r.quarter);
    for (let i = 1; i < r.streak; i++) since = previousQuarter(since);
    const sinceKey = quarterKey(since);
    return {
      view: {
        id: r.id,
        unitId: r.unitId,
        unitName: r.unit.name,
        kind: r.unit.kind,
        color: r.color,
        quarter: quarterKey(refOf(r.quarter)),
        awardedAt: r.awardedAt,
        passedAt: r.passedAt,
        streak: r.streak,
        escalation: r.escalation,
        since: sinceKey,
        sinceAt: awardedAt.get(`${r.unitId}|${r.color}|${sinceKey}`) ?? r.awardedAt,
      } satisfies FlagView,
      order: r.unit.sortOrder,
      ref: refOf(r.quarter),
      closedAt: r.quarter.closedAt,
    };
  });
  // Red before yellow, towns before departments, then the district's order.
  const sorted = views.sort(
    (a, b) => compareQuarters(b.ref, a.ref) || a.view.color.localeCompare(b.view.color) || b.view.kind.localeCompare(a.view.kind) || a.order - b.order,
  );
  const history = new Map<string, { quarter: string; closedAt: Date | null; flags: FlagView[] }>();
  for (const v of sorted) {
    const entry = history.get(v.view.quarter) ?? { quarter: v.view.quarter, closedAt: v.closedAt, flags: [] };
    entry.flags.push(v.view);
    history.set(v.view.quarter, entry);
  }
  return { current: sorted.filter((v) => v.view.passedAt === null).map((v) => v.view), history: [...history.values()] };
}

export type TrendPoint = { quarter: string; total: number | null; rank: number | null; failed: boolean };

/** Each unit's total and rank in every closed quarter (current snapshot versions). */
export type Trends = { quarters: string[]; units: { unitId: string; unitName: string; kind: UnitKind; points: TrendPoint[] }[] };

export async function loadTrends(db: Db): Promise<Trends> {
  return cached(`trends:${await closedSignature(db)}`, () => readTrends(db));
}

async function readTrends(db: Db): Promise<Trends> {
  const closed = await db.quarter.findMany({
    where: { status: "CLOSED" },
    orderBy: [{ year: "asc" }, { number: "asc" }],
    select: { id: true, year: true, number: true, version: true },
  });
  if (closed.length === 0) return { quarters: [], units: [] };
  const scores = await db.quarterScore.findMany({
    where: { OR: closed.map((q) => ({ quarterId: q.id, version: q.version })) },
    select: { quarterId: true, unitId: true, total: true, rank: true, failed: true, unit: { select: { name: true, kind: true, sortOrder: true } } },
  });
  const keyOf = new Map(closed.map((q) => [q.id, quarterKey(refOf(q))]));
  const quarters = closed.map((q) => quarterKey(refOf(q)));
  const units = new Map<string, { unitId: string; unitName: string; kind: UnitKind; order: number; byQuarter: Map<string, TrendPoint> }>();
  for (const s of scores) {
    const unit = units.get(s.unitId) ?? { unitId: s.unitId, unitName: s.unit.name, kind: s.unit.kind, order: s.unit.sortOrder, byQuarter: new Map() };
    const quarter = keyOf.get(s.quarterId)!;
    unit.byQuarter.set(quarter, { quarter, total: s.rank > 0 ? s.total : null, rank: s.rank > 0 ? s.rank : null, failed: s.failed });
    units.set(s.unitId, unit);
  }
  return {
    quarters,
    units: [...units.values()]
      .sort((a, b) => b.kind.localeCompare(a.kind) || a.order - b.order)
      .map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        kind: u.kind,
        points: quarters.map((q) => u.byQuarter.get(q) ?? { quarter: q, total: null, rank: null, failed: false }),
      })),
  };
}

/** The ranking table's compact view of result rows (the breakdowns stay on the server). */
export function rankingRowsOf(rows: ResultRow[]) {
  const ties = tieNotes(rows.map((r) => ({ ...rankEntryOf({ id: r.unitId, kind: r.kind }, r), unitName: r.unitName, rank: r.rank })));
  return rows.map((r) => ({
    excluded: r.breakdown.excluded ?? false,
    retired: r.breakdown.retired !== undefined,
    tie: ties.get(r.unitId) ?? null,
    unitId: r.unitId,
    unitName: r.unitName,
    rank: r.rank,
    total: r.total,
    ranked: r.ranked,
    failed: r.failed,
    points: COMPONENT_KEYS.map((key) => {
      const c = r.breakdown.components.find((x) => x.key === key);
      return c && c.maxPoints > 0 ? c.points : null;
    }),
    adjustment: r.breakdown.adjustmentPoints,
    flag: r.flag?.color ?? null,
  }));
}
