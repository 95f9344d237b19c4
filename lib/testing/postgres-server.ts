/**
 * A throwaway PostgreSQL server for tests: initdb in a temporary folder, then
 * pg_ctl on a spare port, listening on 127.0.0.1 only, with trust auth for the
 * `postgres` superuser. PostgreSQL refuses to run as root, so as root the
 * server runs as `nobody` (runuser), owning only its temporary folder.
 * Durability is off (fsync, synchronous_commit): the data dies with the test.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** Where this kind of machine keeps the PostgreSQL 15 server binaries (or PG_BIN). */
export function postgresBinDir(): string | null {
  const candidates = [process.env.PG_BIN, "/usr/lib/postgresql/15/bin"].filter((dir): dir is string => Boolean(dir));
  return candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

/** True when `port` can be bound on 127.0.0.1 right now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The first free port in [from, to]. */
export async function sparePort(from: number, to: number, taken: ReadonlySet<number> = new Set()): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (!taken.has(port) && (await isPortFree(port))) return port;
  }
  throw new Error(`No free port between ${from} and ${to}.`);
}

export type PostgresServer = {
  port: number;
  /** postgresql:// URL of a database on this server (default: the `postgres` maintenance database) */
  url: (database?: string) => string;
  stop: () => void;
};

const NOBODY = { uid: 65534, gid: 65534 };

export async function startPostgres(options: { portFrom?: number; portTo?: number; log?: (line: string) => void } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL server binaries not found (/usr/lib/postgresql/15/bin, or set PG_BIN).");
  const log = options.log ?? (() => {});
  const asRoot = process.getuid?.() === 0;
  const as = (command: string, args: string[]) => (asRoot ? (["runuser", ["-u", "nobody", "--", command, ...args]] as const) : ([command, args] as const));
  const exec = (command: string, args: string[]) => {
    const [file, argv] = as(path.join(bin, command), args);
    return execFileSync(file, [...argv], { stdio: "pipe", cwd: os.tmpdir() });
  };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-pg-"));
  if (asRoot) fs.chownSync(dir, NOBODY.uid, NOBODY.gid);
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  exec("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);

  // Two tries: another process may take the port between the check and the start.
  for (let attempt = 0; ; attempt++) {
    const port = await sparePort(options.portFrom ?? 55432, options.portTo ?? 55532);
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    try {
      exec("pg_ctl", ["-D", data, "-l", logFile, "-o", settings, "-w", "-t", "60", "start"]);
    } catch (error) {
      if (attempt < 1) continue;
      const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n") : "";
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${tail}`);
    }
    log(`PostgreSQL ${bin} on 127.0.0.1:${port} (data in ${dir})`);
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      try {
        exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    return { port, url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`, stop };
  }
}
