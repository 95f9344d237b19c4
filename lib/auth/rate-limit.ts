/**
 * The login limit (issue 13, finding 2). Attempts are rows in the database, so
 * every app server counts the same attempts (issue 7). Three counters, each
 * over the last 15 minutes:
 *   - an account from one source (address, see client-ip.ts): 5 failures and
 *     that source may not try that account again for the window;
 *   - a source across accounts: 20 failures and it may try none (guessing
 *     one password over many accounts);
 *   - an account alone, from any source: from the 5th failure on, each next
 *     attempt must wait 1 s, 2 s, 4 s … (at most 5 minutes) after the last
 *     failure. A delay, not a lock: nobody can shut the admin out with five
 *     wrong passwords, and a source that signed in to the account before (in
 *     the last 30 days) is not delayed at all — only its own limit applies.
 * The office clears an account's or a source's failures
 * (/admin/security/logins, lib/accounts/writes.ts).
 */
import type { Db } from "@/lib/db-client";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_SOURCE = 20;
/** The account's failures (from any source) after which each attempt waits. */
export const ACCOUNT_DELAY_AFTER = 5;
export const MAX_ACCOUNT_DELAY_MS = 5 * 60 * 1000;
export const KNOWN_SOURCE_MS = 30 * 24 * 60 * 60 * 1000;

export const RATE_LIMIT_MESSAGE = "登录失败次数过多，请 15 分钟后再试。";

export function accountDelayMessage(seconds: number): string {
  return seconds >= 60 ? `该账号登录失败次数较多，请 ${Math.ceil(seconds / 60)} 分钟后再试。` : `该账号登录失败次数较多，请 ${seconds} 秒后再试。`;
}

/** How long the account waits after its `failures`-th failure in the window: 0, then 1 s, 2 s, 4 s … capped. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_DELAY_AFTER) return 0;
  return Math.min(1000 * 2 ** (failures - ACCOUNT_DELAY_AFTER), MAX_ACCOUNT_DELAY_MS);
}

export type LoginVerdict = { allowed: true } | { allowed: false; reason: "pair" | "source" | "account"; message: string; retryAt: Date };

export async function checkLoginAllowed(db: Db, username: string, ip: string, now = new Date()): Promise<LoginVerdict> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const failed = { success: false, createdAt: { gte: since } } as const;
  const [pair, source, account, last] = await Promise.all([
    db.loginAttempt.findMany({ where: { username, ip, ...failed }, select: { createdAt: true }, orderBy: { createdAt: "asc" }, take: MAX_FAILURES_PER_PAIR }),
    db.loginAttempt.findMany({ where: { ip, ...failed }, select: { createdAt: true }, orderBy: { createdAt: "asc" }, take: MAX_FAILURES_PER_SOURCE }),
    db.loginAttempt.count({ where: { username, ...failed } }),
    db.loginAttempt.findFirst({ where: { username, ...failed }, select: { createdAt: true }, orderBy: { createdAt: "desc" } }),
  ]);
  // Locked until the oldest counted failure leaves the window.
  if (pair.length >= MAX_FAILURES_PER_PAIR)
    return { allowed: false, reason: "pair", message: RATE_LIMIT_MESSAGE, retryAt: new Date(pair[0].createdAt.getTime() + LOGIN_WINDOW_MS) };
  if (source.length >= MAX_FAILURES_PER_SOURCE)
    return { allowed: false, reason: "source", message: RATE_LIMIT_MESSAGE, retryAt: new Date(source[0].createdAt.getTime() + LOGIN_WINDOW_MS) };

  const delay = accountDelayMs(account);
  if (delay === 0 || !last) return { allowed: true };
  const retryAt = new Date(last.createdAt.getTime() + delay);
  if (retryAt <= now) return { allowed: true };
  const known = await db.loginAttempt.count({ where: { username, ip, success: true, createdAt: { gte: new Date(now.getTime() - KNOWN_SOURCE_MS) } } });
  if (known > 0) return { allowed: true };
  return { allowed: false, reason: "account", message: accountDelayMessage(Math.ceil((retryAt.getTime() - now.getTime()) / 1000)), retryAt };
}

/** How long a failed attempt is kept: far past the window, so the office's list and the audit of an attack can read it. */
export const FAILED_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

export async function recordLoginAttempt(db: Db, username: string, ip: string, success: boolean, now = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { username, ip, success, createdAt: now } });
  // Credential stuffing must not grow the table without end: failures go after a day, successes
  // once they no longer make a source known. A failure here never fails the login.
  await db.loginAttempt
    .deleteMany({
      where: {
        OR: [
          { success: false, createdAt: { lt: new Date(now.getTime() - FAILED_ATTEMPT_RETENTION_MS) } },
          { success: true, createdAt: { lt: new Date(now.getTime() - KNOWN_SOURCE_MS) } },
        ],
      },
    })
    .catch((error: unknown) => console.error("purging login attempts failed", error));
}

export type LoginHold = {
  username: string;
  /** failures in the window, from any source */
  failures: number;
  /** sources that may not try this account any more in the window */
  lockedSources: string[];
  /** when the next attempt (from an unknown source) is accepted; null = no delay now */
  delayedUntil: Date | null;
};

/** Accounts and sources held by the limit now (locked sources, or an account's delay), for the office. */
export async function listLoginHolds(db: Db, now = new Date()): Promise<{ accounts: LoginHold[]; sources: { ip: string; failures: number; until: Date }[] }> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const rows = await db.loginAttempt.findMany({
    where: { success: false, createdAt: { gte: since } },
    select: { username: true, ip: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const byAccount = new Map<string, typeof rows>();
  const bySource = new Map<string, typeof rows>();
  for (const row of rows) {
    byAccount.set(row.username, [...(byAccount.get(row.username) ?? []), row]);
    bySource.set(row.ip, [...(bySource.get(row.ip) ?? []), row]);
  }
  const accounts: LoginHold[] = [];
  for (const [username, failures] of byAccount) {
    const perSource = new Map<string, number>();
    for (const row of failures) perSource.set(row.ip, (perSource.get(row.ip) ?? 0) + 1);
    const lockedSources = [...perSource].filter(([, n]) => n >= MAX_FAILURES_PER_PAIR).map(([ip]) => ip);
    const delay = accountDelayMs(failures.length);
    const delayEnd = delay > 0 ? new Date(failures[failures.length - 1].createdAt.getTime() + delay) : null;
    const delayedUntil = delayEnd && delayEnd > now ? delayEnd : null;
    if (lockedSources.length > 0 || delay > 0) accounts.push({ username, failures: failures.length, lockedSources, delayedUntil });
  }
  const sources = [...bySource]
    .filter(([, failures]) => failures.length >= MAX_FAILURES_PER_SOURCE)
    .map(([ip, failures]) => ({ ip, failures: failures.length, until: new Date(failures[0].createdAt.getTime() + LOGIN_WINDOW_MS) }));
  accounts.sort((a, b) => b.failures - a.failures || a.username.localeCompare(b.username));
  sources.sort((a, b) => b.failures - a.failures || a.ip.localeCompare(b.ip));
  return { accounts, sources };
}
