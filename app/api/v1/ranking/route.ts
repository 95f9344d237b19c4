import { apiRoute, invalid, notFound, parseInput } from "@/lib/api/handler";
import { parseQuarterKey } from "@/lib/assessment/quarters";
import { rankingQuery } from "@/lib/api/schemas";
import { findQuarterInfo, listQuarterInfos, readQuarterResults } from "@/lib/assessment/board";

/**
 * A quarter's ranking (LEADER, ADMIN — as the board). A closed quarter is read
 * from its frozen snapshot (current version); an open one is computed live
 * and marked `live: true` (provisional). Without `quarter`: the latest closed.
 */
export const GET = apiRoute({ roles: ["LEADER", "ADMIN"] }, async ({ user, request }) => {
  const query = parseInput(rankingQuery, Object.fromEntries(new URL(request.url).searchParams));
  let quarter;
  if (query.quarter) {
    quarter = await findQuarterInfo(user, parseQuarterKey(query.quarter)!);
    if (!quarter) throw notFound(`没有 ${query.quarter} 这个考核季度。`);
  } else {
    quarter = (await listQuarterInfos(user)).filter((q) => q.status === "CLOSED").at(-1);
    if (!quarter) throw invalid("还没有已关闭的季度，请用 quarter 参数指定季度。");
  }
  const results = await readQuarterResults(user, quarter);
  return {
    quarter: quarter.key,
    status: quarter.status,
    version: quarter.status === "CLOSED" ? quarter.version : null,
    live: results.live,
    asOf: results.asOf,
    closedAt: quarter.closedAt?.toISOString() ?? null,
    rankings: results.rows
      .filter((r) => !query.kind || r.kind === query.kind)
      .map((r) => ({
        rank: r.rank || null,
        unit: { id: r.unitId, name: r.unitName, kind: r.kind },
        score: r.ranked ? r.total : null,
        failed: r.failed,
        flag: r.flag?.color ?? null,
      })),
  };
});
