/**
 * The derivation rules, on temporary project folders with a stand-in for
 * `prisma migrate diff` (the real one runs in `npm run db:check`).
 */
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, test } from "node:test";
import {
  apply,
  type Differ,
  newMigration,
  newMigrationName,
  normalizeSql,
  PG_MIGRATIONS,
  PG_SCHEMA,
  plan,
  SQLITE_MIGRATIONS,
  staleness,
  toPostgresSchema,
} from "@/lib/db-schema/derive";

const SOURCE = `generator client {
  provider   = "prisma-client"
  output     = "../lib/generated/prisma"
  engineType = "client"
}

datasource db {
  provider = "sqlite"
  url      = env("DATABASE_URL")
}

model Unit {
  id String @id
}
`;

/** A stand-in for migrate diff: names both schemas by hash, so any change of input changes the output. */
const fakeDiff: Differ = async (from, to, provider) => {
  const h = (text: string | null) => (text === null ? "empty" : crypto.createHash("sha1").update(text).digest("hex").slice(0, 8));
  return from === to ? "-- This is an empty migration.\n" : `-- ${provider}\n-- ${h(from)} -> ${h(to)}\n`;
};

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-derive-"));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

const write = (root: string, file: string, content: string) => fs.writeFileSync(path.join(root, file), content);
const problemsOf = async (root: string) => staleness(root, await plan(root, fakeDiff)).map((p) => p.file);

/** A project with its first SQLite migration and everything derived from it: where each test's change starts. */
async function derivedProject(): Promise<string> {
  const root = project({ "prisma/schema.prisma": SOURCE, [`${SQLITE_MIGRATIONS}/20261127000000_init/migration.sql`]: await fakeDiff(null, SOURCE, "sqlite") });
  apply(root, await plan(root, fakeDiff));
  return root;
}

test("the PostgreSQL schema swaps the provider and the client folder, and says it is generated", () => {
  const pg = toPostgresSchema(SOURCE);
  assert.match(pg, /^\/\/ GENERATED from prisma\/schema\.prisma/);
  assert.match(pg, /provider = "postgresql"/);
  assert.match(pg, /output {5}= "\.\.\/\.\.\/lib\/generated\/prisma-pg"/);
  assert.match(pg, /engineType = "client"/);
  assert.doesNotMatch(pg, /"sqlite"/);
  assert.match(pg, /model Unit \{\n {2}id String @id\n\}/);
  assert.throws(() => toPostgresSchema(SOURCE.replace('"sqlite"', '"mysql"')), /provider = "sqlite"/);
});

test("SQL compares without regard to blank lines and trailing spaces", () => {
  assert.equal(normalizeSql("-- a  \n\n\nCREATE TABLE x;\n\n"), normalizeSql("-- a\nCREATE TABLE x;"));
  assert.notEqual(normalizeSql("CREATE TABLE x;"), normalizeSql("CREATE TABLE y;"));
});

test("a new migration is named after every existing one", () => {
  const now = new Date("2026-11-27T08:30:00Z");
  assert.equal(newMigrationName([], "issue3_tasks", now), "20261127083000_issue3_tasks");
  // Hand-named migrations may be stamped ahead of the clock: the new one still sorts last.
  assert.equal(newMigrationName(["20261127235959_issue5_x"], "issue7_y", now), "20261128000000_issue7_y");
  assert.throws(() => newMigrationName([], "Bad Name", now), /lower-case/);
});

test("derive writes the PostgreSQL schema, the first snapshot and a PostgreSQL migration per SQLite migration; then the check passes", async () => {
  const sql = await fakeDiff(null, SOURCE, "sqlite");
  const root = project({ "prisma/schema.prisma": SOURCE, [`${SQLITE_MIGRATIONS}/20261127000000_init/migration.sql`]: sql });
  const expected = [PG_SCHEMA, `${SQLITE_MIGRATIONS}/20261127000000_init/schema.prisma`, `${PG_MIGRATIONS}/20261127000000_init/migration.sql`].sort();
  assert.deepEqual((await problemsOf(root)).sort(), expected);
  const changed = apply(root, await plan(root, fakeDiff));
  assert.deepEqual(changed.sort(), expected);
  assert.equal(fs.readFileSync(path.join(root, PG_MIGRATIONS, "20261127000000_init/migration.sql"), "utf8"), await fakeDiff(null, SOURCE, "postgresql"));
  assert.deepEqual(await problemsOf(root), []);
});

test("the check fails on a schema change without a migration, and db:new-migration fixes it for both databases", async () => {
  const root = await derivedProject();

  const changed = SOURCE.replace("id String @id", "id String @id\n  name String");
  write(root, "prisma/schema.prisma", changed);
  assert.deepEqual(await problemsOf(root), ["prisma/schema.prisma", PG_SCHEMA]);

  const folder = await newMigration(root, "issue7_unit_name", fakeDiff, new Date("2026-11-28T01:00:00Z"));
  assert.equal(folder, "20261128010000_issue7_unit_name");
  assert.equal(fs.readFileSync(path.join(root, SQLITE_MIGRATIONS, folder, "schema.prisma"), "utf8"), changed);
  apply(root, await plan(root, fakeDiff));
  assert.equal(fs.readFileSync(path.join(root, PG_MIGRATIONS, folder, "migration.sql"), "utf8"), await fakeDiff(SOURCE, changed, "postgresql"));
  assert.deepEqual(await problemsOf(root), []);
  await assert.rejects(newMigration(root, "again", fakeDiff), /no changes/);
});

test("the check fails on a stale or missing PostgreSQL migration, a stray PostgreSQL folder and an edited PostgreSQL schema", async () => {
  const root = await derivedProject();

  write(root, `${PG_MIGRATIONS}/20261127000000_init/migration.sql`, "-- edited by hand\n");
  fs.mkdirSync(path.join(root, PG_MIGRATIONS, "20261130000000_orphan"));
  write(root, PG_SCHEMA, "// edited\n");
  assert.deepEqual(
    (await problemsOf(root)).sort(),
    [`${PG_MIGRATIONS}/20261127000000_init/migration.sql`, `${PG_MIGRATIONS}/20261130000000_orphan/`, PG_SCHEMA].sort(),
  );
  apply(root, await plan(root, fakeDiff));
  assert.deepEqual(await problemsOf(root), []);
});

test("a migration merged from a branch without a snapshot takes the source schema when it is the newest", async () => {
  const root = await derivedProject();
  // Another engineer's migration, written by hand with migrate diff from the previous schema.
  const changed = SOURCE.replace("id String @id", "id String @id\n  code String");
  write(root, "prisma/schema.prisma", changed);
  fs.mkdirSync(path.join(root, SQLITE_MIGRATIONS, "20261127120000_issue3_code"));
  write(root, `${SQLITE_MIGRATIONS}/20261127120000_issue3_code/migration.sql`, await fakeDiff(SOURCE, changed, "sqlite"));

  assert.ok((await problemsOf(root)).includes(`${PG_MIGRATIONS}/20261127120000_issue3_code/migration.sql`));
  apply(root, await plan(root, fakeDiff));
  assert.equal(fs.readFileSync(path.join(root, SQLITE_MIGRATIONS, "20261127120000_issue3_code/schema.prisma"), "utf8"), changed);
  assert.deepEqual(await problemsOf(root), []);
});

test("a SQLite migration that is not the diff between its snapshots is reported (written from another schema)", async () => {
  const root = project({ "prisma/schema.prisma": SOURCE, [`${SQLITE_MIGRATIONS}/20261127000000_init/migration.sql`]: "-- something else\n" });
  const problems = staleness(root, await plan(root, fakeDiff));
  const problem = problems.find((p) => p.file === `${SQLITE_MIGRATIONS}/20261127000000_init/migration.sql`);
  assert.match(problem?.message ?? "", /not what `prisma migrate diff` gives/);
});

test("an older migration without a snapshot and outside git history is a problem, not a guess", async () => {
  const root = project({ "prisma/schema.prisma": SOURCE });
  for (const name of ["20261127000000_init", "20261127120000_issue3_x"]) {
    fs.mkdirSync(path.join(root, SQLITE_MIGRATIONS, name), { recursive: true });
    write(root, `${SQLITE_MIGRATIONS}/${name}/migration.sql`, "-- x\n");
  }
  const { problems } = await plan(root, fakeDiff);
  assert.equal(problems[0].file, `${SQLITE_MIGRATIONS}/20261127000000_init/schema.prisma`);
  assert.match(problems[0].message, /no schema snapshot/);
});
