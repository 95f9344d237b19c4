/**
 * Runs a command with a PostgreSQL server for tests in TEST_POSTGRES_URL:
 * the one you point it at (TEST_POSTGRES_URL=postgresql://user:pw@host:port/postgres,
 * a role that may create databases), or else a throwaway PostgreSQL 15 started
 * here in a temporary folder on a spare port and removed afterwards.
 *
 *   tsx scripts/with-postgres.ts <command> [args…]
 *
 * Where neither exists (no server binaries on this machine), it says so loudly
 * and exits 0 without running the command: PostgreSQL is skipped, not failed.
 */
import { spawn } from "node:child_process";
import { postgresBinDir, startPostgres } from "../lib/testing/postgres-server";

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    console.error("Usage: tsx scripts/with-postgres.ts <command> [args…]");
    return 2;
  }
  let url = process.env.TEST_POSTGRES_URL;
  let stop = () => {};
  if (!url) {
    if (!postgresBinDir()) {
      const bar = "!".repeat(78);
      console.error(
        `${bar}\n!! SKIPPED: PostgreSQL tests (${argv.join(" ")})\n!! No PostgreSQL server binaries (/usr/lib/postgresql/15/bin or PG_BIN) and no\n!! TEST_POSTGRES_URL. Install postgresql-15 or point TEST_POSTGRES_URL at a server.\n${bar}`,
      );
      return 0;
    }
    const server = await startPostgres({ log: (line) => console.log(`==> ${line}`) });
    url = server.url();
    stop = server.stop;
  }
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const child = spawn(argv[0], argv.slice(1), { stdio: "inherit", env: { ...process.env, TEST_POSTGRES_URL: url } });
    return await new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  } finally {
    stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
