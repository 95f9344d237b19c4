/**
 * The task list's filters as a Prisma `where`, ANDed with the caller's unit
 * scope. Status is derived from progress and the deadline at read time, so
 * the status filters restate deriveStatus (lib/tasks/status.ts) in SQL with
 * column references (valueReached against target) rather than trusting the
 * stored status, which time makes stale.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { withUnitRowScope, type SessionUser } from "@/lib/auth/roles";
import type { TaskFilters } from "@/lib/tasks/filters";
import type { DistrictDate } from "@/lib/time";

type FieldsOf = Pick<Db, "task" | "milestone">;

function doneWhere(client: FieldsOf): Prisma.TaskWhereInput {
  return { target: { gt: 0 }, valueReached: { gte: client.task.fields.target } };
}

/** Tasks whose derived status is `status` on `today`. */
export function taskStatusWhere(client: FieldsOf, status: TaskStatus, today: DistrictDate): Prisma.TaskWhereInput {
  const done = doneWhere(client);
  switch (status) {
    case "DONE":
      return done;
    case "OVERDUE":
      return { NOT: done, deadline: { lt: today } };
    case "IN_PROGRESS":
      return { NOT: done, deadline: { gte: today }, valueReached: { gt: 0 } };
    case "NOT_STARTED":
      return { NOT: done, deadline: { gte: today }, valueReached: { lte: 0 } };
  }
}

/** Tasks that are overdue themselves or have an overdue milestone. */
export function anythingOverdueWhere(client: FieldsOf, today: DistrictDate): Prisma.TaskWhereInput {
  return {
    OR: [
      taskStatusWhere(client, "OVERDUE", today),
      {
        milestones: {
          some: { dueDate: { lt: today }, NOT: { target: { gt: 0 }, valueReached: { gte: client.milestone.fields.target } } },
        },
      },
    ],
  };
}

/** The filtered list, within the caller's scope. */
export function taskListWhere(client: FieldsOf, user: SessionUser, filters: TaskFilters, today: DistrictDate) {
  const and: Prisma.TaskWhereInput[] = [filters.archived ? { archivedAt: { not: null } } : { archivedAt: null }];
  if (filters.q) {
    const q = filters.q;
    and.push({
      OR: [{ title: { contains: q } }, { description: { contains: q } }, { unit: { name: { contains: q } } }, { externalKey: { contains: q } }],
    });
  }
  if (filters.unit) and.push({ unitId: filters.unit });
  if (filters.kind) and.push({ unit: { kind: filters.kind } });
  if (filters.keyTask) and.push({ keyTaskId: filters.keyTask });
  if (filters.line) and.push({ lineId: filters.line });
  if (filters.leader) and.push({ responsibleLeaderId: filters.leader });
  if (filters.status) and.push(taskStatusWhere(client, filters.status, today));
  if (filters.overdue) and.push(anythingOverdueWhere(client, today));
  if (filters.from) and.push({ deadline: { gte: filters.from } });
  if (filters.to) and.push({ deadline: { lte: filters.to } });
  return withUnitRowScope(user, { AND: and });
}

export function taskListOrder(filters: TaskFilters): Prisma.TaskOrderByWithRelationInput[] {
  return filters.sort === "deadline"
    ? [{ deadline: "asc" }, { unit: { sortOrder: "asc" } }, { id: "asc" }]
    : [{ unit: { kind: "desc" } }, { unit: { sortOrder: "asc" } }, { deadline: "asc" }, { id: "asc" }];
}
