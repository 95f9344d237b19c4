import { apiRoute, notFound } from "@/lib/api/handler";
import { readQuarterResults, resolveBoardQuarter } from "@/lib/assessment/board";
import { buildRankingWorkbook, exportFileName } from "@/lib/assessment/export";
import { districtToday } from "@/lib/time";
import { parseSearchParams, quarterParam } from "@/lib/search-params";

/** The rankings with breakdowns as .xlsx, for the quarterly review meeting (LEADER, ADMIN). */
export const GET = apiRoute({ roles: ["LEADER", "ADMIN"] }, async ({ user, request }) => {
  const { quarter: key } = parseSearchParams({ quarter: quarterParam.optional() }, new URL(request.url).searchParams);
  const now = new Date();
  const { quarter } = await resolveBoardQuarter(user, key, districtToday(now));
  if (!quarter) throw notFound("没有找到该季度。");
  const results = await readQuarterResults(user, quarter, now);
  const body = await buildRankingWorkbook(results);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="ranking-${quarter.key}.xlsx"; filename*=UTF-8''${encodeURIComponent(exportFileName(results))}`,
      "Cache-Control": "no-store",
    },
  });
});
