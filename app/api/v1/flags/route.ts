import { publicRoute } from "@/lib/api/handler";
import { readPublicFlagHistory } from "@/lib/assessment/board";
import type { FlagView } from "@/lib/assessment/results";

// Public data read on each request: never prerendered at build time.
export const dynamic = "force-dynamic";

function flagJson(f: FlagView) {
  return {
    unit: { id: f.unitId, name: f.unitName, kind: f.kind },
    color: f.color,
    quarter: f.quarter,
    since: f.since,
    streak: f.streak,
    awardedAt: f.awardedAt.toISOString(),
    passedAt: f.passedAt?.toISOString() ?? null,
  };
}

/**
 * The flags of closed quarters: current holders and the full history. Public
 * like /public/flags (no login needed); no scores and no internal measures.
 */
export const GET = publicRoute(async () => {
  const { current, history } = await readPublicFlagHistory();
  return {
    current: current.map(flagJson),
    history: history.map((h) => ({ quarter: h.quarter, closedAt: h.closedAt?.toISOString() ?? null, flags: h.flags.map(flagJson) })),
  };
});
