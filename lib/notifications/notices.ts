/**
 * In-app notices to a user (issue 10: the office is told of every 更正). Kept
 * generic — a kind, a message and where it leads — so that other senders
 * (robots, an inbox) can add kinds later. Takes the client as a parameter, for
 * the pages (through queries.ts) and the tests alike.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const NOTIFICATION_PAGE_SIZE = 30;

export function countUnread(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { recipientId: userId, readAt: null } });
}

/** The user's notices, newest first, a page at a time (keyset on createdAt, id). */
export async function listNoticesOf(db: Db, userId: string, cursor?: string) {
  const rows = await db.notification.findMany({
    where: { recipientId: userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    take: NOTIFICATION_PAGE_SIZE + 1,
    select: { id: true, kind: true, message: true, href: true, createdAt: true, readAt: true },
  });
  const notices = rows.slice(0, NOTIFICATION_PAGE_SIZE);
  return { notices, nextCursor: rows.length > NOTIFICATION_PAGE_SIZE ? notices[notices.length - 1].id : null };
}

/** Marks one of the user's notices (or all of them) read; returns how many changed. */
export async function markRead(tx: Prisma.TransactionClient, userId: string, id: string | undefined, now: Date): Promise<number> {
  const { count } = await tx.notification.updateMany({ where: { recipientId: userId, readAt: null, ...(id ? { id } : {}) }, data: { readAt: now } });
  return count;
}
