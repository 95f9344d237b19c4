/** Reads of the user's own account: the user is in the query. */
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";

/** The user's own API tokens, newest first (never the hash). */
export async function listOwnApiTokens(user: SessionUser, take = 20) {
  return db.apiToken.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
