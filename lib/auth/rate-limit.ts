/**
 * Failed logins are limited per account and per IP. Attempts are rows in the
 * database, so every app server counts the same attempts (issue 7).
 */
import type { Db } from "@/lib/db-client";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export const RATE_LIMIT_MESSAGE = "登录失败次数过多,请 15 分钟后再试。";

export async function isLoginBlocked(db: Db, username: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([
    db.loginAttempt.count({ where: { username, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byAccount >= MAX_FAILURES_PER_ACCOUNT || byIp >= MAX_FAILURES_PER_IP;
}

export async function recordLoginAttempt(db: Db, username: string, ip: string, success: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { username, ip, success } });
}
