/**
 * A real SQLite file per test run: created in a temporary folder, migrated with
 * the committed migrations through the same script as production.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient, type Db } from "@/lib/db-client";

export type TestDb = { db: Db; url: string; cleanup: () => Promise<void> };

export function migrateDatabase(url: string): void {
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: url },
  });
}

export async function createTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  migrateDatabase(url);
  const db = createClient(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
