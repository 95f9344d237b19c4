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

/** The office (督查室): an ADMIN account with no unit, signed in. */
export async function createOffice(db: Db, username = "office", passwordHash = "x"): Promise<SessionUser> {
  return asSessionUser(await db.user.create({ data: { username, name: "督查室", role: "ADMIN", passwordHash } }));
}

/** A town (测试镇) with two reporters, 甲 ("rep") and 乙 ("other"): for tests of one user's access against another's. */
export async function seedTwoReporters(db: Db, passwordHash = "x"): Promise<{ userId: string; otherId: string }> {
  const unit = await db.unit.create({ data: { code: "T1", name: "测试镇", kind: "TOWN" } });
  const reporter = (username: string, name: string) => db.user.create({ data: { username, name, role: "REPORTER", unitId: unit.id, passwordHash } });
  return { userId: (await reporter("rep", "甲")).id, otherId: (await reporter("other", "乙")).id };
}

/** A town and its reporter 王信息 ("rep"), signed in with the town's name: the author in the report tests. */
export async function seedTownReporter(db: Db, code: string, name: string): Promise<SessionUser & { unitId: string }> {
  const unit = await db.unit.create({ data: { code, name, kind: "TOWN" } });
  const user = await db.user.create({ data: { username: "rep", name: "王信息", role: "REPORTER", unitId: unit.id, passwordHash: "x" } });
  return { ...asSessionUser(user, { unitName: unit.name }), unitId: unit.id };
}
