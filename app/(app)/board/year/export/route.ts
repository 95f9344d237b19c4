import { apiRoute } from "@/lib/api/handler";
import { buildYearWorkbook } from "@/lib/assessment/export";
import { readYearResults } from "@/lib/assessment/board";
import { districtToday } from "@/lib/time";
import { parseSearchParams, yearParam } from "@/lib/search-params";

/** The year's results as .xlsx, for the year-end 考核 (LEADER, ADMIN). */
export const GET = apiRoute({ roles: ["LEADER", "ADMIN"] }, async ({ user, request }) => {
  const { year = Number(districtToday().slice(0, 4)) } = parseSearchParams({ year: yearParam.optional() }, new URL(request.url).searchParams);
  const results = await readYearResults(user, year);
  const body = await buildYearWorkbook(results);
  const name = `${year}年度考核${results.complete ? "" : "（暂定）"}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="year-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
    },
  });
});
