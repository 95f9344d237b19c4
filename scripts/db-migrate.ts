/**
 * npm run db:migrate — applies the committed migrations to DATABASE_URL
 * (default: the embedded SQLite file under data/). Never by hand.
 *
 * SQLite: `prisma migrate deploy` on prisma/migrations.
 * PostgreSQL: prisma/postgres/migrations. `migrate deploy` through the pg
 * driver adapter fails upstream ("Column type 'name' could not be
 * deserialized", prisma/orm#27403), so each pending migration is applied with
 * Prisma's own `db execute --file` (one script = one implicit transaction in
 * PostgreSQL, so a failing migration leaves nothing behind) and then recorded
 * with `migrate resolve --applied`. `_prisma_migrations` ends up with the
 * standard rows, so a native `migrate deploy` accepts the same database later.
 *
 * Then, on both, the pending data migrations (lib/data-migrations.ts).
 */
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { sqlitePath } from "../lib/backup";
import { runDataMigrations } from "../lib/data-migrations";
import { createClient } from "../lib/db-client";
import { databaseKind, PRISMA_SCHEMA, redactUrl } from "../lib/db-url";

/**
 * One `npm run db:migrate` at a time per database (two app servers deploying at
 * once). Not Prisma's own key (72707369): `migrate resolve` takes that one itself.
 */
const MIGRATE_LOCK = 7_407_2607;
const PG_MIGRATIONS = "prisma/postgres/migrations";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL ?? "file:./data/shaitai.db";

const PRISMA_CLI = path.join("node_modules", "prisma", "build", "index.js");

function prisma(args: string[]): void {
  execFileSync(process.execPath, [PRISMA_CLI, ...args], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, DATABASE_URL: url } });
}

/**
 * `migrate resolve --applied <name>`. The WASM schema engine leaves a 10 s
 * timer behind after taking its advisory lock, so the process lingers after
 * its work is committed: resolves once it has printed "marked as applied" (the
 * row is written), and `exited` settles when the process is gone.
 */
function markApplied(name: string): { recorded: Promise<void>; exited: Promise<void> } {
  const child = spawn(process.execPath, [PRISMA_CLI, "migrate", "resolve", "--applied", name], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
  let output = "";
  let onRecorded = () => {};
  const recorded = new Promise<void>((resolve) => (onRecorded = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes(`Migration ${name} marked as applied`)) onRecorded();
  });
  const exited = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate resolve --applied ${name} failed:\n${output}`)))),
  );
  return { recorded: Promise.race([recorded, exited]), exited };
}

async function migratePostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK]);
    const {
      rows: [{ exists }],
    } = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists");
    const applied = new Map<string, string>();
    if (exists) {
      const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations",
      );
      for (const row of rows) if (row.finished_at && !row.rolled_back_at) applied.set(row.migration_name, row.checksum);
    }
    const folders = fs
      .readdirSync(PG_MIGRATIONS, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    for (const name of applied.keys()) {
      if (!folders.includes(name)) console.warn(`Warning: migration ${name} is applied in the database but not in ${PG_MIGRATIONS}.`);
    }
    let count = 0;
    const lingering: Promise<void>[] = [];
    for (const name of folders) {
      const file = path.join(PG_MIGRATIONS, name, "migration.sql");
      const checksum = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
      if (applied.has(name)) {
        if (applied.get(name) !== checksum) throw new Error(`Migration ${name} was changed after it was applied to this database.`);
        continue;
      }
      console.log(`Applying migration \`${name}\``);
      prisma(["db", "execute", "--file", file, "--schema", PRISMA_SCHEMA.postgresql]);
      const { recorded, exited } = markApplied(name);
      lingering.push(exited);
      await recorded;
      count++;
    }
    await Promise.all(lingering);
    console.log(count ? `Applied ${count} migration(s) to ${redactUrl(url)}.` : `No pending migrations: ${redactUrl(url)} is up to date.`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  if (databaseKind(url) === "postgresql") {
    await migratePostgres();
  } else {
    execFileSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "migrate", "deploy"], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url },
    });
    // npm start runs one worker per core, each with its own connection: in
    // write-ahead-log mode readers never wait for a writer (one writer at a
    // time, others wait up to the 5 s busy timeout). The mode is kept in the file.
    const file = new Database(sqlitePath(url));
    try {
      file.pragma("journal_mode = WAL");
    } finally {
      file.close();
    }
  }
  const db = createClient(url);
  try {
    const ran = await runDataMigrations(db);
    for (const name of ran) console.log(`Applied data migration "${name}".`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
