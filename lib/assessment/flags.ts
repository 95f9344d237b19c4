/**
 * 红黄旗流动 (domain.md): when a quarter closes, the top N units of each kind
 * get red flags and the bottom M yellow flags (N, M from the year's rules);
 * every flag held until then passes on (the old row gets passedAt, the new
 * holder a new row, so the whole history stays). A flag of the same colour in
 * the directly preceding quarter continues a streak; a yellow streak climbs
 * the escalation ladder (1st 通报批评, 2nd 约谈 by default; the last step
 * repeats for longer streaks).
 *
 * A unit failed by 一票否决 never gets a red flag. Failed units rank below all
 * others (ranking.ts), so they are the first to take the yellow places; when
 * more units failed than there are yellow flags, the failed units with the
 * lowest totals get them (every failed unit is graded 不合格 anyway).
 * A unit not ranked (no data, or outside the assessed set) gets neither. With
 * fewer units than red + yellow places, a unit given a red flag is not also
 * given a yellow one. Units sharing a rank at a boundary share the flag, so a
 * quarter may hand out more than N red or M yellow flags (the board says why).
 */
import type { FlagColor, UnitKind } from "@/lib/generated/prisma/enums";

export type RankedUnit = { unitId: string; kind: UnitKind; rank: number; failed: boolean };

export type HeldFlag = { id: string; unitId: string; color: FlagColor; streak: number };

export type FlagAward = { unitId: string; color: FlagColor; streak: number; escalation: string | null };

export type FlagRules = { redFlagCount: number; yellowFlagCount: number; escalationLadder: string[] };

export function escalationFor(streak: number, ladder: readonly string[]): string | null {
  if (ladder.length === 0 || streak < 1) return null;
  return ladder[Math.min(streak, ladder.length) - 1];
}

/**
 * The flags awarded on closing a quarter, and the ids of the flags that pass
 * on. `held` are the flags held until now (awarded when the previous quarter closed).
 */
export function rotateFlags(ranking: readonly RankedUnit[], held: readonly HeldFlag[], rules: FlagRules): { awards: FlagAward[]; passed: string[] } {
  const awards: FlagAward[] = [];
  const streakOf = (unitId: string, color: FlagColor) => {
    const previous = held.find((f) => f.unitId === unitId && f.color === color);
    return previous ? previous.streak + 1 : 1;
  };
  for (const kind of ["TOWN", "DEPARTMENT"] as const) {
    const ordered = ranking.filter((u) => u.kind === kind && u.rank > 0).sort((a, b) => a.rank - b.rank);
    // Ranks are shared by units no criterion separates (ranking.ts): a unit
    // gets red when fewer than N units rank above it, yellow when fewer than M
    // rank below it — so units tied at a boundary share the flag.
    const above = (u: RankedUnit) => ordered.filter((o) => !o.failed && o.rank < u.rank).length;
    const red = ordered.filter((u) => !u.failed && above(u) < Math.max(0, rules.redFlagCount));
    const redIds = new Set(red.map((u) => u.unitId));
    const yellowCount = Math.max(0, rules.yellowFlagCount);
    const below = (u: RankedUnit) => ordered.filter((o) => o.rank > u.rank).length;
    const yellow = ordered.filter((u) => !redIds.has(u.unitId) && below(u) < yellowCount);
    for (const u of red) awards.push({ unitId: u.unitId, color: "RED", streak: streakOf(u.unitId, "RED"), escalation: null });
    for (const u of yellow.reverse()) {
      const streak = streakOf(u.unitId, "YELLOW");
      awards.push({ unitId: u.unitId, color: "YELLOW", streak, escalation: escalationFor(streak, rules.escalationLadder) });
    }
  }
  return { awards, passed: held.map((f) => f.id) };
}
