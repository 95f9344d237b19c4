import { apiRoute, parseInput } from "@/lib/api/handler";
import { listAnomaliesOfDate } from "@/lib/supervision/anomalies/queries";
import { isDistrictDate } from "@/lib/time";
import { z } from "@/lib/validation";

const query = z.object({ date: z.string({ message: "请提供 date 参数(YYYY-MM-DD)" }).refine(isDistrictDate, "date 应为有效日期,格式 YYYY-MM-DD") });

/** Anomaly flags on the reports of a district date (ADMIN, LEADER). */
export const GET = apiRoute({ roles: ["ADMIN", "LEADER"] }, async ({ request }) => {
  const { date } = parseInput(query, Object.fromEntries(new URL(request.url).searchParams));
  return { date, anomalies: await listAnomaliesOfDate(date) };
});
