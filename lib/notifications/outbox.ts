/**
 * The robot outbox. `enqueueRobotMessage` writes messages in the event's own
 * transaction (a rolled-back event sends nothing; a robot that is down never
 * slows the user's action: nothing is sent inline). `drainOutbox` is one pass
 * of a sender, run every few seconds by each app server (startOutboxSender):
 *
 * - a sender first takes a **lease on the robot** (an UPDATE guarded by the
 *   lease having expired), so one sender at a time serves a robot, on any
 *   number of servers; the lease is renewed (guarded by still holding it)
 *   before each send, so a sender that lost it stops — no message is sent by
 *   two servers;
 * - **20 a minute per robot** (both robots' limit): a robot gets at most
 *   20 − (attempts in the last 60 s) sends now; the rest wait — never early;
 * - a failure (errcode ≠ 0, an HTTP error, a timeout) is logged with the
 *   robot's errcode/errmsg and retried with back-off (30 s, 1, 2, 4 min),
 *   then marked FAILED after MAX_ATTEMPTS; every attempt is in RobotDelivery;
 * - **quiet hours** 22:00–07:00 (Asia/Shanghai): a message that is not urgent
 *   waits until 07:00.
 * A crash between the robot's answer and the row's update could send one
 * message again after the lease expires; the window is one HTTP call.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHANNELS } from "@/lib/notifications/robots";
import type { RobotChannel, RobotKind } from "@/lib/notifications/robots/channel";
import { addDays, districtInstant, districtToday, formatDistrictTime } from "@/lib/time";

export const RATE_PER_MINUTE = 20;
export const MAX_ATTEMPTS = 5;
const LEASE_MS = 60_000;
/** robots served side by side in one pass */
const ROBOTS_AT_ONCE = 4;
const BACKOFF_MS = [30_000, 60_000, 120_000, 240_000];

export type RobotAudience = { unitIds?: readonly string[]; channelIds?: readonly string[]; audience?: "OFFICE" | "LEADERS"; allChannels?: boolean };

export type OutboxInput = { event: string; title: string; markdown: string; mentionMobiles?: string[]; urgent?: boolean };

/** The first instant a non-urgent message may go: now, or 07:00 after a night's quiet hours (22:00–07:00, district time). */
export function quietHoursRelease(now: Date): Date {
  const hhmm = formatDistrictTime(now);
  if (hhmm >= "07:00" && hhmm < "22:00") return now;
  const today = districtToday(now);
  return districtInstant(hhmm >= "22:00" ? addDays(today, 1) : today, "07:00");
}

/** The public link of an app path (PUBLIC_URL, else NEXTAUTH_URL, else the path). */
export function publicLink(path: string): string {
  const base = (process.env.PUBLIC_URL || process.env.NEXTAUTH_URL || "").replace(/\/$/, "");
  return `${base}${path}`;
}

/** Writes one message per active robot of the audience, in the caller's transaction. Returns how many. */
export async function enqueueRobotMessage(tx: Prisma.TransactionClient, to: RobotAudience, message: OutboxInput, now: Date): Promise<number> {
  const or: Prisma.RobotWhereInput[] = [];
  if (to.unitIds?.length) or.push({ unitId: { in: [...to.unitIds] } });
  if (to.channelIds?.length) or.push({ channelId: { in: [...to.channelIds] } });
  if (to.allChannels) or.push({ channelId: { not: null } });
  if (to.audience) or.push({ audience: to.audience });
  if (or.length === 0) return 0;
  const robots = await tx.robot.findMany({ where: { active: true, OR: or }, select: { id: true } });
  if (robots.length === 0) return 0;
  const notBefore = message.urgent ? now : quietHoursRelease(now);
  await tx.outboxMessage.createMany({
    data: robots.map((r) => ({
      robotId: r.id,
      event: message.event,
      title: message.title,
      markdown: message.markdown,
      mentionMobiles: JSON.stringify(message.mentionMobiles ?? []),
      urgent: message.urgent ?? false,
      createdAt: now,
      notBefore,
    })),
  });
  return robots.length;
}

export type SenderOptions = {
  /** this sender's name (one per app server) */
  senderId?: string;
  /** the clock: real time, or a scaled one for the benchmark */
  now?: () => Date;
  channels?: Record<RobotKind, RobotChannel>;
  /** sends per robot per rolling minute of the clock */
  ratePerMinute?: number;
};

export type DrainResult = { sent: number; failed: number; retried: number; robots: number };

/** One pass: every robot with due messages that this sender can lease gets up to its rate's worth of sends. */
export async function drainOutbox(db: Db, options: SenderOptions = {}): Promise<DrainResult> {
  const clock = options.now ?? (() => new Date());
  const senderId = options.senderId ?? `sender-${randomUUID()}`;
  const channels = options.channels ?? CHANNELS;
  const rate = options.ratePerMinute ?? RATE_PER_MINUTE;
  const result: DrainResult = { sent: 0, failed: 0, retried: 0, robots: 0 };
  const due = (await db.outboxMessage.groupBy({ by: ["robotId"], where: { status: "PENDING", notBefore: { lte: clock() } } })).map((d) => d.robotId);
  // A few robots at a time, each in its own order: a robot that is slow or down holds up only its own messages.
  const serve = async () => {
    for (let robotId = due.shift(); robotId; robotId = due.shift()) {
      const leased = await db.robot.updateMany({
        where: { id: robotId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: clock() } }] },
        data: { leaseBy: senderId, leaseUntil: new Date(clock().getTime() + LEASE_MS) },
      });
      if (leased.count !== 1) continue;
      result.robots++;
      try {
        await serveRobot(db, robotId, senderId, clock, channels, rate, result);
      } finally {
        await db.robot.updateMany({ where: { id: robotId, leaseBy: senderId }, data: { leaseBy: null, leaseUntil: null } });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ROBOTS_AT_ONCE, due.length) }, serve));
  return result;
}

async function serveRobot(
  db: Db,
  robotId: string,
  senderId: string,
  clock: () => Date,
  channels: Record<RobotKind, RobotChannel>,
  rate: number,
  result: DrainResult,
) {
  const robot = await db.robot.findUniqueOrThrow({ where: { id: robotId }, select: { kind: true, webhookUrl: true, secret: true, active: true } });
  if (!robot.active) return;
  // 60 s and a second: a robot counts by the arrival on its own clock, a little after our send.
  const windowStart = new Date(clock().getTime() - 61_000);
  const recent = await db.robotDelivery.count({ where: { robotId, at: { gt: windowStart } } });
  const capacity = rate - recent;
  if (capacity <= 0) return;
  const messages = await db.outboxMessage.findMany({
    where: { robotId, status: "PENDING", notBefore: { lte: clock() } },
    orderBy: [{ urgent: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    take: capacity,
    select: { id: true, title: true, markdown: true, mentionMobiles: true, attempts: true },
  });
  for (const m of messages) {
    // Still ours? Renew the lease; a sender that lost it stops here.
    const renewed = await db.robot.updateMany({ where: { id: robotId, leaseBy: senderId }, data: { leaseUntil: new Date(clock().getTime() + LEASE_MS) } });
    if (renewed.count !== 1) return;
    const at = clock();
    const answer = await channels[robot.kind].send(
      robot,
      { title: m.title, markdown: m.markdown, mentionMobiles: JSON.parse(m.mentionMobiles) as string[] },
      at,
    );
    const attempt = m.attempts + 1;
    const finalFailure = !answer.ok && attempt >= MAX_ATTEMPTS;
    await db.$transaction([
      db.robotDelivery.create({
        data: { messageId: m.id, robotId, at, attempt, ok: answer.ok, errcode: answer.errcode, errmsg: answer.errmsg.slice(0, 500), sender: senderId },
      }),
      db.outboxMessage.update({
        where: { id: m.id },
        data: answer.ok
          ? { status: "SENT", sentAt: at, attempts: attempt }
          : finalFailure
            ? { status: "FAILED", attempts: attempt }
            : { attempts: attempt, notBefore: new Date(at.getTime() + BACKOFF_MS[Math.min(attempt - 1, BACKOFF_MS.length - 1)]) },
      }),
    ]);
    if (answer.ok) result.sent++;
    else if (finalFailure) result.failed++;
    else result.retried++;
  }
}

export type OutboxSender = { senderId: string; stop: () => Promise<void> };

/**
 * Runs drainOutbox every `everyMs` on this server, never two passes at once.
 * `stop()` clears the timer and waits for a pass under way (its leases are
 * released in drainOutbox's finally).
 */
export function startOutboxSender(db: Db, everyMs = 5_000, options: SenderOptions = {}): OutboxSender {
  const senderId = options.senderId ?? `server-${randomUUID()}`;
  let pass: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (pass || stopped) return;
    pass = drainOutbox(db, { ...options, senderId })
      .catch((error) => console.error("Robot sender:", (error as Error).message))
      .finally(() => (pass = null));
  }, everyMs);
  timer.unref();
  return {
    senderId,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await pass;
    },
  };
}
