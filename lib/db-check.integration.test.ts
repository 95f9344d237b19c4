/**
 * The start-up database check on a real database: a usable database passes; an
 * unmigrated one, one behind this code's migrations, an unreachable server and
 * a foreign URL each stop the start with a message that says what to do.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkDatabase, describeDatabaseError } from "@/lib/db-check";
import { testDbForFile } from "@/lib/testing/file-db";

const t = testDbForFile();

test("a migrated database passes", async () => {
  assert.equal(await checkDatabase(t.url), null);
});

test("a database behind this code's migrations is refused, naming them", async () => {
  const [latest] = await t.db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
  await t.db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = finished_at WHERE migration_name = ${latest.migration_name}`;
  try {
    const problem = await checkDatabase(t.url);
    assert.match(problem ?? "", /not applied/);
    assert.ok(problem?.includes(latest.migration_name));
    assert.match(problem ?? "", /npm run db:migrate/);
  } finally {
    await t.db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${latest.migration_name}`;
  }
});

test("an unmigrated database is refused with the command to run", async () => {
  await t.db.$executeRawUnsafe('ALTER TABLE "User" RENAME TO "User_away"');
  try {
    const problem = await checkDatabase(t.url);
    assert.match(problem ?? "", /not migrated/);
    assert.match(problem ?? "", /npm run db:migrate/);
  } finally {
    await t.db.$executeRawUnsafe('ALTER TABLE "User_away" RENAME TO "User"');
  }
});

test("an unreachable PostgreSQL server is named, without its password", async () => {
  const problem = await checkDatabase("postgresql://shaitai:s3cret@127.0.0.1:1/shaitai");
  assert.match(problem ?? "", /Shaitai cannot start: PostgreSQL at postgresql:\/\/shaitai:\*\*\*@127\.0\.0\.1:1\/shaitai is not reachable/);
  assert.ok(!problem?.includes("s3cret"));
});

test("a missing SQLite file or a foreign URL is refused", async () => {
  assert.match((await checkDatabase("file:/nonexistent/dir/shaitai.db")) ?? "", /does not exist.*npm run db:migrate/);
  assert.match((await checkDatabase("mysql://root@localhost/shaitai")) ?? "", /must start with file: .* or postgresql:\/\//);
});

test("access denied and a missing database get their own advice", () => {
  const url = "postgresql://u:p@db.example:5432/shaitai";
  assert.match(describeDatabaseError({ code: "P1010", message: "x" }, url), /access denied.*user name and password/);
  assert.match(describeDatabaseError({ code: "P1003", message: "x" }, url), /does not exist\. Create it/);
});
