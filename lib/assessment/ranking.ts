/**
 * Rankings (domain.md): towns among towns, departments among departments,
 * by performance only. The order, as documented in the README:
 *   1. a unit failed by 一票否决 ranks below every unit that was not failed;
 *   2. the higher total (compared to the hundredth of a point, as shown);
 *   3. fewer overdue items (tasks and milestones overdue and not done at the
 *      cut-off, plus supervision orders not handled by their deadline);
 *   4. more milestones done by their due date;
 *   5. fewer 不属实 spot checks.
 * Units equal on all five share a rank (1, 2, 2, 4 …) — never split by a code,
 * a name or the alphabet — and, at a flag boundary, share the flag (flags.ts).
 * A unit without data or outside the assessed set gets rank 0 and no flag.
 */
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { type ScoreBreakdown, type TieBreakStats, round2 } from "@/lib/assessment/scoring";

export type RankEntry = {
  unitId: string;
  kind: UnitKind;
  total: number;
  failed: boolean;
  ranked: boolean;
} & TieBreakStats;

/** Negative when `a` ranks before `b`; 0 when no criterion separates them (they share a rank). */
export function compareForRank(a: RankEntry, b: RankEntry): number {
  return (
    Number(a.failed) - Number(b.failed) ||
    round2(b.total) - round2(a.total) ||
    a.overdueItems - b.overdueItems ||
    b.milestonesOnTime - a.milestonesOnTime ||
    a.falseChecks - b.falseChecks
  );
}

/** Rank within each kind: 1 = best, equal units share a rank (competition ranking); 0 for units that are not ranked. */
export function rankUnits(entries: readonly RankEntry[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const kind of ["TOWN", "DEPARTMENT"] as const) {
    const ordered = entries.filter((e) => e.kind === kind && e.ranked).sort(compareForRank);
    ordered.forEach((e, i) => {
      const prev = ordered[i - 1];
      ranks.set(e.unitId, prev && compareForRank(prev, e) === 0 ? ranks.get(prev.unitId)! : i + 1);
    });
  }
  for (const e of entries) if (!e.ranked) ranks.set(e.unitId, 0);
  return ranks;
}

const NO_STATS: TieBreakStats = { overdueItems: 0, milestonesOnTime: 0, falseChecks: 0 };

/** The ranking's view of a computed score. */
export function rankEntryOf(
  unit: { id: string; kind: UnitKind },
  result: { total: number; failed: boolean; ranked: boolean; breakdown: ScoreBreakdown },
): RankEntry {
  return { unitId: unit.id, kind: unit.kind, total: result.total, failed: result.failed, ranked: result.ranked, ...(result.breakdown.tieBreak ?? NO_STATS) };
}

export const TIE_CRITERIA = "总分（保留两位小数）→ 逾期未完成事项较少（任务、节点和督办单）→ 按期完成的节点较多 → 抽查不属实较少";

/**
 * Why a unit stands where it does next to units of equal total: the first
 * criterion that separated them, or that nothing did (a shared rank). Keyed
 * by unit id; units whose total no other unit of their kind shares get none.
 */
export function tieNotes(rows: readonly (RankEntry & { unitName: string; rank: number })[]): Map<string, string> {
  const notes = new Map<string, string>();
  for (const kind of ["TOWN", "DEPARTMENT"] as const) {
    const ranked = rows.filter((r) => r.kind === kind && r.rank > 0);
    for (const r of ranked) {
      const peers = ranked.filter((p) => p !== r && p.failed === r.failed && round2(p.total) === round2(r.total));
      if (peers.length === 0) continue;
      const shared = peers.filter((p) => p.rank === r.rank);
      if (shared.length) {
        notes.set(r.unitId, `与${shared.map((p) => p.unitName).join("、")}并列第 ${r.rank} 名：总分、逾期事项、按期节点、抽查不属实均相同`);
        continue;
      }
      const by = (p: RankEntry) =>
        p.overdueItems !== r.overdueItems
          ? `逾期事项 ${r.overdueItems} 对 ${p.overdueItems}`
          : p.milestonesOnTime !== r.milestonesOnTime
            ? `按期节点 ${r.milestonesOnTime} 对 ${p.milestonesOnTime}`
            : `抽查不属实 ${r.falseChecks} 对 ${p.falseChecks}`;
      notes.set(r.unitId, `与${peers.map((p) => `${p.unitName}同分（${by(p)}）`).join("；")}`);
    }
  }
  return notes;
}
