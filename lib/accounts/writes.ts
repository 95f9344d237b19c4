/**
 * Account writes. One rule for every change that must end a person's access
 * (a password change or reset, and — with organisation administration — a
 * disabled account or a new role or unit): their sessions AND their API
 * tokens are revoked in the same transaction, so a stolen token does not
 * outlive the password it was made with.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

/** Revokes every live session and API token of the user; returns how many of each. */
export async function revokeAccess(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<{ sessions: number; tokens: number }> {
  const sessions = await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  const tokens = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return { sessions: sessions.count, tokens: tokens.count };
}

/** Changes the user's own password after checking the current one, and ends all their access. */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  now = new Date(),
): Promise<"changed" | "wrong-current-password"> {
  const current = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, current.passwordHash))) return "wrong-current-password";
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now, mustChangePassword: false } });
    const revoked = await revokeAccess(tx, userId, now);
    await audit(tx, { actorId: userId, action: "password.change", entity: "User", entityId: userId, after: { revoked } });
  });
  return "changed";
}
