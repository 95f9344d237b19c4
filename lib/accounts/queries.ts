/**
 * Reads of accounts: the user's own (the user is in the query), and the
 * office's (only ADMIN, whatever page calls).
 */
import "server-only";
import type { Db } from "@/lib/db-client";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { listLoginHolds } from "@/lib/auth/rate-limit";

/** The user's own API tokens, newest first (never the hash). */
export async function listOwnApiTokens(user: SessionUser, take = 20) {
  return db.apiToken.findMany({
    where: { userId: user.id },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

export class AccountsAccessDenied extends Error {
  constructor() {
    super("只有督查室可以查看登录限制。");
  }
}

/** Accounts and sources the login limit holds now; accounts with their person's name when the account exists. */
export async function listLoginLimits(user: SessionUser, now = new Date(), client: Db = db) {
  if (user.role !== "ADMIN") throw new AccountsAccessDenied();
  const { accounts, sources } = await listLoginHolds(client, now);
  const users = await client.user.findMany({
    where: { username: { in: accounts.map((a) => a.username) } },
    select: { username: true, name: true, role: true, unit: { select: { name: true } } },
  });
  const byUsername = new Map(users.map((u) => [u.username, u]));
  // Guessed names that are no account are counted, not listed: they hold nobody.
  const known = accounts.filter((a) => byUsername.has(a.username)).map((a) => ({ ...a, user: byUsername.get(a.username)! }));
  return { accounts: known, unknownAccounts: accounts.length - known.length, sources };
}
