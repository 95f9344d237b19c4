import { apiRoute, invalid, notFound, parseInput } from "@/lib/api/handler";
import { resolveCardDate } from "@/lib/reports/card-rules";
import { getCardJson } from "@/lib/reports/queries";
import { idParam } from "@/lib/search-params";
import { z } from "@/lib/validation";

const cardQuery = z.object({ unitId: idParam.optional() });

/**
 * A day's card: the caller's own unit's, or with `?unitId=` another unit's
 * when the caller may see it (office, leaders, an assessor's group) — another
 * unit out of the caller's scope is a 404, exactly like an unknown one.
 */
export const GET = apiRoute<{ date: string }>({}, async ({ user, request, params }) => {
  const now = new Date();
  const resolved = resolveCardDate(params.date, now);
  if ("issue" in resolved) throw invalid(resolved.issue);
  const unitId = parseInput(cardQuery, Object.fromEntries(new URL(request.url).searchParams)).unitId ?? user.unitId;
  if (!unitId) throw invalid("区级账号没有本单位，请用 unitId 参数指定单位。");
  const card = await getCardJson(user, unitId, resolved.date, now);
  // Out of scope and unknown answer alike, so that ids cannot be probed for existence.
  if (!card) throw notFound("没有这个单位，或无权查看它的晒报卡。");
  return card;
});
