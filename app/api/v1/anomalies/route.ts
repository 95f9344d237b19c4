import { apiRoute, parseInput } from "@/lib/api/handler";
import { listAnomaliesOfDate } from "@/lib/supervision/anomalies/queries";
import { anomaliesQuery } from "@/lib/api/schemas";

/** Anomaly flags on the reports of a district date (ADMIN, LEADER). */
export const GET = apiRoute({ roles: ["ADMIN", "LEADER"] }, async ({ request, user }) => {
  const { date } = parseInput(anomaliesQuery, Object.fromEntries(new URL(request.url).searchParams));
  return { date, anomalies: await listAnomaliesOfDate(user, date) };
});
