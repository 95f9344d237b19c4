import { apiRoute, invalid } from "@/lib/api/handler";
import { resolveCardDate, SLOT_PARAM_OF } from "@/lib/reports/card-rules";
import { listDayStatus } from "@/lib/reports/queries";
import { getSlotDeadlines } from "@/lib/settings";
import { SLOTS } from "@/lib/reports/slots";

/** Every unit's three slots on a date: SUBMITTED, LATE, MISSING or PENDING (office and leaders). */
export const GET = apiRoute<{ date: string }>({ roles: ["ADMIN", "LEADER"] }, async ({ user, params }) => {
  const now = new Date();
  const resolved = resolveCardDate(params.date, now);
  if ("issue" in resolved) throw invalid(resolved.issue);
  const [rows, deadlines] = await Promise.all([listDayStatus(user, resolved.date, undefined, now), getSlotDeadlines(user)]);
  return {
    date: resolved.date,
    deadlines: Object.fromEntries(SLOTS.map((s) => [SLOT_PARAM_OF[s], deadlines[s]])),
    units: rows.map((r) => ({
      id: r.unitId,
      name: r.unitName,
      kind: r.kind,
      slots: Object.fromEntries(SLOTS.map((s) => [SLOT_PARAM_OF[s], r.slots[s]])),
    })),
  };
});
