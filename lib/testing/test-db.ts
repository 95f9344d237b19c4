/**
 * A real, migrated database per test file, through the same migration script
 * as production (npm run db:migrate):
 *
 * - default: a SQLite file in a temporary folder;
 * - TEST_DATABASE=postgres: a fresh database on the PostgreSQL server at
 *   TEST_POSTGRES_URL (a URL of its maintenance database, by a role that may
 *   create databases). The first test file migrates a template database once
 *   (named after a hash of the migrations, so a new migration gets a new
 *   template); every test file then gets a copy (CREATE DATABASE … TEMPLATE),
 *   dropped at cleanup. `npm test` sets both variables (scripts/with-postgres.ts).
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runDataMigrations } from "@/lib/data-migrations";
import { createClient, type Db } from "@/lib/db-client";

export type TestDb = { db: Db; url: string; kind: "sqlite" | "postgresql"; cleanup: () => Promise<void> };

export function migrateDatabase(url: string): void {
  execFileSync("npx", ["tsx", "scripts/db-migrate.ts"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: url },
  });
}

/** Which database the integration tests run on (TEST_DATABASE=postgres → PostgreSQL). */
export function testDatabaseKind(): "sqlite" | "postgresql" {
  const wanted = process.env.TEST_DATABASE ?? "sqlite";
  if (wanted === "sqlite") return "sqlite";
  if (wanted === "postgres" || wanted === "postgresql") return "postgresql";
  throw new Error(`TEST_DATABASE must be sqlite or postgres, got "${wanted}".`);
}

export async function createTestDb(): Promise<TestDb> {
  return testDatabaseKind() === "postgresql" ? createPostgresTestDb() : createSqliteTestDb();
}

async function createSqliteTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  migrateDatabase(url);
  return testDbOf(createClient(url), url, "sqlite", () => fs.rmSync(dir, { recursive: true, force: true }));
}

/** A test database whose cleanup disconnects and then removes it. */
function testDbOf(db: Db, url: string, kind: TestDb["kind"], remove: () => unknown): TestDb {
  return {
    db,
    url,
    kind,
    cleanup: async () => {
      await db.$disconnect();
      await remove();
    },
  };
}

/** The maintenance-database URL of the test server. */
function serverUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    throw new Error("TEST_DATABASE=postgres needs TEST_POSTGRES_URL (or run through `npx tsx scripts/with-postgres.ts …`, as npm test does).");
  }
  return url;
}

/** The same server, another database. */
export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function templateName(): string {
  const hash = crypto.createHash("sha256");
  const dir = "prisma/postgres/migrations";
  for (const name of fs.readdirSync(dir).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name, "migration.sql")));
  return `shaitai_template_${hash.digest("hex").slice(0, 12)}`;
}

/** Creates the migrated template once per server and migration set; test files may race for it. */
async function ensureTemplate(): Promise<string> {
  const template = templateName();
  await withAdmin(async (admin) => {
    const ready = async () => (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate", [template])).rowCount === 1;
    if (await ready()) return;
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [template]);
    try {
      if (await ready()) return;
      // A run that died half-way leaves a database that is not yet a template: start again.
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${template}"`);
      migrateDatabase(databaseUrl(serverUrl(), template));
      await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [template]);
    }
  });
  return template;
}

async function createPostgresTestDb(): Promise<TestDb> {
  const template = await ensureTemplate();
  const name = `shaitai_test_${crypto.randomBytes(6).toString("hex")}`;
  await withAdmin(async (admin) => {
    // Two test files copying the template at the same instant can collide; a retry settles it.
    for (let attempt = 0; ; attempt++) {
      try {
        return await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      } catch (error) {
        if (attempt >= 10 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
      }
    }
  });
  const url = databaseUrl(serverUrl(), name);
  const db = createClient(url);
  // The template is named after the schema migrations only: a data step added since it was made runs here.
  await runDataMigrations(db);
  return testDbOf(db, url, "postgresql", () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
}
