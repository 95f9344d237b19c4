/**
 * The year's result per unit (年度考核), from its closed quarters' snapshots —
 * what the year-end 考核 uses. The rule (README, "Year view"):
 * - year score = the mean of the unit's totals in the year's CLOSED quarters
 *   in which it was ranked (each quarter weighs the same; a quarter without
 *   data for the unit does not count against it);
 * - any quarter failed by 一票否决 fails the year (不合格): ranked after every
 *   unit that was not failed, whatever its mean;
 * - ranked per kind by the year score to the hundredth; equal scores share a
 *   rank, then a rank is also shared — no code or name decides;
 * - until the fourth quarter is closed the result is provisional (暂定).
 * Units outside the assessed set and units never ranked in the year get no rank.
 */
import type { Db } from "@/lib/db-client";
import type { FlagColor, UnitKind } from "@/lib/generated/prisma/enums";
import { quarterKey } from "@/lib/assessment/quarters";
import { round2 } from "@/lib/assessment/scoring";
import type { QuarterRef } from "@/lib/time";

export type YearQuarterCell = {
  quarter: string;
  closed: boolean;
  total: number | null;
  rank: number | null;
  failed: boolean;
  flag: { color: FlagColor; escalation: string | null } | null;
};

export type YearRow = {
  unitId: string;
  unitName: string;
  kind: UnitKind;
  sortOrder: number;
  excluded: boolean;
  quarters: YearQuarterCell[];
  /** null when the unit was ranked in no closed quarter of the year */
  score: number | null;
  failed: boolean;
  rank: number;
  red: number;
  yellow: number;
};

export type YearResults = { year: number; quarters: { key: string; closed: boolean; version: number }[]; complete: boolean; rows: YearRow[] };

export type YearInputRow = Omit<YearRow, "score" | "failed" | "rank" | "red" | "yellow">;

/** The pure rule: the year score, the failed state and the rank per kind from each unit's quarter cells. */
export function computeYear(rows: YearInputRow[]): YearRow[] {
  const scored = rows.map((r) => {
    const counted = r.quarters.filter((q) => q.closed && q.rank !== null && q.total !== null);
    const failed = r.quarters.some((q) => q.closed && q.failed);
    return {
      ...r,
      score: counted.length && !r.excluded ? round2(counted.reduce((s, q) => s + q.total!, 0) / counted.length) : null,
      failed,
      rank: 0,
      red: r.quarters.filter((q) => q.flag?.color === "RED").length,
      yellow: r.quarters.filter((q) => q.flag?.color === "YELLOW").length,
    };
  });
  for (const kind of ["TOWN", "DEPARTMENT"] as const) {
    const ordered = scored.filter((r) => r.kind === kind && r.score !== null).sort((a, b) => Number(a.failed) - Number(b.failed) || b.score! - a.score!);
    ordered.forEach((r, i) => {
      const prev = ordered[i - 1];
      r.rank = prev && prev.failed === r.failed && prev.score === r.score ? prev.rank : i + 1;
    });
  }
  return scored.sort((a, b) => b.kind.localeCompare(a.kind) || (a.rank || Infinity) - (b.rank || Infinity) || a.sortOrder - b.sortOrder);
}

/** Reads the year's closed snapshots (current versions) and flags, and applies the rule. */
export async function loadYearResults(db: Db, year: number): Promise<YearResults> {
  const quarterRows = await db.quarter.findMany({
    where: { year },
    orderBy: { number: "asc" },
    select: { id: true, number: true, status: true, version: true },
  });
  const closed = quarterRows.filter((q) => q.status === "CLOSED");
  const [scores, flags, units] = await Promise.all([
    closed.length
      ? db.quarterScore.findMany({
          where: { OR: closed.map((q) => ({ quarterId: q.id, version: q.version })) },
          select: { quarterId: true, unitId: true, total: true, rank: true, failed: true, breakdown: true },
        })
      : Promise.resolve([]),
    db.flag.findMany({ where: { quarterId: { in: closed.map((q) => q.id) } }, select: { quarterId: true, unitId: true, color: true, escalation: true } }),
    db.unit.findMany({ select: { id: true, name: true, kind: true, sortOrder: true } }),
  ]);
  const keyOf = new Map(quarterRows.map((q) => [q.id, quarterKey({ year, number: q.number as QuarterRef["number"] })]));
  const scoreOf = new Map(scores.map((s) => [`${s.unitId}|${s.quarterId}`, s]));
  const flagOf = new Map(flags.map((f) => [`${f.unitId}|${f.quarterId}`, f]));
  const inYear = new Set(scores.map((s) => s.unitId));
  const rows: YearInputRow[] = units
    .filter((u) => inYear.has(u.id))
    .map((u) => {
      let excluded = false;
      const quarters = quarterRows.map((q) => {
        const s = scoreOf.get(`${u.id}|${q.id}`);
        const f = flagOf.get(`${u.id}|${q.id}`);
        // Only the one flag a breakdown needs, not the whole JSON's types.
        if (s && (JSON.parse(s.breakdown) as { excluded?: boolean }).excluded) excluded = true;
        return {
          quarter: keyOf.get(q.id)!,
          closed: q.status === "CLOSED",
          total: s && s.rank > 0 ? s.total : null,
          rank: s && s.rank > 0 ? s.rank : null,
          failed: s?.failed ?? false,
          flag: f ? { color: f.color, escalation: f.escalation } : null,
        };
      });
      return { unitId: u.id, unitName: u.name, kind: u.kind, sortOrder: u.sortOrder, excluded, quarters };
    });
  return {
    year,
    quarters: quarterRows.map((q) => ({ key: keyOf.get(q.id)!, closed: q.status === "CLOSED", version: q.version })),
    complete: quarterRows.length === 4 && closed.length === 4,
    rows: computeYear(rows),
  };
}

export const YEAR_RULE =
  "年度得分 = 本年度已关闭各季度得分的平均（只计单位参与排名的季度，每季度权重相同）；任一季度被一票否决，年度考核不合格，排在同类单位最后；按年度得分分乡镇、区直部门排名，同分并列。第四季度关闭前为暂定结果。";
