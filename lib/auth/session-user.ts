/**
 * Resolves a session id to its user, role and unit scope. A revoked or expired
 * session, or a deactivated user, resolves to nothing.
 */
import type { Db } from "@/lib/db-client";
import type { SessionUser } from "@/lib/auth/roles";

/** Loads the user behind a live (unrevoked, unexpired) session id. */
export async function loadSessionUser(db: Db, sessionId: string, now = new Date()): Promise<SessionUser | null> {
  const session = await db.authSession.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, user: { active: true } },
    select: {
      user: {
        select: {
          id: true,
          username: true,
          name: true,
          role: true,
          unitId: true,
          unit: { select: { name: true } },
          groupMemberships: { select: { groupId: true } },
        },
      },
    },
  });
  if (!session) return null;
  const { user } = session;
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    unitId: user.unitId,
    unitName: user.unit?.name ?? null,
    groupIds: user.groupMemberships.map((m) => m.groupId),
    sessionId,
  };
}
