/** Per-user API tokens for chat bots and mobile clients: shown once, stored hashed. */
import crypto from "node:crypto";
import type { Db } from "@/lib/db-client";
import { hashApiToken } from "@/lib/auth/session-user";

export const TOKEN_PREFIX = "sht_";

export async function createApiToken(db: Db, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(24).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { userId, name, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashApiToken(token) },
    select: { id: true },
  });
  return { id: row.id, token };
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}
