/** Reads for assessment groups: the groups the caller belongs to and their units' progress. */
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { deriveStatus, progressRatio } from "@/lib/tasks/status";
import type { DistrictDate } from "@/lib/time";

export async function listGroupsWithUnitProgress(user: SessionUser, today: DistrictDate) {
  const groups = await db.assessmentGroup.findMany({
    // Membership is the scope: an assessor reads only their own groups.
    where: { members: { some: { userId: user.id } } },
    select: {
      id: true,
      name: true,
      keyTaskId: true,
      keyTask: { select: { name: true } },
      units: { orderBy: { unit: { sortOrder: "asc" } }, select: { unit: { select: { id: true, name: true, kind: true } } } },
    },
  });
  return Promise.all(
    groups.map(async (group) => {
      const tasks = await db.task.findMany({
        where: { keyTaskId: group.keyTaskId, archivedAt: null, unitId: { in: group.units.map((u) => u.unit.id) } },
        select: { unitId: true, target: true, valueReached: true, deadline: true },
      });
      const units = group.units.map(({ unit }) => {
        const own = tasks.filter((t) => t.unitId === unit.id);
        const statuses = own.map((t) => deriveStatus(t, today));
        return {
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          tasks: own.length,
          done: statuses.filter((s) => s === "DONE").length,
          overdue: statuses.filter((s) => s === "OVERDUE").length,
          ratio: own.length ? own.reduce((sum, t) => sum + progressRatio(t), 0) / own.length : 0,
        };
      });
      return { id: group.id, name: group.name, keyTaskId: group.keyTaskId, keyTaskName: group.keyTask.name, units };
    }),
  );
}
