/**
 * One way to tell people of an event: in-app notices to users (the bell), in
 * the event's own transaction, so a rolled-back event tells nobody.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export type Notice = { kind: string; message: string; href: string };

/** The active users of the units (their heads and reporters). */
export async function usersOfUnits(tx: Prisma.TransactionClient, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const users = await tx.user.findMany({
    where: { unitId: { in: [...unitIds] }, active: true, role: { in: ["UNIT_HEAD", "REPORTER"] } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/** Writes one notice per recipient (duplicates dropped). */
export async function notifyUsers(tx: Prisma.TransactionClient, recipientIds: readonly string[], notice: Notice, now: Date): Promise<number> {
  const ids = [...new Set(recipientIds)];
  if (ids.length === 0) return 0;
  await tx.notification.createMany({
    data: ids.map((recipientId) => ({ recipientId, kind: notice.kind, message: notice.message, href: notice.href, createdAt: now })),
  });
  return ids.length;
}
