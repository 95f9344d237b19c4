/**
 * Backups of the embedded SQLite database, taken while the app runs.
 * better-sqlite3's backup() is SQLite's online backup API: it copies page by
 * page and starts again if another connection writes meanwhile, so the copy is
 * one consistent state of the database — unlike `cp`, which can catch a file
 * half-way through a transaction. PostgreSQL is backed up with pg_dump (README).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** The file behind a SQLite file: URL. */
export function sqlitePath(url: string): string {
  if (!url.startsWith("file:"))
    throw new Error("db:backup copies the embedded SQLite database; back up PostgreSQL with pg_dump (README, Deploying for a city).");
  return url.slice("file:".length);
}

/** Fails unless the file is a sound SQLite database. */
export function assertIntact(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`${file} is damaged: ${String(result)}`);
  } finally {
    db.close();
  }
}

/** Copies the live database at `url` to `target`, consistently, and checks the copy. */
export async function backupSqlite(url: string, target: string): Promise<{ bytes: number }> {
  const source = sqlitePath(url);
  if (!fs.existsSync(source)) throw new Error(`There is no database file at ${source}.`);
  if (fs.existsSync(target)) throw new Error(`${target} exists already: choose another name.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  try {
    // 1,000 pages (4 MB) per step, yielding between steps so writers carry on.
    // SQLite restarts the copy when another connection writes meanwhile; after
    // a few restarts, copy the rest in one step (a brief read lock) so a busy
    // database cannot keep the backup from finishing.
    let restarts = 0;
    let remaining = Infinity;
    await db.backup(target, {
      progress: ({ remainingPages }) => {
        if (remainingPages > remaining) restarts++;
        remaining = remainingPages;
        return restarts >= 3 ? 0 : 1000;
      },
    });
  } finally {
    db.close();
  }
  assertIntact(target);
  return { bytes: fs.statSync(target).size };
}

/**
 * Puts a backup in place of the database at `url` (the app must be stopped).
 * The current file is kept beside it as `<name>.before-restore-<time>`.
 */
export function restoreSqlite(backup: string, url: string, now = new Date()): { kept: string | null } {
  const target = sqlitePath(url);
  assertIntact(backup);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    kept = `${target}.before-restore-${now.toISOString().replace(/\D/g, "").slice(0, 14)}`;
    fs.renameSync(target, kept);
  }
  // A journal left by the old file would be replayed into the restored one.
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${suffix}`, { force: true });
  const temporary = `${target}.restoring`;
  fs.copyFileSync(backup, temporary);
  fs.renameSync(temporary, target);
  return { kept };
}
