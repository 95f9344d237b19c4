/** The office's scoring rules of a year, read from ScoringRule (defaults when none is set). */
import type { Db } from "@/lib/db-client";
import { DEFAULT_DEDUCTIONS, DEFAULT_LADDER, type ScoringRules, defaultRules } from "@/lib/assessment/scoring";
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
    vetoItems: row.vetoItems,
  };
}

/** The rules as they are frozen into a snapshot (no ids). */
export function plainRules(rules: StoredRules | ScoringRules): ScoringRules {
  const { year, weights, deductions, redFlagCount, yellowFlagCount, escalationLadder } = rules;
  return { year, weights, deductions, redFlagCount, yellowFlagCount, escalationLadder };
}
