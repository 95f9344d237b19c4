/**
 * The robot sender of this app server: one loop per server process, started by
 * instrumentation.ts, stopped on SIGTERM/SIGINT. Every server may run one;
 * the robot leases in outbox.ts keep each message to one sender. Sending is
 * never part of a user's request: the request writes the outbox row, this
 * loop sends it, so a robot that is down slows nobody.
 */
import { createClient, type Db } from "@/lib/db-client";
import { env } from "@/lib/env";
import { enqueueDueMessages } from "@/lib/notifications/events";
import { startOutboxSender, type OutboxSender } from "@/lib/notifications/outbox";

const EVERY_MS = 5_000;
/** how often the timed messages (催报 before a deadline, 超期预警 …) are looked for */
const DUE_EVERY_MS = 60_000;
// The process's one Prisma client (the slot lib/db.ts fills; that module is server-only, which
// instrumentation cannot import). On SQLite a second connection in the same process would block
// the first: better-sqlite3 is synchronous.
const globalForSender = globalThis as unknown as { shaitaiRobotSender?: OutboxSender; shaitaiDb?: Db };

export function startRobotSender(): OutboxSender | null {
  if (!env().ROBOT_SENDER) return null;
  if (globalForSender.shaitaiRobotSender) return globalForSender.shaitaiRobotSender;
  globalForSender.shaitaiDb ??= createClient(env().DATABASE_URL);
  const db = globalForSender.shaitaiDb;
  const outbox = startOutboxSender(db, EVERY_MS);
  let looking: Promise<unknown> | null = null;
  const dueTimer = setInterval(() => {
    if (looking) return;
    looking = enqueueDueMessages(db, new Date())
      .catch((error) => console.error("Robot messages due:", (error as Error).message))
      .finally(() => (looking = null));
  }, DUE_EVERY_MS);
  dueTimer.unref();
  const sender: OutboxSender = {
    senderId: outbox.senderId,
    stop: async () => {
      clearInterval(dueTimer);
      await Promise.all([outbox.stop(), looking]);
    },
  };
  globalForSender.shaitaiRobotSender = sender;
  const stop = () => {
    // Let the pass under way finish (its HTTP calls time out after 10 s), then release the slot.
    void sender.stop().finally(() => delete globalForSender.shaitaiRobotSender);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log(`Shaitai: robot sender ${sender.senderId} started (every ${EVERY_MS / 1000} s).`);
  return sender;
}
