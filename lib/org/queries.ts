/**
 * Reads of the organisation: the units any user may see (listVisibleUnits, within the user's
 * scope), and the administration (/admin/org), for the office only: each takes the user first
 * and answers nothing to anyone else.
 */
import "server-only";
import { db } from "@/lib/db";
import { type SessionUser, withUnitScope } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { unitFieldsSelect, userSnapshotSelect } from "@/lib/org/selects";
import { groupScopeOn } from "@/lib/org/scope";
import { districtToday } from "@/lib/time";
import { byUnitKind } from "@/lib/enum-order";

const PAGE_SIZE = 100;

/** The units the user may see (a unit account: its own), towns first. */
export async function listVisibleUnits(user: SessionUser) {
  return db.unit
    .findMany({
      where: withUnitScope(user, { archivedAt: null }),
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, kind: true },
    })
    .then(byUnitKind);
}

function office(user: SessionUser): boolean {
  return user.role === "ADMIN";
}

export type UserSearch = { q?: string; role?: Role; status?: "active" | "disabled" };

export async function listUsers(user: SessionUser, search: UserSearch) {
  if (!office(user)) return { rows: [], total: 0, pageSize: PAGE_SIZE };
  const where: Prisma.UserWhereInput = {
    ...(search.role ? { role: search.role } : {}),
    ...(search.status ? { active: search.status === "active" } : {}),
    ...(search.q
      ? {
          OR: [
            { username: { contains: search.q } },
            { name: { contains: search.q } },
            { phone: { contains: search.q } },
            { unit: { name: { contains: search.q } } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ username: "asc" }],
      take: PAGE_SIZE,
      select: { ...userSnapshotSelect, unit: { select: { id: true, name: true } } },
    }),
    db.user.count({ where }),
  ]);
  return { rows, total, pageSize: PAGE_SIZE };
}

export async function getUserForOffice(user: SessionUser, id: string) {
  if (!office(user)) return null;
  return db.user.findUnique({
    where: { id },
    select: {
      ...userSnapshotSelect,
      createdAt: true,
      unit: { select: { name: true } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } }, apiTokens: { where: { revokedAt: null } } } },
    },
  });
}

/** The live units to pick from (an account's unit, a merge target, a scope change). */
export async function listUnitOptions(user: SessionUser) {
  if (!office(user)) return [];
  const units = await db.unit.findMany({
    where: { archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true },
  });
  return byUnitKind(units);
}

export async function listUnitsForOffice(user: SessionUser, showRetired: boolean) {
  if (!office(user)) return [];
  const units = await db.unit.findMany({
    where: showRetired ? {} : { archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      ...unitFieldsSelect,
      mergedInto: { select: { id: true, name: true } },
      _count: { select: { users: { where: { active: true } }, tasks: { where: { archivedAt: null } } } },
    },
  });
  return [...units.filter((u) => u.kind === "TOWN"), ...units.filter((u) => u.kind === "DEPARTMENT")];
}

export async function getUnitForOffice(user: SessionUser, id: string) {
  if (!office(user)) return null;
  return db.unit.findUnique({
    where: { id },
    select: {
      ...unitFieldsSelect,
      mergedInto: { select: { id: true, name: true } },
      mergedFrom: { select: { id: true, name: true } },
      users: { orderBy: { username: "asc" }, select: { id: true, username: true, name: true, role: true, active: true } },
      groups: { select: { group: { select: { id: true, name: true } } } },
      _count: { select: { tasks: true, cards: true, orders: true } },
    },
  });
}

export async function listGroupsForOffice(user: SessionUser) {
  if (!office(user)) return [];
  return db.assessmentGroup.findMany({
    orderBy: { keyTask: { sortOrder: "asc" } },
    select: { id: true, name: true, keyTask: { select: { name: true } }, _count: { select: { units: true, members: true } } },
  });
}

/** A group with today's scope, its dated changes (newest first) and the scope in force on `on`. */
export async function getGroupForOffice(user: SessionUser, id: string, on = districtToday()) {
  if (!office(user)) return null;
  const group = await db.assessmentGroup.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      keyTask: { select: { name: true } },
      members: { select: { user: { select: { id: true, name: true, username: true } } } },
      units: { select: { unit: { select: { id: true, name: true, kind: true } } } },
      scopeChanges: {
        orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }],
        take: 200,
        select: { id: true, change: true, effectiveDate: true, createdAt: true, unit: { select: { name: true } } },
      },
    },
  });
  if (!group) return null;
  const inForce = (await groupScopeOn(db, on, [id])).get(id) ?? new Set<string>();
  const names = await db.unit.findMany({ where: { id: { in: [...inForce] } }, select: { id: true, name: true } });
  return { ...group, on, inForce: names.map((u) => u.name).sort((a, b) => a.localeCompare(b, "zh-CN")) };
}

export async function listLinesForOffice(user: SessionUser) {
  if (!office(user)) return [];
  const lines = await db.line.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, description: true, leader: { select: { name: true } }, _count: { select: { units: true, keyTasks: true } } },
  });
  return lines;
}

export async function getLineForOffice(user: SessionUser, id: string) {
  if (!office(user)) return null;
  const line = await db.line.findUnique({
    where: { id },
    select: { id: true, name: true, kind: true, description: true, leaderId: true, units: { select: { unitId: true } } },
  });
  return line ? { ...line, unitIds: line.units.map((u) => u.unitId) } : null;
}

/** People who may lead a line or sit in a group or channel, by role. */
export async function listPeopleOptions(user: SessionUser, roles: Role[]) {
  if (!office(user)) return [];
  return db.user.findMany({
    where: { role: { in: roles }, active: true },
    orderBy: { username: "asc" },
    select: { id: true, name: true, title: true, role: true },
  });
}

export async function listKeyTasksForOffice(user: SessionUser) {
  if (!office(user)) return [];
  return db.keyTask.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, name: true, lineId: true } });
}

/** Key tasks that have no assessment group yet (one group per key task): what a new group may track. */
export async function listKeyTasksWithoutGroup(user: SessionUser) {
  if (!office(user)) return [];
  return db.keyTask.findMany({ where: { group: null }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, name: true } });
}

export async function listChannelsForOffice(user: SessionUser) {
  if (!office(user)) return [];
  return db.channel.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, name: true, _count: { select: { units: true, members: true } } },
  });
}

export async function getChannelForOffice(user: SessionUser, id: string) {
  if (!office(user)) return null;
  const channel = await db.channel.findUnique({
    where: { id },
    select: { id: true, name: true, units: { select: { unitId: true } }, members: { select: { userId: true } } },
  });
  return channel ? { id: channel.id, name: channel.name, unitIds: channel.units.map((u) => u.unitId), userIds: channel.members.map((m) => m.userId) } : null;
}

export async function groupMemberIds(user: SessionUser, groupId: string) {
  if (!office(user)) return [];
  return (await db.assessmentGroupMember.findMany({ where: { groupId }, select: { userId: true } })).map((m) => m.userId);
}

/** A group's rubric for a year, and whether its points are fixed (the group has a score in that year: lib/org/writes.ts saveRubric). */
export async function getRubricForOffice(user: SessionUser, groupId: string, year: number) {
  if (!office(user)) return null;
  const [items, scores] = await Promise.all([
    db.rubricItem.findMany({ where: { groupId, year }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, maxPoints: true } }),
    db.groupScore.count({ where: { groupId, quarter: { year } } }),
  ]);
  return { year, items, locked: scores > 0 };
}
