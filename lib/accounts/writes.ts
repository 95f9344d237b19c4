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
import { LOGIN_WINDOW_MS } from "@/lib/auth/rate-limit";
import { refuse, succeed, type WriteResult } from "@/lib/write-result";

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

/** The first ADMIN of an empty database — never a second time (checked in the transaction that creates it). */
export async function createFirstAdmin(db: Db, input: { username: string; name: string; password: string }): Promise<WriteResult> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return refuse("系统已有账号，请直接登录。", { status: 409 });
    const admin = await tx.user.create({ data: { username: input.username, name: input.name, passwordHash, role: "ADMIN" } });
    await audit(tx, {
      actorId: admin.id,
      action: "user.create-first-admin",
      entity: "User",
      entityId: admin.id,
      after: { username: input.username, name: input.name, role: "ADMIN" },
    });
    return succeed();
  });
}

/**
 * The office lifts the login limit (lib/auth/rate-limit.ts) from an account —
 * its delay and every source locked out of it — or from a source locked
 * across accounts, by clearing their failures in the window. Returns how many
 * failures were cleared (0: nothing was held).
 */
export async function clearLoginFailures(db: Db, actorId: string, target: { username: string } | { ip: string }, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  return db.$transaction(async (tx) => {
    const where = { success: false, createdAt: { gte: since }, ...target };
    const cleared = await tx.loginAttempt.deleteMany({ where });
    if (cleared.count === 0) return 0;
    if ("username" in target) {
      const user = await tx.user.findUnique({ where: { username: target.username }, select: { id: true } });
      await audit(tx, {
        actorId,
        action: "login.unlock",
        entity: "User",
        entityId: user?.id ?? null,
        after: { username: target.username, cleared: cleared.count },
      });
    } else {
      await audit(tx, {
        actorId,
        action: "login.unlock-source",
        entity: "LoginSource",
        entityId: target.ip,
        unitId: null,
        after: { ip: target.ip, cleared: cleared.count },
      });
    }
    return cleared.count;
  });
}
