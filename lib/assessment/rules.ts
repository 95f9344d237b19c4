/** The office's scoring rules of a year, read from ScoringRule (defaults when none is set). */
import type { Db } from "@/lib/db-client";
import { DEFAULT_DEDUCTIONS, DEFAULT_LADDER, DEFAULT_LATE_CREDIT, type ScoringRules, defaultRules } from "@/lib/assessment/scoring";
import { z } from "@/lib/validation";

export const ladderSteps = z.array(z.string().trim().min(1).max(20)).max(6);

/** The stored JSON ladder; a malformed value falls back to the default rather than break a close. */
export function parseLadder(json: string): string[] {
  try {
    const parsed = ladderSteps.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [...DEFAULT_LADDER];
  } catch {
    return [...DEFAULT_LADDER];
  }
}

/** The stored JSON list of excluded unit ids; malformed → none (every unit ranked), never a broken close. */
export function parseExcludedUnitIds(json: string): string[] {
  try {
    const parsed = z.array(z.string().min(1).max(64)).max(5000).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export type StoredRules = ScoringRules & { id: string | null; vetoItems: { id: string; name: string }[] };

export async function loadScoringRules(db: Db, year: number): Promise<StoredRules> {
  const row = await db.scoringRule.findUnique({
    where: { year },
    include: { vetoItems: { orderBy: { name: "asc" }, select: { id: true, name: true } } },
  });
  if (!row) return { ...defaultRules(year), id: null, vetoItems: [] };
  return {
    id: row.id,
    year,
    weights: {
      tasks: row.weightTasks,
      groups: row.weightGroups,
      spotChecks: row.weightSpotChecks,
      orders: row.weightOrders,
      timeliness: row.weightTimeliness,
    },
    deductions: { ...DEFAULT_DEDUCTIONS },
    redFlagCount: row.redFlagCount,
    yellowFlagCount: row.yellowFlagCount,
    escalationLadder: parseLadder(row.escalationLadder),
    lateCredit: Number.isFinite(row.lateCredit) ? Math.min(1, Math.max(0, row.lateCredit)) : DEFAULT_LATE_CREDIT,
    excludedUnitIds: parseExcludedUnitIds(row.excludedUnitIds),
    vetoItems: row.vetoItems,
  };
}

/** The rules as they are frozen into a snapshot (no ids). */
export function plainRules(rules: StoredRules | ScoringRules): ScoringRules {
  const { year, weights, deductions, redFlagCount, yellowFlagCount, escalationLadder } = rules;
  return {
    year,
    weights,
    deductions,
    redFlagCount,
    yellowFlagCount,
    escalationLadder,
    lateCredit: rules.lateCredit ?? DEFAULT_LATE_CREDIT,
    excludedUnitIds: [...(rules.excludedUnitIds ?? [])].sort(),
  };
}
