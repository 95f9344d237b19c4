/**
 * The two-server test: two `next start` processes on one PostgreSQL, as behind
 * a load balancer, then Playwright's e2e/servers specs against both.
 *
 *   npx tsx scripts/with-postgres.ts npx tsx scripts/test-servers.ts   (npm run test:servers)
 *
 * Needs a build (.next) and TEST_POSTGRES_URL. Makes a fresh database from the
 * migrated template, seeds the demo district, starts the servers on spare
 * ports from 3207 with one shared secret and one shared photo directory, runs
 * the specs, and stops everything it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seed } from "../prisma/seed";
import { sparePort } from "../lib/testing/postgres-server";
import { createTestDb } from "../lib/testing/test-db";

const SECRET = "two-servers-secret-two-servers-secret";

async function waitForLogin(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server for ${url} exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server for ${url} did not answer within 180 s:\n${log()}`);
}

async function main(): Promise<number> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No build: run `npm run build` first.");
  process.env.TEST_DATABASE = "postgres";
  const database = await createTestDb();
  const photos = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-shared-photos-"));
  const servers: ChildProcess[] = [];
  try {
    console.log("==> seeding the demo district on PostgreSQL");
    await seed(database.db);
    await database.db.$disconnect();

    const taken = new Set<number>();
    const urls: string[] = [];
    const logs: string[] = [];
    for (const name of ["A", "B"]) {
      const port = await sparePort(3207, 3299, taken);
      taken.add(port);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: SECRET,
        AUTH_TRUST_HOST: "true",
        SHAITAI_DEMO: "1",
        PHOTO_DIR: photos,
      };
      delete env.NEXTAUTH_URL;
      const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port)], { env, detached: true });
      const index = logs.push("") - 1;
      server.stdout?.on("data", (chunk: Buffer) => (logs[index] += chunk.toString()));
      server.stderr?.on("data", (chunk: Buffer) => (logs[index] += chunk.toString()));
      servers.push(server);
      urls.push(`http://localhost:${port}`);
      console.log(`==> server ${name}: ${urls.at(-1)}`);
    }
    await Promise.all(urls.map((url, i) => waitForLogin(url, servers[i], () => logs[i])));

    const playwright = spawn("npx", ["playwright", "test", "--config", "playwright.servers.config.ts"], {
      stdio: "inherit",
      env: { ...process.env, SERVER_A_URL: urls[0], SERVER_B_URL: urls[1], SERVERS_DATABASE_URL: database.url },
    });
    const code = await new Promise<number>((resolve) => playwright.on("exit", (c) => resolve(c ?? 1)));
    if (code !== 0) for (const [i, log] of logs.entries()) console.error(`--- server ${"AB"[i]} log ---\n${log.slice(-4000)}`);
    return code;
  } finally {
    for (const server of servers) {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    }
    await Promise.all(servers.map((s) => (s.exitCode === null ? new Promise((resolve) => s.on("exit", resolve)) : null)));
    await database.cleanup();
    fs.rmSync(photos, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
