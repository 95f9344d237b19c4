/**
 * One source schema, two databases. `prisma/schema.prisma` (SQLite) is the only
 * schema anyone edits; the PostgreSQL schema and its migrations are derived
 * from it here, by Prisma's own `migrate diff`:
 *
 * - `prisma/postgres/schema.prisma` = the source with the provider swapped and
 *   its own generated client (`lib/generated/prisma-pg`).
 * - every SQLite migration folder `prisma/migrations/<name>/` holds, beside its
 *   `migration.sql`, a copy of the source schema as it was after that
 *   migration (`schema.prisma`, the snapshot). The PostgreSQL migration of the
 *   same name is `migrate diff` from the previous snapshot to this one, for
 *   the postgresql provider.
 *
 * A snapshot is filled in when missing (a migration written by hand, or
 * merged from a branch that did not have this tool): for the newest
 * migration from the working tree's source schema; for an older one from the
 * first-parent git history (the source schema of the commit that added the
 * migration — on a merge, the merged schema). The check then proves each
 * SQLite migration is exactly what `migrate diff` gives between its
 * snapshots, so a wrong snapshot cannot slip through.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const SOURCE_SCHEMA = "prisma/schema.prisma";
export const SQLITE_MIGRATIONS = "prisma/migrations";
export const PG_SCHEMA = "prisma/postgres/schema.prisma";
export const PG_MIGRATIONS = "prisma/postgres/migrations";
export const SNAPSHOT = "schema.prisma";
export const MIGRATION = "migration.sql";

const HEADER = [
  "// GENERATED from prisma/schema.prisma by `npm run db:derive` — do not edit.",
  "// The PostgreSQL variant of the one source schema: same models, its own",
  "// client (lib/generated/prisma-pg) and migrations (prisma/postgres/migrations).",
  "",
].join("\n");

/** The source schema text with the provider swapped to postgresql and its own client output. */
export function toPostgresSchema(source: string): string {
  let providers = 0;
  let outputs = 0;
  const swapped = source
    .replace(/(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/, (_m, head: string) => {
      providers++;
      return `${head}"postgresql"`;
    })
    .replace(/(generator\s+\w+\s*\{[^}]*?output\s*=\s*)"([^"]+)"/, (_m, head: string, output: string) => {
      outputs++;
      // Output is relative to the schema file; the derived schema sits one folder deeper.
      const target = `${path.posix.join("prisma", output)}-pg`;
      return `${head}"${path.posix.relative("prisma/postgres", target)}"`;
    });
  if (providers !== 1) throw new Error(`${SOURCE_SCHEMA}: expected one datasource with provider = "sqlite".`);
  if (outputs !== 1) throw new Error(`${SOURCE_SCHEMA}: expected one generator with an output folder.`);
  return HEADER + swapped;
}

/** Whitespace-insensitive form of a migration script, for comparing SQL. */
export function normalizeSql(sql: string): string {
  return sql
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line !== "")
    .join("\n");
}

type Provider = "sqlite" | "postgresql";

/** `prisma migrate diff` between two schema texts (null = empty database), as a script. */
export type Differ = (from: string | null, to: string, provider: Provider) => Promise<string>;

/** The real differ: Prisma's CLI on temporary schema files. */
export function prismaDiffer(root: string): Differ {
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  return async (from, to, provider) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-diff-"));
    try {
      const file = (name: string, text: string) => {
        const target = path.join(dir, name);
        fs.writeFileSync(target, provider === "postgresql" ? toPostgresSchema(text) : text);
        return target;
      };
      const args = ["migrate", "diff"];
      args.push(...(from === null ? ["--from-empty"] : ["--from-schema-datamodel", file("from.prisma", from)]));
      args.push("--to-schema-datamodel", file("to.prisma", to), "--script");
      // DATABASE_URL must resolve for the CLI to read the schema offline (stack.md);
      // the diff never connects.
      const { stdout } = await run(process.execPath, [cli, ...args], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "unused.db")}` },
        maxBuffer: 64 * 1024 * 1024,
      });
      return stdout;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

export type Problem = { file: string; message: string };

export type Plan = {
  /** files to write (relative path → content) */
  writes: Map<string, string>;
  /** folders to delete under the PostgreSQL migrations */
  removals: string[];
  /** what cannot be fixed by writing files */
  problems: Problem[];
};

export function listMigrations(root: string, folder = SQLITE_MIGRATIONS): string[] {
  const dir = path.join(root, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function read(root: string, file: string): string | null {
  const target = path.join(root, file);
  return fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;
}

/** The source schema of the first first-parent commit that added a migration, or null. */
export async function snapshotFromGit(root: string, migration: string): Promise<string | null> {
  try {
    const { stdout } = await run("git", ["log", "--first-parent", "--diff-filter=A", "--format=%H", "--", `${SQLITE_MIGRATIONS}/${migration}/${MIGRATION}`], {
      cwd: root,
    });
    const commit = stdout.trim().split("\n").filter(Boolean).pop();
    if (!commit) return null;
    return (await run("git", ["show", `${commit}:${SOURCE_SCHEMA}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch {
    return null;
  }
}

async function inPairs<T>(jobs: (() => Promise<T>)[], width = Math.max(1, Math.min(2, os.availableParallelism()))): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const index = next++;
        results[index] = await jobs[index]();
      }
    }),
  );
  return results;
}

/**
 * Works out what the derived files must be. Nothing is written: derive()
 * writes the plan, check() reports any difference as a problem.
 */
export async function plan(root: string, diff: Differ = prismaDiffer(root)): Promise<Plan> {
  const writes = new Map<string, string>();
  const problems: Problem[] = [];
  const source = read(root, SOURCE_SCHEMA);
  if (source === null) throw new Error(`${SOURCE_SCHEMA} is missing.`);

  writes.set(PG_SCHEMA, toPostgresSchema(source));

  const names = listMigrations(root);
  const snapshots: string[] = [];
  for (const [index, name] of names.entries()) {
    const file = `${SQLITE_MIGRATIONS}/${name}/${SNAPSHOT}`;
    let snapshot = read(root, file);
    if (snapshot === null) {
      snapshot = index === names.length - 1 ? source : await snapshotFromGit(root, name);
      if (snapshot === null) {
        problems.push({
          file,
          message:
            "no schema snapshot, and git history does not say which source schema this migration was made from. " +
            `Put a copy of ${SOURCE_SCHEMA} as it was right after this migration at ${file}.`,
        });
        return { writes, removals: [], problems };
      }
      writes.set(file, snapshot);
    }
    snapshots.push(snapshot);
  }

  const jobs: (() => Promise<void>)[] = [];
  names.forEach((name, index) => {
    const previous = index === 0 ? null : snapshots[index - 1];
    jobs.push(async () => {
      writes.set(`${PG_MIGRATIONS}/${name}/${MIGRATION}`, await diff(previous, snapshots[index], "postgresql"));
    });
    jobs.push(async () => {
      const expected = await diff(previous, snapshots[index], "sqlite");
      const actual = read(root, `${SQLITE_MIGRATIONS}/${name}/${MIGRATION}`) ?? "";
      if (normalizeSql(expected) !== normalizeSql(actual)) {
        problems.push({
          file: `${SQLITE_MIGRATIONS}/${name}/${MIGRATION}`,
          message:
            "is not what `prisma migrate diff` gives between the schema snapshots before and after it — it was written " +
            "from another schema (a branch merged after it changed the same tables?) or edited by hand. Make it again " +
            "from the previous migration's snapshot, or fix this migration's snapshot.",
        });
      }
    });
  });
  const last = snapshots.at(-1) ?? null;
  if (last !== source) {
    jobs.push(async () => {
      const pending = await diff(last, source, "sqlite");
      if (
        normalizeSql(pending)
          .replace(/^-- This is an empty migration\.$/m, "")
          .trim() !== ""
      ) {
        problems.push({
          file: SOURCE_SCHEMA,
          message: "has changes that no migration holds. Run `npm run db:new-migration -- <what_changed>`.",
        });
      }
    });
  }
  await inPairs(jobs);

  const wanted = new Set(names);
  const removals = listMigrations(root, PG_MIGRATIONS).filter((name) => !wanted.has(name));
  return { writes, removals, problems };
}

/** Writes the plan's files; returns the paths that changed. */
export function apply(root: string, { writes, removals }: Plan): string[] {
  const changed: string[] = [];
  for (const [file, content] of writes) {
    if (read(root, file) === content) continue;
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
    changed.push(file);
  }
  for (const name of removals) {
    fs.rmSync(path.join(root, PG_MIGRATIONS, name), { recursive: true, force: true });
    changed.push(`${PG_MIGRATIONS}/${name}/`);
  }
  return changed;
}

/** Every difference between the files on disk and the plan, as problems. */
export function staleness(root: string, { writes, removals, problems }: Plan): Problem[] {
  const found = [...problems];
  for (const [file, content] of writes) {
    const actual = read(root, file);
    if (actual === content) continue;
    const what = file.endsWith(SNAPSHOT) && file.startsWith(SQLITE_MIGRATIONS) ? "schema snapshot" : "derived file";
    found.push({ file, message: actual === null ? `${what} is missing.` : `${what} is out of date with ${SOURCE_SCHEMA}.` });
  }
  for (const name of removals) found.push({ file: `${PG_MIGRATIONS}/${name}/`, message: "has no SQLite migration of that name." });
  return found;
}

/** The folder name for a new migration: a UTC timestamp after every existing one, then the name. */
export function newMigrationName(existing: readonly string[], name: string, now = new Date()): string {
  if (!/^[a-z0-9]+(_[a-z0-9]+)*$/.test(name)) {
    throw new Error(`Migration name "${name}": use lower-case letters, digits and underscores (e.g. issue3_task_import).`);
  }
  let stamp = Number(now.toISOString().replace(/\D/g, "").slice(0, 14));
  const last = existing.at(-1);
  if (last) stamp = Math.max(stamp, nextStamp(last.slice(0, 14)));
  return `${stamp}_${name}`;
}

/** The timestamp one second after a YYYYMMDDHHMMSS stamp. */
function nextStamp(stamp: string): number {
  const date = new Date(
    Date.UTC(+stamp.slice(0, 4), +stamp.slice(4, 6) - 1, +stamp.slice(6, 8), +stamp.slice(8, 10), +stamp.slice(10, 12), +stamp.slice(12, 14) + 1),
  );
  return Number(date.toISOString().replace(/\D/g, "").slice(0, 14));
}

/**
 * Writes a new SQLite migration (with its snapshot) for the source schema's
 * pending changes; the caller then derives the PostgreSQL side.
 */
export async function newMigration(root: string, name: string, diff: Differ = prismaDiffer(root), now = new Date()): Promise<string> {
  const existing = listMigrations(root);
  const folder = newMigrationName(existing, name, now);
  const source = read(root, SOURCE_SCHEMA);
  if (source === null) throw new Error(`${SOURCE_SCHEMA} is missing.`);
  const last = existing.length ? read(root, `${SQLITE_MIGRATIONS}/${existing.at(-1)}/${SNAPSHOT}`) : null;
  if (existing.length && last === null) {
    throw new Error(`${SQLITE_MIGRATIONS}/${existing.at(-1)} has no schema snapshot: run \`npm run db:derive\` first.`);
  }
  const sql = await diff(last, source, "sqlite");
  if (
    normalizeSql(sql)
      .replace(/^-- This is an empty migration\.$/m, "")
      .trim() === ""
  ) {
    throw new Error(`${SOURCE_SCHEMA} has no changes since the last migration: nothing to write.`);
  }
  fs.mkdirSync(path.join(root, SQLITE_MIGRATIONS, folder), { recursive: true });
  fs.writeFileSync(path.join(root, SQLITE_MIGRATIONS, folder, MIGRATION), sql);
  fs.writeFileSync(path.join(root, SQLITE_MIGRATIONS, folder, SNAPSHOT), source);
  return folder;
}
