/**
 * Robot outbox benchmark (issue 16) — a script, not a timed test.
 *
 *   npx tsx bench/robots.ts [--messages=1000] [--robots=20] [--scale=30] [--senders=2]
 *   (TEST_DATABASE=postgres through scripts/with-postgres.ts for PostgreSQL)
 *
 * A fresh migrated database; 20 local HTTP robots (one server, a path each,
 * no network) answering {"errcode":0}; 1,000 messages queued at once (50 a
 * robot); `--senders` senders (stand-ins for app servers) drain the outbox
 * every 100 ms of real time. The clock is **scaled**: the senders and the
 * receivers read one clock that runs `--scale` times faster than real time,
 * so the 20-a-minute limit is kept in simulated minutes (50 messages a robot
 * need 3 simulated minutes: 6 s of real time at ×30) — the limit itself is
 * the production one (RATE_PER_MINUTE = 20).
 *
 * Checked at the receivers: every message arrives exactly once, and no robot
 * ever receives more than 20 in any 60 s (simulated) sliding window, by its
 * arrival time. Also timed: a page-like read (the bell's unread count and a
 * unit list) while idle and during the drain, p50/p95 in ms.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createClient, type Db } from "@/lib/db-client";
import { countUnread } from "@/lib/notifications/notices";
import { drainOutbox, enqueueRobotMessage, RATE_PER_MINUTE } from "@/lib/notifications/outbox";
import { createTestDb } from "@/lib/testing/test-db";
import { percentile } from "./lib/stats";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const MESSAGES = Number(args.messages ?? 1000);
const ROBOTS = Number(args.robots ?? 20);
const SCALE = Number(args.scale ?? 30);
const SENDERS = Number(args.senders ?? 2);

const realStart = Date.now();
const simStart = Date.parse("2026-12-01T02:00:00Z"); // 10:00 in the district: no quiet hours
const clock = () => new Date(simStart + (Date.now() - realStart) * SCALE);

async function readLatency(db: Db, userId: string, until: () => boolean): Promise<{ n: number; p50: number; p95: number }> {
  const ms: number[] = [];
  do {
    const t0 = performance.now();
    await countUnread(db, userId);
    await db.unit.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
    ms.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  } while (!until());
  ms.sort((a, b) => a - b);
  return { n: ms.length, p50: Number(percentile(ms, 50).toFixed(1)), p95: Number(percentile(ms, 95).toFixed(1)) };
}

async function main() {
  const t = await createTestDb();
  const arrivals = new Map<string, { text: string; sim: number }[]>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const sim = clock().getTime();
      const robot = (req.url ?? "").split("?")[0];
      arrivals.set(robot, [...(arrivals.get(robot) ?? []), { text: JSON.parse(body).markdown.content as string, sim }]);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const senders: Db[] = [t.db];
  try {
    const units = await Promise.all(
      Array.from({ length: ROBOTS }, (_, i) => t.db.unit.create({ data: { code: `B${i}`, name: `压测单位${i}`, kind: "TOWN" } })),
    );
    for (const [i, unit] of units.entries())
      await t.db.robot.create({ data: { name: `压测机器人${i}`, kind: "WECOM", webhookUrl: `${base}/r${i}`, unitId: unit.id } });
    const reader = await t.db.user.create({ data: { username: "bench", name: "bench", role: "ADMIN", passwordHash: "x" } });

    const idle = await readLatency(
      t.db,
      reader.id,
      (
        (n) => () =>
          --n <= 0
      )(100),
    );

    const queuedAt = clock();
    await t.db.$transaction(async (tx) => {
      for (let m = 0; m < MESSAGES; m++) {
        await enqueueRobotMessage(tx, { unitIds: [units[m % ROBOTS].id] }, { event: "bench", title: "压测", markdown: `压测消息 ${m}` }, queuedAt);
      }
    });
    // On PostgreSQL each sender has its own client (its own pool), as separate servers would;
    // on SQLite they share one (better-sqlite3 is synchronous: see outbox.integration.test.ts).
    for (let s = 1; s < SENDERS; s++) senders.push(t.kind === "postgresql" ? createClient(t.url) : t.db);

    const cpu0 = process.cpuUsage();
    const real0 = performance.now();
    let done = false;
    const loops = senders.map(async (db, s) => {
      while (!done) {
        await drainOutbox(db, { now: clock, senderId: `bench-${s}` });
        if ((await t.db.outboxMessage.count({ where: { status: "PENDING" } })) === 0) done = true;
        else await new Promise((r) => setTimeout(r, 100));
      }
    });
    const during = readLatency(t.db, reader.id, () => done);
    await Promise.all(loops);
    const drainReal = performance.now() - real0;
    const cpu = process.cpuUsage(cpu0);
    const busy = await during;

    // Checks at the receivers.
    const texts = [...arrivals.values()].flat().map((a) => a.text);
    const once = texts.length === MESSAGES && new Set(texts).size === MESSAGES;
    let worstWindow = 0;
    let early = 0;
    for (const list of arrivals.values()) {
      const times = list.map((a) => a.sim).sort((a, b) => a - b);
      for (let i = 0; i < times.length; i++) {
        let j = i;
        while (j < times.length && times[j] < times[i] + 60_000) j++;
        worstWindow = Math.max(worstWindow, j - i);
        if (times[i] < queuedAt.getTime()) early++;
      }
    }
    const lastSim = Math.max(...[...arrivals.values()].flat().map((a) => a.sim));
    const result = {
      database: t.kind,
      messages: MESSAGES,
      robots: ROBOTS,
      senders: SENDERS,
      scale: SCALE,
      delivered: texts.length,
      deliveredOnce: once,
      maxPerRobotIn60s: worstWindow,
      limit: RATE_PER_MINUTE,
      beforeQueued: early,
      drainSimulatedMinutes: Number(((lastSim - queuedAt.getTime()) / 60_000).toFixed(2)),
      minimumSimulatedMinutes: Math.ceil(MESSAGES / ROBOTS / RATE_PER_MINUTE) - 1,
      drainRealSeconds: Number((drainReal / 1000).toFixed(1)),
      benchCpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      readIdle: idle,
      readDuringDrain: busy,
    };
    console.log(JSON.stringify(result, null, 2));
    if (!once || worstWindow > RATE_PER_MINUTE || early > 0) process.exitCode = 1;
  } finally {
    for (const db of senders) if (db !== t.db) await db.$disconnect();
    server.close();
    await t.cleanup();
  }
}

void main();
