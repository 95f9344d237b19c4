/** Reads of the leaders' board (LEADER, ADMIN), scoped in the query like every read. */
import "server-only";
import { db } from "@/lib/db";
import { type SessionUser, unitScopeWhere, withUnitScope } from "@/lib/auth/roles";
import { isInForce } from "@/lib/assessment/in-force";
import { countSlotsByUnitDay, keyTaskProgress } from "@/lib/assessment/board-data";
import { DAY_CELL_CODES, classifyDay } from "@/lib/assessment/heatmap";
import { parseQuarterKey, quarterKey } from "@/lib/assessment/quarters";
import { type QuarterInfo, listQuarters } from "@/lib/assessment/results";
import { type DistrictDate, addDays, quarterOf } from "@/lib/time";

/** The quarter asked for; else the latest closed one; else today's. */
export async function resolveBoardQuarter(key: string | undefined, today: DistrictDate): Promise<{ quarter: QuarterInfo | null; quarters: QuarterInfo[] }> {
  const quarters = await listQuarters(db);
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
  const [units, { byUnitDay, reportingDays }] = await Promise.all([
    db.unit.findMany({ where: withUnitScope(user, { archivedAt: null }), orderBy: [{ kind: "desc" }, { sortOrder: "asc" }], select: { id: true, name: true, kind: true } }),
    countSlotsByUnitDay(db, from, to),
  ]);
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

/** Progress per key task, district-wide: the board is for leaders and the office. */
export function loadKeyTaskProgress(user: SessionUser) {
  if (user.role !== "LEADER" && user.role !== "ADMIN") return Promise.resolve([]);
  return keyTaskProgress(db);
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
