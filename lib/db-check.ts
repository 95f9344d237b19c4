/**
 * At start: can we reach the database DATABASE_URL names, and is it migrated
 * to this code's migrations? A wrong or unreachable URL stops the server with a
 * message that says what to fix, instead of a 500 on the first request.
 */
import fs from "node:fs";
import path from "node:path";
import { DATA_MIGRATIONS, type DataMigrationStep, pendingDataMigrations } from "@/lib/data-migrations";
import { createClient } from "@/lib/db-client";
import { databaseKind, redactUrl } from "@/lib/db-url";
import { env } from "@/lib/env";

const MIGRATE_HINT = 'Run "npm run db:migrate" with this DATABASE_URL (and "npm run db:seed" for demo data).';

/** A sentence for a failed first query, by Prisma's error code. */
export function describeDatabaseError(error: unknown, url: string): string {
  const where = databaseKind(url) === "sqlite" ? `the SQLite file ${url.slice("file:".length)}` : `PostgreSQL at ${redactUrl(url)}`;
  const code = (error as { code?: unknown }).code;
  const detail = String((error as Error).message ?? error)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .pop();
  switch (code) {
    case "P1001":
      return `${where} is not reachable. Is the server running, and are the host and port in DATABASE_URL right?`;
    case "P1003":
      return `${where}: the database does not exist. Create it (createdb), then ${MIGRATE_HINT}`;
    case "P1000":
    case "P1010":
      return `${where}: access denied. Check the user name and password in DATABASE_URL.`;
    case "P2021":
      return `${where} is reachable but not migrated. ${MIGRATE_HINT}`;
    default:
      return `${where} cannot be used (${detail}). Is it reachable and migrated? ${MIGRATE_HINT}`;
  }
}

/** Migration folders of this code base for the URL's database (empty when the folder is not deployed). */
function migrationNames(url: string): string[] {
  const dir = path.join(process.cwd(), databaseKind(url) === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** null when the database is usable, otherwise why not. */
export async function checkDatabase(url: string = env().DATABASE_URL, dataSteps: readonly DataMigrationStep[] = DATA_MIGRATIONS): Promise<string | null> {
  let kind;
  try {
    kind = databaseKind(url);
  } catch (error) {
    return `Shaitai cannot start: ${(error as Error).message}`;
  }
  if (kind === "sqlite" && !fs.existsSync(url.slice("file:".length))) {
    return `Shaitai cannot start: the database file ${url.slice("file:".length)} does not exist. ${MIGRATE_HINT}`;
  }
  const client = createClient(url);
  try {
    await client.user.count();
    const applied = await client.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = migrationNames(url).filter((name) => !done.has(name));
    if (pending.length > 0) {
      return `Shaitai cannot start: ${pending.length} migration(s) of this version are not applied to the database (${pending.join(", ")}). ${MIGRATE_HINT}`;
    }
    const pendingData = await pendingDataMigrations(client, dataSteps);
    if (pendingData.length > 0) {
      return `Shaitai cannot start: ${pendingData.length} data migration(s) of this version have not run (${pendingData.join(", ")}). ${MIGRATE_HINT}`;
    }
    return null;
  } catch (error) {
    return `Shaitai cannot start: ${describeDatabaseError(error, url)}`;
  } finally {
    await client.$disconnect();
  }
}
