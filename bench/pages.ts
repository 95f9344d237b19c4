/**
 * Benchmark: what each page serves at 20 connections, beside a static page of
 * the same server in the same run (README, "Throughput").
 *
 *   npx tsx bench/pages.ts --db=./data/bench/district-year.db [--port=3208] [--seconds=10] [--connections=20]
 *   npx tsx bench/pages.ts --database-url=postgresql://… --targets=leader,office   (a city on PostgreSQL)
 *
 * Starts the production server (`npm start`'s script, so a cluster of
 * workers when WEB_CONCURRENCY says so; needs a build) on the given database,
 * signs in the leader, the office, a township reporter and an assessor, then for every
 * target: one request alone (the median of 15, after a warm-up), then
 * autocannon with `connections` connections for `seconds` seconds. Prints a
 * Markdown table with req/s, p50, p97.5, the single request, the HTML size
 * and the ratio to the static page (this machine is shared and noisy: the
 * ratio is the figure that counts), then the server's resident memory.
 */

import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { groupRssMb, signIn, startServer } from "./lib/server";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=") as [string, string]));
const PORT = Number(args.port ?? 3208);
const SECONDS = Number(args.seconds ?? 10);
const CONNECTIONS = Number(args.connections ?? 20);
const DATABASE_URL = args["database-url"] ?? `file:${path.resolve(args.db ?? "./data/bench/district-year.db")}`;

type Who = "none" | "leader" | "office" | "reporter" | "assessor";
type Target = { label: string; path: string; who: Who; status?: number; groups: string[] };

function currentQuarterBefore(): string {
  // The last closed quarter of the seed is the one before today's.
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? `${now.getUTCFullYear() - 1}Q4` : `${now.getUTCFullYear()}Q${q}`;
}

const TARGETS: Target[] = [
  { label: "a static page (prerendered 404)", path: "/this-page-does-not-exist", who: "none", status: 404, groups: ["static", "leader", "office"] },
  { label: "`/login`", path: "/login", who: "none", groups: ["public"] },
  { label: "`/public/flags`", path: "/public/flags", who: "none", groups: ["public"] },
  { label: "`/unit` (reporter)", path: "/unit", who: "reporter", groups: ["unit"] },
  { label: "`/admin`", path: "/admin", who: "office", groups: ["office"] },
  { label: "`/admin/tasks`", path: "/admin/tasks", who: "office", groups: ["office"] },
  { label: "`/feed`", path: "/feed", who: "leader", groups: ["leader"] },
  { label: "`/board`", path: "/board", who: "leader", groups: ["leader", "office"] },
  { label: "`/leader`", path: "/leader", who: "leader", groups: ["leader"] },
  { label: "`/assessor` (an assessor)", path: "/assessor", who: "assessor", groups: ["office"] },
  { label: "`GET /api/v1/status/today`", path: "/api/v1/status/today", who: "office", groups: ["api", "office"] },
  {
    label: `\`GET /api/v1/ranking?quarter=${currentQuarterBefore()}&kind=TOWN\``,
    path: `/api/v1/ranking?quarter=${currentQuarterBefore()}&kind=TOWN`,
    who: "leader",
    groups: ["api", "leader"],
  },
];

async function single(url: string, cookie: string | undefined, status: number): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 17; i++) {
    const t0 = performance.now();
    const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const body = await response.arrayBuffer();
    if (response.status !== status) throw new Error(`${url}: HTTP ${response.status}, expected ${status}`);
    if (i >= 2) times.push(performance.now() - t0);
    bytes = body.byteLength;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], bytes };
}

async function underLoad(url: string, cookie: string | undefined, status: number) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: cookie ? { cookie } : {},
  });
  const wrong = status === 200 ? result.non2xx : 0;
  if (wrong) throw new Error(`${url}: ${wrong} answers other than 200 under load`);
  // Timeouts (autocannon gives up after 10 s) are counted and shown, not hidden.
  return { rps: result.requests.average, p50: result.latency.p50, p975: result.latency.p97_5, errors: result.errors + result.timeouts };
}

async function main() {
  const wanted = args.targets ? new Set(args.targets.split(",")) : null;
  const targets = TARGETS.filter((t) => !wanted || t.groups.some((g) => wanted.has(g)) || t.groups.includes("static"));
  const server = await startServer({ command: "start", port: PORT, env: { DATABASE_URL, SHAITAI_DEMO: "1" } });
  const BASE = server.url;
  try {
    const cookies: Record<Who, string | undefined> = {
      none: undefined,
      leader: await signIn(BASE, "leader"),
      office: await signIn(BASE, "admin"),
      reporter: await signIn(BASE, "town-reporter"),
      assessor: await signIn(BASE, "assessor"),
    };
    console.log(
      `${new Date().toISOString()} · ${DATABASE_URL.split(":")[0]} · ${CONNECTIONS} connections × ${SECONDS} s · load average ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
    );
    console.log(`idle server memory: ${Math.round(groupRssMb(server.pgid))} MB\n`);
    console.log("| target | req/s | p50 | p97.5 | one request | HTML | vs static | errors |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let staticRps = 0;
    for (const target of targets) {
      const url = BASE + target.path;
      const status = target.status ?? 200;
      const one = await single(url, cookies[target.who], status);
      const load = await underLoad(url, cookies[target.who], status);
      if (!staticRps) staticRps = load.rps;
      const kb = Math.max(1, Math.round(one.bytes / 1024));
      console.log(
        `| ${target.label} | ${Math.round(load.rps).toLocaleString("en")} | ${load.p50} ms | ${load.p975} ms | ${Math.round(one.ms)} ms | ${kb} KB | ${(load.rps / staticRps).toFixed(3)} | ${load.errors} |`,
      );
    }
    console.log(`\nserver memory after the run: ${Math.round(groupRssMb(server.pgid))} MB`);
  } finally {
    server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
