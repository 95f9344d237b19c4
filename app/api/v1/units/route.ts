import { apiRoute } from "@/lib/api/handler";
import { listVisibleUnits } from "@/lib/org/queries";

/** The units the caller may see (a unit account: its own). */
export const GET = apiRoute({}, async ({ user }) => {
  return { units: await listVisibleUnits(user) };
});
