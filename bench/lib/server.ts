/** What the benchmarks share: starting and stopping a production server, signing in over next-auth's API, its memory. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Signs in a demo account; returns the Cookie header of its session. */
export async function signIn(base: string, username: string, password = "shaitai-demo"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const cookies = [...jar, ...login.headers.getSetCookie().map((c) => c.split(";")[0])];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error(`Sign-in as ${username} failed (${login.status}).`);
  return cookies.join("; ");
}

export type StartedServer = {
  /** e.g. http://localhost:3208 */
  url: string;
  /** the server's process group (its workers included): for groupRssMb */
  pgid: number;
  /** stops the whole process group; safe to call again */
  stop: () => void;
};

type Env = Record<string, string | undefined>;

type ServerOptions = {
  port: number;
  /**
   * What runs:
   * - "start": `npm start`'s script (scripts/start.sh: a cluster, one worker per core unless WEB_CONCURRENCY says);
   * - "next": one `next start`;
   * - "e2e": scripts/e2e-server.sh, which migrates and seeds a fresh data/e2e.db first (its own secret and settings).
   */
  command: "start" | "next" | "e2e";
  /** added to this process's environment: DATABASE_URL, PHOTO_DIR, SHAITAI_DEMO… ("start" and "next" get a bench secret and NODE_ENV=production) */
  env?: Env;
  /** the checkout to run in (built); default this one */
  cwd?: string;
  /** how long it may take to answer /login; default 120 s */
  timeoutMs?: number;
};

/**
 * Starts a production server (needs a build) in its own process group and resolves once it answers
 * /login. It is stopped by `stop()`, and in any case when this script exits or is interrupted.
 */
export async function startServer({ port, command, env = {}, cwd = ".", timeoutMs = 120_000 }: ServerOptions): Promise<StartedServer> {
  const url = `http://localhost:${port}`;
  const [file, args, own]: [string, string[], Env] =
    command === "e2e"
      ? ["bash", ["scripts/e2e-server.sh"], { E2E_PORT: String(port) }]
      : command === "next"
        ? [path.resolve(cwd, "node_modules/.bin/next"), ["start", "-p", String(port)], { ...BENCH_ENV, NODE_ENV: "production" }]
        : ["bash", ["scripts/start.sh"], { ...BENCH_ENV, PORT: String(port), NODE_ENV: "production" }];
  const server = spawn(file, args, {
    cwd,
    env: { ...process.env, ...env, ...own },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`Stopped by ${signal}.`);
      process.exit(1);
    });
  }
  try {
    await waitForServer(url, server, timeoutMs);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, pgid: server.pid!, stop };
}

const BENCH_ENV = { NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", AUTH_TRUST_HOST: "true" };

/** Resolves once the server answers /login; fails if it exits or takes too long. */
async function waitForServer(base: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer in ${timeoutMs / 1000} s`);
}

/** Resident memory of a process group, in MB (Linux /proc). */
export function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}
