/**
 * One design for every event: in-app notices to people (the bell, /notifications)
 * and, where the event has one, a message to the group robots — both written in
 * the event's own transaction (`announce`), so a rolled-back event tells nobody.
 * The recipients are found here too, one helper per audience.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueRobotMessage, type OutboxInput, type RobotAudience } from "@/lib/notifications/outbox";

type Tx = Prisma.TransactionClient;

export type Notice = { kind: string; message: string; href: string };

/** The active users of the units (their heads and reporters). */
export async function usersOfUnits(tx: Tx, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const users = await tx.user.findMany({
    where: { unitId: { in: [...unitIds] }, active: true, role: { in: ["UNIT_HEAD", "REPORTER"] } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

/** The active reporters (信息员) of the units: who a 催报 is for. */
export async function reportersOfUnits(tx: Tx, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const users = await tx.user.findMany({ where: { unitId: { in: [...unitIds] }, active: true, role: "REPORTER" }, select: { id: true } });
  return users.map((u) => u.id);
}

/** The district leaders (active LEADER accounts): the leaders' group. */
export async function leaderUsers(tx: Tx): Promise<string[]> {
  return (await tx.user.findMany({ where: { active: true, role: "LEADER" }, select: { id: true } })).map((u) => u.id);
}

/**
 * The people of every work channel, as its robots reach them: the units'
 * people of each channel, its named members, and the leaders.
 */
export async function channelAudience(tx: Tx): Promise<string[]> {
  const units = await tx.channelUnit.findMany({ where: { unit: { archivedAt: null } }, select: { unitId: true } });
  const members = await tx.channelMember.findMany({ where: { user: { active: true } }, select: { userId: true } });
  return [...(await usersOfUnits(tx, [...new Set(units.map((u) => u.unitId))])), ...members.map((m) => m.userId), ...(await leaderUsers(tx))];
}

/** Writes one notice per recipient (duplicates dropped). */
export async function notifyUsers(tx: Tx, recipientIds: readonly string[], notice: Notice, now: Date): Promise<number> {
  const ids = [...new Set(recipientIds)];
  if (ids.length === 0) return 0;
  await tx.notification.createMany({
    data: ids.map((recipientId) => ({ recipientId, kind: notice.kind, message: notice.message, href: notice.href, createdAt: now })),
  });
  return ids.length;
}

/**
 * An event told: `notice` to each of `users` (in-app), and `robot` (if any) to
 * each active robot of `robots`. Returns how many robot messages it wrote.
 */
export async function announce(
  tx: Tx,
  to: { users: readonly string[]; robots?: RobotAudience },
  notice: Notice,
  robot: Omit<OutboxInput, "event"> | null,
  now: Date,
): Promise<number> {
  await notifyUsers(tx, to.users, notice, now);
  return robot && to.robots ? enqueueRobotMessage(tx, to.robots, { event: notice.kind, ...robot }, now) : 0;
}

/** The office (active ADMIN accounts): the 督查室. */
export async function officeUsers(tx: Tx): Promise<string[]> {
  return (await tx.user.findMany({ where: { active: true, role: "ADMIN" }, select: { id: true } })).map((u) => u.id);
}
