/**
 * The one home of the tests' signed-in users: a SessionUser as
 * loadSessionUser would give it, made from a user row or from an id alone.
 */
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-client";
import type { Role } from "@/lib/generated/prisma/enums";

type UserRow = Pick<SessionUser, "id" | "username" | "name" | "role" | "unitId">;

/** A user row as signed in: no unit name, no groups and no session row unless given. */
export function asSessionUser(row: UserRow, extra: Partial<Pick<SessionUser, "unitName" | "groupIds" | "sessionId">> = {}): SessionUser {
  return { id: row.id, username: row.username, name: row.name, role: row.role, unitId: row.unitId, unitName: null, groupIds: [], sessionId: null, ...extra };
}

/** A signed-in user whose id is also its username and name (for writes given the id of a row made elsewhere). */
export function sessionUser(id: string, role: Role, unitId: string | null = null, groupIds: string[] = []): SessionUser {
  return asSessionUser({ id, username: id, name: id, role, unitId }, { groupIds });
}

/** Creates a user (its name is its username, password hash "x") and gives it as signed in. */
export async function createSessionUser(db: Db, username: string, role: Role, unitId: string | null = null): Promise<SessionUser> {
  return asSessionUser(await db.user.create({ data: { username, name: username, role, unitId, passwordHash: "x" } }));
}
