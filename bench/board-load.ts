/**
 * Benchmark: the leaders' board under load (README, "Assessment" figures).
 *
 *   npx tsx bench/board-load.ts --base=http://localhost:3006 [--concurrency=20] [--requests=300]
 *
 * Signs in as the demo leader, then for each target sends `requests`
 * requests from `concurrency` concurrent users (each a loop: request, wait
 * for the whole body, next) and prints p50 / p95 / mean latency and
 * throughput. Targets, in one run against the same server:
 *   - a static page (the prerendered 404 page: no database, no session);
 *   - /board — the latest closed quarter, read from its snapshot;
 *   - /board?quarter=<open> — the current quarter, computed live.
 * bench/board-load.sh starts a production server on the district-year seed.
 */

import fs from "node:fs";
import { signIn } from "./lib/server";
import { percentile } from "./lib/stats";

type Args = { base: string; concurrency: number; requests: number; user: string; serverPgid?: number };

function parseArgs(argv: string[]): Args {
  const args: Args = { base: "http://localhost:3006", concurrency: 20, requests: 300, user: "leader" };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, "").split("=");
    if (key === "base") args.base = value;
    else if (key === "concurrency") args.concurrency = Number(value);
    else if (key === "requests") args.requests = Number(value);
    else if (key === "user") args.user = value;
    else if (key === "server-pgid") args.serverPgid = Number(value);
    else if (arg !== "--") throw new Error(`Unknown argument ${arg}`);
  }
  return args;
}

/**
 * CPU seconds used so far by the server's processes (Linux /proc, by process
 * group): the server's own cost per request, whatever else the machine runs.
 */
function serverCpuSeconds(pgid: number | undefined): number | null {
  if (!pgid || !fs.existsSync("/proc")) return null;
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      // Fields after the command name: state ppid pgrp … utime(14) stime(15).
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks / 100;
}

async function load(url: string, cookie: string | null, args: Args, expected: number) {
  const cpuBefore = serverCpuSeconds(args.serverPgid);
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  const user = async () => {
    while (next < args.requests) {
      next++;
      const t0 = performance.now();
      try {
        const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
        const body = await response.arrayBuffer();
        if (response.status !== expected) throw new Error(`${url}: HTTP ${response.status}`);
        latencies.push(performance.now() - t0);
        bytes = body.byteLength;
      } catch (error) {
        // A reset connection is counted, not hidden, and the user goes on.
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code !== "ECONNRESET" && code !== "UND_ERR_SOCKET") throw error;
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, user));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = serverCpuSeconds(args.serverPgid);
  const sorted = latencies.sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    mean: Math.round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
    rps: Math.round((sorted.length / seconds) * 10) / 10,
    kb: Math.round(bytes / 1024),
    errors,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : Math.round(((cpuAfter - cpuBefore) * 1000) / sorted.length),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cookie = await signIn(args.base, args.user);
  const ranking = (await (await fetch(`${args.base}/api/v1/ranking`, { headers: { cookie } })).json()) as { quarter?: string };
  const openQuarter = currentQuarterKey();
  const targets: { label: string; path: string; cookie: string | null; status: number }[] = [
    { label: "static page (prerendered 404)", path: "/bench-static-page", cookie: null, status: 404 },
    { label: `/board (closed ${ranking.quarter ?? "—"}, snapshot)`, path: "/board", cookie, status: 200 },
    { label: `/board?quarter=${openQuarter} (open, live)`, path: `/board?quarter=${openQuarter}`, cookie, status: 200 },
  ];
  console.log(`${args.base}: ${args.requests} requests per target, ${args.concurrency} concurrent users`);
  for (const target of targets) {
    // Warm up: compile caches, open the database, fill the connection.
    await load(`${args.base}${target.path}`, target.cookie, { ...args, requests: Math.min(40, args.requests), concurrency: 4 }, target.status);
    const r = await load(`${args.base}${target.path}`, target.cookie, args, target.status);
    console.log(
      `  ${target.label.padEnd(44)} p50 ${String(r.p50).padStart(5)} ms  p95 ${String(r.p95).padStart(5)} ms  mean ${String(r.mean).padStart(5)} ms  ${r.rps} req/s  ${r.kb} KB${r.cpuMs === null ? "" : `  server CPU ${r.cpuMs} ms/req`}${r.errors ? `  ${r.errors} connection resets` : ""}`,
    );
  }
}

/** Today's quarter in the district: the seed leaves it open (the board computes it live). */
function currentQuarterKey(): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  return `${today.slice(0, 4)}Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
