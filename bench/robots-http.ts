/**
 * Robot outbox under the real server (issue 16): does draining the outbox slow the pages people use?
 * A script, not a timed test.
 *
 *   npx tsx bench/robots-http.ts [--messages=1000] [--robots=20] [--port=3162] [--connections=2] [--idle-seconds=30]
 *
 * Needs a build. A fresh migrated SQLite file (data/bench/robots-http.db) with one office account and
 * `--robots` robots pointing at local HTTP receivers (one server, a path each, no network) answering
 * {"errcode":0}; then `npm start`'s server on it (scripts/start.sh: one worker per core, each worker with
 * its own robot sender, every 5 s, so the workers compete for the outbox as separate servers would).
 *
 * Timed, with `--connections` loops of requests one after another (a few people at work, not a load test):
 * the office's /admin/robots (robots and the delivery log that the drain writes) and /notifications
 * (the inbox), p50 and p95 in ms — first with an empty outbox for `--idle-seconds`, then while
 * `--messages` messages queued at once (50 a robot) drain under the production limit of 20 a minute
 * per robot (about 2 minutes of real time), and last for `--idle-seconds` again after the drain: the
 * delivery log /admin/robots shows has grown by then, so "after" tells the page's own growth from the
 * cost of sending beside it.
 *
 * Checked at the receivers: every message arrives exactly once, and no robot ever receives more than
 * 20 in any 60 s window. Exits 1 otherwise.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { createClient } from "@/lib/db-client";
import { enqueueRobotMessage, RATE_PER_MINUTE } from "@/lib/notifications/outbox";
import { signIn, startServer } from "./lib/server";
import { percentile } from "./lib/stats";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const MESSAGES = Number(args.messages ?? 1000);
const ROBOTS = Number(args.robots ?? 20);
const PORT = Number(args.port ?? 3162);
const CONNECTIONS = Number(args.connections ?? 2);
const IDLE_SECONDS = Number(args["idle-seconds"] ?? 30);
const BASE = `http://localhost:${PORT}`;
const FILE = path.resolve("data/bench/robots-http.db");
const DATABASE_URL = `file:${FILE}`;
const PAGES = ["/admin/robots", "/notifications"];
const PASSWORD = "bench-robots-http-1";

/** `CONNECTIONS` loops, each fetching the pages in turn until `until()`; latencies per page, sorted. */
async function sample(cookie: string, until: () => boolean): Promise<Record<string, { n: number; p50: number; p95: number }>> {
  const ms = new Map<string, number[]>(PAGES.map((p) => [p, []]));
  const loop = async (offset: number) => {
    for (let i = offset; !until(); i++) {
      const page = PAGES[i % PAGES.length]!;
      const t0 = performance.now();
      const response = await fetch(`${BASE}${page}`, { headers: { cookie }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
      ms.get(page)!.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, c) => loop(c)));
  return Object.fromEntries(
    [...ms].map(([page, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return [page, { n: sorted.length, p50: Number(percentile(sorted, 50).toFixed(1)), p95: Number(percentile(sorted, 95).toFixed(1)) }];
    }),
  );
}

async function main() {
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${FILE}${suffix}`, { force: true });
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], { env: { ...process.env, DATABASE_URL }, stdio: "ignore" });

  const arrivals = new Map<string, { text: string; at: number }[]>();
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const robot = (req.url ?? "").split("?")[0]!;
      arrivals.set(robot, [...(arrivals.get(robot) ?? []), { text: JSON.parse(body).markdown.content as string, at: Date.now() }]);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const robotsBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const db = createClient(DATABASE_URL);
  await db.user.create({ data: { username: "bench-office", name: "督查室", role: "ADMIN", passwordHash: await hashPassword(PASSWORD) } });
  const units: { id: string }[] = [];
  for (let i = 0; i < ROBOTS; i++) {
    const unit = await db.unit.create({ data: { code: `B${i}`, name: `压测单位${i}`, kind: "TOWN" } });
    await db.robot.create({ data: { name: `压测机器人${i}`, kind: "WECOM", webhookUrl: `${robotsBase}/r${i}`, unitId: unit.id } });
    units.push(unit);
  }

  const server = await startServer({ command: "start", port: PORT, env: { DATABASE_URL, PHOTO_DIR: path.resolve("data/bench/robots-http-photos") } });
  try {
    const cookie = await signIn(BASE, "bench-office", PASSWORD);
    // Warm the pages (the first request of a route loads its code).
    for (const page of PAGES) await (await fetch(`${BASE}${page}`, { headers: { cookie } })).arrayBuffer();

    const idleUntil = Date.now() + IDLE_SECONDS * 1000;
    const idle = await sample(cookie, () => Date.now() > idleUntil);

    // Urgent: sent whatever the hour (quiet hours 22:00–07:00 hold back the others).
    const queuedAt = Date.now();
    await db.$transaction(async (tx) => {
      for (let m = 0; m < MESSAGES; m++)
        await enqueueRobotMessage(
          tx,
          { unitIds: [units[m % ROBOTS]!.id] },
          { event: "bench", title: "压测", markdown: `压测消息 ${m}`, urgent: true },
          new Date(),
        );
    });
    let drained = false;
    const watcher = (async () => {
      while (!drained) {
        await new Promise((r) => setTimeout(r, 1000));
        drained = (await db.outboxMessage.count({ where: { status: "PENDING" } })) === 0;
      }
    })();
    const during = await sample(cookie, () => drained);
    await watcher;
    const drainSeconds = (Date.now() - queuedAt) / 1000;
    const afterUntil = Date.now() + IDLE_SECONDS * 1000;
    const after = await sample(cookie, () => Date.now() > afterUntil);

    const texts = [...arrivals.values()].flat().map((a) => a.text);
    const once = texts.length === MESSAGES && new Set(texts).size === MESSAGES;
    let worstWindow = 0;
    for (const list of arrivals.values()) {
      const times = list.map((a) => a.at).sort((a, b) => a - b);
      for (let i = 0; i < times.length; i++) {
        let j = i;
        while (j < times.length && times[j]! < times[i]! + 60_000) j++;
        worstWindow = Math.max(worstWindow, j - i);
      }
    }
    const failed = await db.outboxMessage.count({ where: { status: "FAILED" } });
    console.log(
      JSON.stringify(
        {
          when: new Date().toISOString(),
          loadAverage: fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
          messages: MESSAGES,
          robots: ROBOTS,
          connections: CONNECTIONS,
          delivered: texts.length,
          deliveredOnce: once,
          failed,
          maxPerRobotIn60s: worstWindow,
          limit: RATE_PER_MINUTE,
          drainSeconds: Number(drainSeconds.toFixed(1)),
          pagesIdle: idle,
          pagesDuringDrain: during,
          pagesAfterDrain: after,
        },
        null,
        2,
      ),
    );
    if (!once || worstWindow > RATE_PER_MINUTE || failed > 0) process.exitCode = 1;
  } finally {
    server.stop();
    receiver.close();
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
