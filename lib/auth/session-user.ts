/**
 * Resolves a session id, or an API token, to its user, role and unit scope.
 * A revoked or expired session or token, or a deactivated user, resolves to nothing.
 */
import crypto from "node:crypto";
import type { Db } from "@/lib/db-client";
import type { SessionUser } from "@/lib/auth/roles";

const userSelect = {
  id: true,
  username: true,
  name: true,
  role: true,
  mustChangePassword: true,
  unitId: true,
  unit: { select: { name: true } },
  groupMemberships: { select: { groupId: true } },
} as const;

type SelectedUser = {
  id: string;
  username: string;
  name: string;
  role: SessionUser["role"];
  mustChangePassword: boolean;
  unitId: string | null;
  unit: { name: string } | null;
  groupMemberships: { groupId: string }[];
};

function toSessionUser(user: SelectedUser, sessionId: string | null): SessionUser {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    unitName: user.unit?.name ?? null,
    groupIds: user.groupMemberships.map((m) => m.groupId),
    sessionId,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Loads the user behind a live (unrevoked, unexpired) session id. */
export async function loadSessionUser(db: Db, sessionId: string, now = new Date()): Promise<SessionUser | null> {
  const session = await db.authSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, user: { active: true } },
    select: { user: { select: userSelect } },
  });
  return session ? toSessionUser(session.user, sessionId) : null;
}

/** API tokens are random; only their SHA-256 is stored. */
export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Loads the user behind a live API token, and notes when it was last used. */
export async function loadTokenUser(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  const row = await db.apiToken.findFirst({
    where: { tokenHash: hashApiToken(token), revokedAt: null, user: { active: true } },
    select: { id: true, user: { select: userSelect } },
  });
  if (!row) return null;
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return toSessionUser(row.user, null);
}
