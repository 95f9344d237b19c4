/**
 * The unit scope of the assessment groups on a given day.
 *
 * Rule: AssessmentGroupUnit holds today's scope; every change made through
 * the office (lib/org/writes.ts changeGroupScope, a retired or merged unit)
 * is also recorded as an AssessmentGroupScopeChange with the district day it
 * takes effect. The scope in force on day D is today's scope with every change
 * dated after D undone, latest first: a unit added from D+1 on was not in it,
 * a unit removed from D+1 on was. A change dated D is in force on D.
 * A quarter's scoring uses the scope in force on the quarter's last day (or
 * today, for the quarter under way): a unit added mid-quarter is scored for
 * that quarter, a unit removed mid-quarter is not.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import type { DistrictDate } from "@/lib/time";

type Client = Db | Prisma.TransactionClient;

/** Each group's unit ids in force on `date` (groups without units map to an empty set). */
export async function groupScopeOn(client: Client, date: DistrictDate, groupIds?: string[]): Promise<Map<string, Set<string>>> {
  const where = groupIds ? { groupId: { in: groupIds } } : {};
  const [current, later, groups] = await Promise.all([
    client.assessmentGroupUnit.findMany({ where, select: { groupId: true, unitId: true } }),
    client.assessmentGroupScopeChange.findMany({
      where: { ...where, effectiveDate: { gt: date } },
      select: { groupId: true, unitId: true, change: true, effectiveDate: true, createdAt: true, id: true },
    }),
    client.assessmentGroup.findMany({ where: groupIds ? { id: { in: groupIds } } : {}, select: { id: true } }),
  ]);
  const scope = new Map<string, Set<string>>(groups.map((g) => [g.id, new Set<string>()]));
  for (const row of current) scope.get(row.groupId)?.add(row.unitId);
  // Undo the later changes, the latest first.
  later.sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate) || b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  for (const change of later) {
    const units = scope.get(change.groupId);
    if (!units) continue;
    if (change.change === "ADD") units.delete(change.unitId);
    else units.add(change.unitId);
  }
  return scope;
}

/** One group's unit ids in force on `date`. */
export async function groupUnitsOn(client: Client, groupId: string, date: DistrictDate): Promise<string[]> {
  return [...((await groupScopeOn(client, date, [groupId])).get(groupId) ?? [])].sort();
}
