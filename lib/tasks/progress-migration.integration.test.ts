/**
 * The data migration that starts the progress history: each current value
 * becomes one MIGRATION event at its last update, once; values that already
 * have a history are left alone — on SQLite and PostgreSQL.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { DATA_MIGRATIONS } from "@/lib/data-migrations";
import { progressAsOf } from "@/lib/tasks/progress-events";
import { migrateValuesToEvents, progressHistoryStep } from "@/lib/tasks/progress-migration";
import { testDbForFile } from "@/lib/testing/file-db";

const t = testDbForFile();

test("is a shipped step, and ran on the freshly migrated (empty) database", async () => {
  assert.ok(DATA_MIGRATIONS.includes(progressHistoryStep));
  assert.ok(await t.db.dataMigration.findUnique({ where: { name: progressHistoryStep.name } }));
  assert.equal(await t.db.progressEvent.count(), 0);
});

test("each current value becomes one event at its last update; a second run writes nothing", async () => {
  const unitId = (await t.db.unit.create({ data: { code: "M1", name: "迁移镇", kind: "TOWN" } })).id;
  // 2026-09-30 20:00 UTC is 1 October in the district.
  const updatedAt = new Date("2026-09-30T20:00:00Z");
  const task = await t.db.task.create({
    data: {
      year: 2026,
      unitId,
      title: "拆迁 120 户",
      target: 120,
      measure: "户",
      valueReached: 80,
      deadline: "2026-12-31",
      milestones: {
        create: [
          { title: "累计 60 户", dueDate: "2026-09-30", target: 60, valueReached: 60 },
          { title: "累计 120 户", dueDate: "2026-12-31", target: 120, valueReached: 0 },
        ],
      },
    },
    include: { milestones: { orderBy: { target: "asc" } } },
  });
  await t.db.$executeRaw`UPDATE "Task" SET "updatedAt" = ${updatedAt} WHERE "id" = ${task.id}`;
  await t.db.$executeRaw`UPDATE "Milestone" SET "updatedAt" = ${new Date("2026-09-20T02:00:00Z")} WHERE "id" = ${task.milestones[0].id}`;
  const untouched = await t.db.task.create({ data: { year: 2026, unitId, title: "未开始", target: 5, measure: "个", deadline: "2026-12-31" } });
  // A value that already has its history (written by new code) keeps it.
  const tracked = await t.db.task.create({
    data: { year: 2026, unitId, title: "已有历史", target: 5, measure: "个", valueReached: 3, deadline: "2026-12-31" },
  });
  await t.db.progressEvent.create({ data: { taskId: tracked.id, date: "2026-11-01", at: new Date(), source: "UNIT_UPDATE", delta: 3, valueAfter: 3 } });

  const written = await t.db.$transaction((tx) => migrateValuesToEvents(tx));
  assert.equal(written, 2);
  const events = await t.db.progressEvent.findMany({ where: { source: "MIGRATION" }, orderBy: { delta: "asc" } });
  assert.deepEqual(
    events.map((e) => [e.taskId, e.milestoneId, e.date, e.at.toISOString(), e.delta, e.valueAfter, e.actorId]),
    [
      [task.id, task.milestones[0].id, "2026-09-20", "2026-09-20T02:00:00.000Z", 60, 60, null],
      [task.id, null, "2026-10-01", updatedAt.toISOString(), 80, 80, null],
    ],
  );
  assert.equal(await t.db.progressEvent.count({ where: { taskId: { in: [untouched.id, tracked.id] } } }), 1);

  assert.equal(await t.db.$transaction((tx) => progressHistoryStep.run(tx).then(() => migrateValuesToEvents(tx))), 0);
  assert.equal(await t.db.progressEvent.count(), 3);

  const asOf = await progressAsOf(t.db, [task.id], "2026-09-30");
  assert.equal(asOf.get(task.id)!.value, 0, "the task's value counts from its last update");
  assert.equal(asOf.get(task.id)!.milestones[0].reachedOn, "2026-09-20");
});
