/**
 * Data migrations on a real database: a step runs once and is recorded with
 * its rows; a failing step keeps nothing and stays pending; the server refuses
 * to start while a step is pending.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DATA_MIGRATIONS, type DataMigrationStep, pendingDataMigrations, runDataMigrations } from "@/lib/data-migrations";
import { checkDatabase } from "@/lib/db-check";
import { testDbForFile } from "@/lib/testing/file-db";

const t = testDbForFile();

/** A step that writes one Setting row per run, so the test can count its runs. */
function countingStep(name: string): DataMigrationStep {
  return {
    name,
    run: async (tx) => {
      const key = `test.${name}`;
      const row = await tx.setting.findUnique({ where: { key } });
      await tx.setting.upsert({ where: { key }, create: { key, value: "1" }, update: { value: String(Number(row?.value ?? 0) + 1) } });
    },
  };
}

test("the migrated test database has run every shipped step", async () => {
  assert.deepEqual(await pendingDataMigrations(t.db), []);
  const recorded = await t.db.dataMigration.findMany({ select: { name: true } });
  assert.deepEqual(recorded.map((r) => r.name).sort(), DATA_MIGRATIONS.map((s) => s.name).sort());
});

test("a step runs once, in order, and is recorded", async () => {
  const steps = [countingStep("a"), countingStep("b")];
  assert.deepEqual(await runDataMigrations(t.db, steps), ["a", "b"]);
  assert.deepEqual(await runDataMigrations(t.db, steps), []);
  const rows = await t.db.setting.findMany({ where: { key: { in: ["test.a", "test.b"] } }, orderBy: { key: "asc" } });
  assert.deepEqual(
    rows.map((r) => r.value),
    ["1", "1"],
  );
  assert.deepEqual(await pendingDataMigrations(t.db, steps), []);
});

test("a failing step keeps none of its rows and stays pending; the server will not start", async () => {
  const failing: DataMigrationStep = {
    name: "fails halfway",
    run: async (tx) => {
      await tx.setting.create({ data: { key: "test.half", value: "written before the failure" } });
      throw new Error("boom");
    },
  };
  await assert.rejects(runDataMigrations(t.db, [failing]), /Data migration "fails halfway" failed, nothing of it was kept: boom/);
  assert.equal(await t.db.setting.findUnique({ where: { key: "test.half" } }), null);
  assert.deepEqual(await pendingDataMigrations(t.db, [failing]), ["fails halfway"]);
  const problem = await checkDatabase(t.url, [failing]);
  assert.match(problem ?? "", /data migration\(s\) of this version have not run \(fails halfway\).*npm run db:migrate/);
});

test("two steps with one name are refused before anything runs", async () => {
  await assert.rejects(runDataMigrations(t.db, [countingStep("twice"), countingStep("twice")]), /Two data migrations are named "twice"/);
  assert.equal(await t.db.setting.findUnique({ where: { key: "test.twice" } }), null);
});
