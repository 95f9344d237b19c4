/**
 * Backups, restored and used: on SQLite `npm run db:backup`'s online copy taken
 * while the app writes, then `db:restore`; on PostgreSQL the README's
 * pg_dump / pg_restore round trip.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import pg from "pg";
import { assertIntact, backupSqlite, restoreSqlite } from "@/lib/backup";
import { createClient } from "@/lib/db-client";
import { checkDatabase } from "@/lib/db-check";
import { postgresBinDir } from "@/lib/testing/postgres-server";
import { createTestDb, databaseUrl, type TestDb } from "@/lib/testing/test-db";

let t: TestDb;
let dir: string;

before(async () => {
  t = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-backup-"));
  const unit = await t.db.unit.create({ data: { code: "B1", name: "备份镇", kind: "TOWN" } });
  await t.db.user.create({ data: { username: "backup-rep", name: "备份", role: "REPORTER", unitId: unit.id, passwordHash: "x" } });
});
after(async () => {
  await t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes pairs of login attempts, one pair per transaction, every few milliseconds until stopped. */
function startWriter() {
  let running = true;
  let pairs = 0;
  const done = (async () => {
    while (running) {
      await t.db.$transaction([
        t.db.loginAttempt.create({ data: { username: "pair", ip: String(pairs), success: false } }),
        t.db.loginAttempt.create({ data: { username: "pair", ip: String(pairs), success: true } }),
      ]);
      pairs++;
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  })();
  return { stop: async () => ((running = false), await done, pairs) };
}

test("SQLite: an online backup taken while the app writes restores to a consistent, usable database", async (ctx) => {
  if (t.kind !== "sqlite") return ctx.skip("SQLite only (this run is on PostgreSQL)");
  const writer = startWriter();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const file = path.join(dir, "shaitai-backup.db");
  const { bytes } = await backupSqlite(t.url, file);
  const written = await writer.stop();
  assert.ok(bytes > 0);

  const restoredUrl = `file:${path.join(dir, "restored", "shaitai.db")}`;
  assert.deepEqual(restoreSqlite(file, restoredUrl), { kept: null });
  assert.equal(await checkDatabase(restoredUrl), null);
  const restored = createClient(restoredUrl);
  try {
    assert.equal(await restored.user.count({ where: { username: "backup-rep" } }), 1);
    const attempts = await restored.loginAttempt.count({ where: { username: "pair" } });
    // One consistent state: whole transactions only, none from after the copy finished.
    assert.equal(attempts % 2, 0, `${attempts} rows: half a transaction was copied`);
    assert.ok(attempts / 2 <= written, `${attempts / 2} pairs restored, ${written} written`);
  } finally {
    await restored.$disconnect();
  }
});

test("SQLite: a restore keeps the file it replaces; a damaged backup is refused", async (ctx) => {
  if (t.kind !== "sqlite") return ctx.skip("SQLite only (this run is on PostgreSQL)");
  const file = path.join(dir, "second.db");
  await backupSqlite(t.url, file);
  await assert.rejects(backupSqlite(t.url, file), /exists already/);

  const targetUrl = `file:${path.join(dir, "live.db")}`;
  fs.writeFileSync(path.join(dir, "live.db"), fs.readFileSync(file));
  const { kept } = restoreSqlite(file, targetUrl, new Date("2026-11-27T10:00:00Z"));
  assert.equal(kept, path.join(dir, "live.db.before-restore-20261127100000"));
  assert.ok(fs.existsSync(kept));

  const damaged = path.join(dir, "damaged.db");
  fs.writeFileSync(damaged, crypto.randomBytes(8192));
  assert.throws(() => assertIntact(damaged));
  assert.throws(() => restoreSqlite(damaged, targetUrl));
  await assert.rejects(backupSqlite("postgresql://x@localhost/db", path.join(dir, "pg.db")), /pg_dump/);
});

test("PostgreSQL: pg_dump and pg_restore (README) give back a usable database", async (ctx) => {
  if (t.kind !== "postgresql") return ctx.skip("PostgreSQL only (this run is on SQLite)");
  const bin = postgresBinDir() ?? "";
  const dump = path.join(dir, "shaitai.dump");
  execFileSync(path.join(bin, "pg_dump"), ["--format=custom", "--no-owner", `--file=${dump}`, t.url]);

  const name = `shaitai_restore_${crypto.randomBytes(4).toString("hex")}`;
  const server = process.env.TEST_POSTGRES_URL!;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const restoredUrl = databaseUrl(server, name);
    execFileSync(path.join(bin, "pg_restore"), ["--no-owner", "--exit-on-error", `--dbname=${restoredUrl}`, dump]);
    assert.equal(await checkDatabase(restoredUrl), null);
    const restored = createClient(restoredUrl);
    try {
      assert.equal(await restored.user.count({ where: { username: "backup-rep" } }), 1);
      assert.equal(await restored.unit.count(), await t.db.unit.count());
    } finally {
      await restored.$disconnect();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});
