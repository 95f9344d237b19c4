import { apiRoute } from "@/lib/api/handler";
import { withUnitScope } from "@/lib/auth/roles";
import { db } from "@/lib/db";

/** The units the caller may see (a unit account: its own). */
export const GET = apiRoute({}, async ({ user }) => {
  const units = await db.unit.findMany({
    where: withUnitScope(user, { archivedAt: null }),
    orderBy: [{ kind: "desc" }, { sortOrder: "asc" }],
    select: { id: true, name: true, kind: true },
  });
  return { units };
});
