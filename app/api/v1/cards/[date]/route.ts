import { apiRoute, invalid, notFound } from "@/lib/api/handler";
import { withUnitScope } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { loadCardJson } from "@/lib/reports/card-json";
import { resolveCardDate } from "@/lib/reports/card-rules";
import { getSlotDeadlines } from "@/lib/settings";

/**
 * A day's card: the caller's own unit's, or with `?unitId=` another unit's
 * when the caller may see it (office, leaders, an assessor's group) — another
 * unit out of the caller's scope is a 404, exactly like an unknown one.
 */
export const GET = apiRoute<{ date: string }>({}, async ({ user, request, params }) => {
  const now = new Date();
  const resolved = resolveCardDate(params.date, now);
  if ("issue" in resolved) throw invalid(resolved.issue);
  const unitId = new URL(request.url).searchParams.get("unitId") ?? user.unitId;
  if (!unitId) throw invalid("区级账号没有本单位,请用 unitId 参数指定单位。");
  const unit = await db.unit.findFirst({ where: withUnitScope(user, { id: unitId }), select: { id: true, name: true } });
  // Out of scope and unknown answer alike, so that ids cannot be probed for existence.
  if (!unit) throw notFound("没有这个单位,或无权查看它的晒报卡。");
  return loadCardJson(db, unit, resolved.date, await getSlotDeadlines(db), now);
});
