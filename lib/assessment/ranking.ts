/**
 * Rankings (domain.md): towns among towns, departments among departments.
 * Every ranked unit gets a distinct rank, so that "the top three" and "the
 * bottom three" are always exactly three units. The tie-break rule, in order:
 *   1. a unit failed by 一票否决 ranks below every unit that was not failed;
 *   2. the higher total (compared to the hundredth of a point, as shown);
 *   3. the higher assessment-group points (the groups' judgement of the work);
 *   4. the higher task and milestone points (outcomes);
 *   5. the fewer points lost to spot checks and overdue orders;
 *   6. the district's order of units (Unit.sortOrder, then code) — a fixed,
 *      published order, so that a tie no rule can break is never decided by chance.
 * A unit without data (not ranked) gets rank 0 and no flag.
 */
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { type ComponentKey, type ScoreBreakdown, round2 } from "@/lib/assessment/scoring";

export type RankEntry = {
  unitId: string;
  kind: UnitKind;
  total: number;
  failed: boolean;
  ranked: boolean;
  groupPoints: number;
  taskPoints: number;
  /** points lost to spot checks and overdue orders (≥ 0) */
  lostPoints: number;
  sortOrder: number;
  code: string;
};

export function compareForRank(a: RankEntry, b: RankEntry): number {
  return (
    Number(a.failed) - Number(b.failed) ||
    round2(b.total) - round2(a.total) ||
    round2(b.groupPoints) - round2(a.groupPoints) ||
    round2(b.taskPoints) - round2(a.taskPoints) ||
    round2(a.lostPoints) - round2(b.lostPoints) ||
    a.sortOrder - b.sortOrder ||
    a.code.localeCompare(b.code)
  );
}

/** Rank within each kind: 1 = best; 0 for units that are not ranked. */
export function rankUnits(entries: readonly RankEntry[]): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const kind of ["TOWN", "DEPARTMENT"] as const) {
    const ordered = entries.filter((e) => e.kind === kind && e.ranked).sort(compareForRank);
    ordered.forEach((e, i) => ranks.set(e.unitId, i + 1));
  }
  for (const e of entries) if (!e.ranked) ranks.set(e.unitId, 0);
  return ranks;
}

/** The ranking's view of a computed score. */
export function rankEntryOf(
  unit: { id: string; kind: UnitKind; sortOrder: number; code: string },
  result: { total: number; failed: boolean; ranked: boolean; breakdown: ScoreBreakdown },
): RankEntry {
  const component = (key: ComponentKey) => result.breakdown.components.find((c) => c.key === key);
  const lost = (key: ComponentKey) => {
    const c = component(key);
    return c ? c.maxPoints - c.points : 0;
  };
  return {
    unitId: unit.id,
    kind: unit.kind,
    total: result.total,
    failed: result.failed,
    ranked: result.ranked,
    groupPoints: component("groups")?.points ?? 0,
    taskPoints: component("tasks")?.points ?? 0,
    lostPoints: lost("spotChecks") + lost("orders"),
    sortOrder: unit.sortOrder,
    code: unit.code,
  };
}
