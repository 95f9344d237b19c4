/**
 * Who may see what (domain.md, "People and roles"). Pure: these take the
 * resolved user and return a decision or a Prisma `where` fragment, so the
 * scope is always part of the query itself.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export type SessionUser = {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  /** assessment groups the user belongs to (assessors) */
  groupIds: string[];
  sessionId: string | null;
  /** the office reset the password: pages send the user to /account until it is changed */
  mustChangePassword?: boolean;
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "督查室",
  LEADER: "区级领导",
  ASSESSOR: "考核组",
  UNIT_HEAD: "单位负责人",
  REPORTER: "信息员",
};

export const UNIT_ROLES: readonly Role[] = ["UNIT_HEAD", "REPORTER"];
export const DISTRICT_ROLES: readonly Role[] = ["ADMIN", "LEADER"];

export function isUnitRole(role: Role): boolean {
  return UNIT_ROLES.includes(role);
}

/** The page a user lands on after login, and where a denied page sends them. */
export function homePathFor(role: Role): string {
  switch (role) {
    case "ADMIN":
      return "/admin";
    case "LEADER":
      return "/leader";
    case "ASSESSOR":
      return "/assessor";
    case "UNIT_HEAD":
    case "REPORTER":
      return "/unit";
  }
}

/** A `where` on Unit that keeps only the units the user may read. */
export function unitScopeWhere(user: SessionUser) {
  switch (user.role) {
    case "ADMIN":
    case "LEADER":
      return {};
    case "ASSESSOR":
      return { groups: { some: { groupId: { in: user.groupIds } } } };
    case "UNIT_HEAD":
    case "REPORTER":
      // A unit account without a unit sees nothing, never everything.
      return { id: user.unitId ?? "__no_unit__" };
  }
}

/**
 * A `where` on any row with a `unitId` column (tasks, cards, orders …) that
 * keeps only the rows of units the user may read.
 */
export function unitRowScopeWhere(user: SessionUser) {
  switch (user.role) {
    case "ADMIN":
    case "LEADER":
      return {};
    case "ASSESSOR":
      return { unit: unitScopeWhere(user) };
    case "UNIT_HEAD":
    case "REPORTER":
      return { unitId: user.unitId ?? "__no_unit__" };
  }
}

/**
 * `where` AND the user's unit scope. Always combine through these, never by
 * spreading: a spread lets the scope's `id` overwrite (or be overwritten by)
 * the caller's.
 */
export function withUnitScope<W extends object>(user: SessionUser, where: W) {
  return { AND: [where, unitScopeWhere(user)] };
}

export function withUnitRowScope<W extends object>(user: SessionUser, where: W) {
  return { AND: [where, unitRowScopeWhere(user)] };
}
