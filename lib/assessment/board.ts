/**
 * Reads of the leaders' board (LEADER, ADMIN) and the public flags: the user
 * first, the role and the unit scope inside. Pages and routes call these; the
 * functions over a client (lib/assessment/results.ts, year.ts, rules.ts,
 * board-data.ts) stay for the close, the seed, the benchmarks and the tests.
 */
import "server-only";
import { db } from "@/lib/db";
import { type SessionUser, unitScopeWhere, withUnitScope } from "@/lib/auth/roles";
import { isInForce } from "@/lib/assessment/in-force";
import { countSlotsByUnitDay } from "@/lib/assessment/board-data";
import { DAY_CELL_CODES, classifyDay } from "@/lib/assessment/heatmap";
import { parseQuarterKey, quarterKey } from "@/lib/assessment/quarters";
import {
  type FlagHistory,
  type QuarterInfo,
  type QuarterResults,
  type Trends,
  findQuarter,
  listQuarters,
  loadFlagHistory,
  loadQuarterResults,
  loadTrends,
} from "@/lib/assessment/results";
import { type StoredRules, loadScoringRules } from "@/lib/assessment/rules";
import { type YearResults, loadYearResults } from "@/lib/assessment/year";
import { listKeyTaskProgress } from "@/lib/tasks/queries";
import { type DistrictDate, type QuarterRef, addDays, quarterOf } from "@/lib/time";
import { listVisibleUnits } from "@/lib/org/queries";

/** The board is the leaders' and the office's: the rankings are district-wide. */
function readsBoard(user: SessionUser): boolean {
  return user.role === "LEADER" || user.role === "ADMIN";
}

/**
 * The quarters: their names and states are no secret, every signed-in role
 * picks one (the user is taken like every read's, and only checked for a role).
 */
export async function listQuarterInfos(user: SessionUser): Promise<QuarterInfo[]> {
  return user.role ? listQuarters(db) : [];
}

export async function findQuarterInfo(user: SessionUser, ref: QuarterRef): Promise<QuarterInfo | null> {
  return user.role ? findQuarter(db, ref) : null;
}

/** A quarter's results (the snapshot of a closed one, live for an open one); none for other roles. */
export async function readQuarterResults(user: SessionUser, quarter: QuarterInfo, now = new Date()): Promise<QuarterResults> {
  if (!readsBoard(user)) return { quarter, live: quarter.status !== "CLOSED", asOf: "", rows: [] };
  return loadQuarterResults(db, quarter, now);
}

/** Each unit's totals and ranks over the closed quarters; none for other roles. */
export async function readTrends(user: SessionUser): Promise<Trends> {
  if (!readsBoard(user)) return { quarters: [], units: [] };
  return loadTrends(db);
}

/** The flags' holders and history: public (the public page and the API show them to anyone). */
export function readPublicFlagHistory(): Promise<FlagHistory> {
  return loadFlagHistory(db);
}

/** The years that have quarters, and one year's results; none for other roles. */
export async function listAssessmentYears(user: SessionUser): Promise<number[]> {
  if (!readsBoard(user)) return [];
  return (await db.quarter.groupBy({ by: ["year"], orderBy: { year: "asc" } })).map((r) => r.year);
}

export async function readYearResults(user: SessionUser, year: number): Promise<YearResults> {
  if (!readsBoard(user)) return { year, quarters: [], complete: false, rows: [] };
  return loadYearResults(db, year);
}

/** A year's scoring rules (weights, the late credit, the veto items …), for the board and the office. */
export async function readScoringRules(user: SessionUser, year: number): Promise<StoredRules | null> {
  if (!readsBoard(user)) return null;
  return loadScoringRules(db, year);
}

/** The unit a drill-down is about, if the user may see it. */
export function findBoardUnit(user: SessionUser, unitId: string) {
  if (!readsBoard(user)) return Promise.resolve(null);
  return db.unit.findFirst({ where: withUnitScope(user, { id: unitId }), select: { id: true, name: true, kind: true } });
}

/** The quarter asked for; else the latest closed one; else today's. */
export async function resolveBoardQuarter(
  user: SessionUser,
  key: string | undefined,
  today: DistrictDate,
): Promise<{ quarter: QuarterInfo | null; quarters: QuarterInfo[] }> {
  const quarters = await listQuarterInfos(user);
  const asked = parseQuarterKey(key);
  const quarter =
    (asked && quarters.find((q) => q.key === quarterKey(asked))) ??
    quarters.filter((q) => q.status === "CLOSED").at(-1) ??
    quarters.find((q) => q.key === quarterKey(quarterOf(today))) ??
    quarters.at(-1) ??
    null;
  return { quarter, quarters };
}

/** `cells`: one code per day (DAY_CELL_CODES), oldest first. */
export type HeatMapRow = { unitId: string; unitName: string; kind: "TOWN" | "DEPARTMENT"; cells: string };

/** Each unit's report discipline over the `days` days ending `to`. */
export async function loadDisciplineHeatMap(user: SessionUser, to: DistrictDate, days = 28): Promise<{ dates: DistrictDate[]; rows: HeatMapRow[] }> {
  const from = addDays(to, -(days - 1));
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const [units, { byUnitDay, reportingDays }] = await Promise.all([listVisibleUnits(user), countSlotsByUnitDay(db, from, to)]);
  // Units come from the scoped query; the counts are only looked up for them.
  return {
    dates,
    rows: units.map((u) => ({
      unitId: u.id,
      unitName: u.name,
      kind: u.kind,
      cells: dates.map((d) => DAY_CELL_CODES[classifyDay(byUnitDay.get(`${u.id}|${d}`) ?? { shown: 0, late: 0 }, reportingDays.has(d))]).join(""),
    })),
  };
}

/** Progress per key task over the tasks the user may see (the one rule: lib/tasks/queries.ts). */
export async function loadKeyTaskProgress(user: SessionUser, today: DistrictDate) {
  if (!readsBoard(user)) return [];
  return listKeyTaskProgress(user, today);
}

/**
 * Adjustments and vetoes recorded for a unit in a quarter: those in force
 * (those recorded after a close are not in its snapshot yet), and every
 * earlier version — withdrawn or corrected ones stay visible.
 */
export async function listUnitQuarterRecords(user: SessionUser, unitId: string, quarterId: string) {
  const [allAdjustments, allVetoes] = await Promise.all([
    db.scoreAdjustment.findMany({
      where: { quarterId, unitId, unit: unitScopeWhere(user) },
      orderBy: [{ createdAt: "asc" }, { version: "asc" }],
      select: {
        id: true,
        points: true,
        reason: true,
        createdAt: true,
        version: true,
        previousId: true,
        withdrawn: true,
        changeReason: true,
        next: { select: { id: true, withdrawn: true } },
        createdBy: { select: { id: true, name: true, role: true } },
      },
    }),
    db.unitVeto.findMany({
      where: { quarterId, unitId, unit: unitScopeWhere(user) },
      orderBy: [{ createdAt: "asc" }, { version: "asc" }],
      select: {
        id: true,
        reason: true,
        createdAt: true,
        vetoItemId: true,
        version: true,
        previousId: true,
        withdrawn: true,
        changeReason: true,
        next: { select: { id: true, withdrawn: true } },
        vetoItem: { select: { name: true } },
        createdBy: { select: { id: true, name: true, role: true } },
      },
    }),
  ]);
  return {
    adjustments: allAdjustments.filter(isInForce),
    vetoes: allVetoes.filter(isInForce),
    history: { adjustments: allAdjustments.filter((r) => !isInForce(r)), vetoes: allVetoes.filter((r) => !isInForce(r)) },
  };
}
