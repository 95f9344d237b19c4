/**
 * The office edits an assessment group's rubric: zod-checked rows, audited
 * before/after; once the group has scored anyone in the year its points are
 * fixed (re-weighting, adding or removing an item is refused), names and order
 * may still change; other years stay free.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { rubricInput } from "@/lib/org/schemas";
import { RUBRIC_LOCKED, saveRubric } from "@/lib/org/writes";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createOffice } from "@/lib/testing/users";

let t: TestDb;
let admin: SessionUser;
let groupId: string;

before(async () => {
  t = await createTestDb();
  admin = await createOffice(t.db);
  const keyTask = await t.db.keyTask.create({ data: { code: "k1", name: "项目建设" } });
  groupId = (await t.db.assessmentGroup.create({ data: { name: "项目建设考核组", keyTaskId: keyTask.id } })).id;
});
after(() => t.cleanup());

const form = (year: number, rows: { id?: string; name: string; max: string }[]) =>
  rubricInput.parse({
    groupId,
    year: String(year),
    ...Object.fromEntries(rows.flatMap((r, i) => [...(r.id ? [[`id_${i}`, r.id]] : []), [`name_${i}`, r.name], [`max_${i}`, r.max]])),
  });

const items = (year: number) =>
  t.db.rubricItem.findMany({ where: { groupId, year }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, maxPoints: true } });

test("the form's rows are checked in Chinese; empty rows are dropped", () => {
  const bad = rubricInput.safeParse({ groupId, year: "2026", name_0: "进度", max_0: "0", name_1: "", max_1: "30", name_2: "进度", max_2: "20" });
  assert.equal(bad.success, false);
  const messages = bad.error!.issues.map((i) => `${String(i.path[0])}：${i.message}`);
  assert.ok(messages.some((m) => /^max_0：第 1 项：满分为大于 0/.test(m)));
  assert.ok(messages.some((m) => /^name_1：第 2 项：请填写考核项目/.test(m)));
  assert.equal(rubricInput.safeParse({ groupId, year: "2026", name_0: "", max_0: "" }).error?.issues[0].message, "考核细则至少要有一项");
  assert.deepEqual(
    form(2026, [
      { name: "进度", max: "60" },
      { name: "", max: "" },
      { name: "质量", max: "40.5" },
    ]).items,
    [
      { id: null, name: "进度", maxPoints: 60 },
      { id: null, name: "质量", maxPoints: 40.5 },
    ],
  );
});

test("only the office saves a rubric; each save is audited before/after", async () => {
  assert.equal((await saveRubric(t.db, { ...admin, role: "ASSESSOR" }, form(2026, [{ name: "进度", max: "60" }]))).ok, false);
  const saved = await saveRubric(
    t.db,
    admin,
    form(2026, [
      { name: "进度", max: "60" },
      { name: "质量", max: "40" },
    ]),
  );
  assert.ok(saved.ok);
  const [progress, quality] = await items(2026);
  assert.deepEqual([progress.name, quality.name], ["进度", "质量"]);
  // Before any score: re-weighting, removing and adding are free; names may swap.
  const changed = await saveRubric(
    t.db,
    admin,
    form(2026, [
      { id: quality.id, name: "进度", max: "50" },
      { id: progress.id, name: "质量", max: "30" },
      { name: "群众评价", max: "20" },
    ]),
  );
  assert.ok(changed.ok, JSON.stringify(changed));
  assert.deepEqual(
    (await items(2026)).map((i) => [i.name, i.maxPoints]),
    [
      ["进度", 50],
      ["质量", 30],
      ["群众评价", 20],
    ],
  );
  const log = await t.db.auditLog.findMany({ where: { action: "group.rubric", entityId: groupId }, orderBy: { createdAt: "asc" } });
  assert.equal(log.length, 2);
  assert.deepEqual(
    JSON.parse(log[1].before!).items.map((i: { name: string }) => i.name),
    ["进度", "质量"],
  );
  assert.equal(JSON.parse(log[1].after!).items.length, 3);
  assert.equal(JSON.parse(log[1].after!).year, 2026);
});

test("once the group has scored in the year, its points are fixed; names and order are not; other years stay free", async () => {
  const unit = await t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN" } });
  const assessor = await t.db.user.create({ data: { username: "assessor", name: "考核员", role: "ASSESSOR", passwordHash: "x" } });
  const quarter = await t.db.quarter.create({ data: { year: 2026, number: 4 } });
  const [a, b, c] = await items(2026);
  await t.db.groupScore.create({
    data: { quarterId: quarter.id, groupId, unitId: unit.id, assessorId: assessor.id, items: { create: [{ rubricItemId: a.id, points: 40 }] } },
  });
  const rows = [
    { id: a.id, name: a.name, max: String(a.maxPoints) },
    { id: b.id, name: b.name, max: String(b.maxPoints) },
    { id: c.id, name: c.name, max: String(c.maxPoints) },
  ];
  for (const attempt of [rows.map((r, i) => (i === 0 ? { ...r, max: "60" } : r)), rows.slice(0, 2), [...rows, { name: "新项目", max: "5" }]]) {
    const refused = await saveRubric(t.db, admin, form(2026, attempt));
    assert.ok(!refused.ok);
    assert.equal(refused.message, RUBRIC_LOCKED);
  }
  assert.deepEqual(
    (await items(2026)).map((i) => i.maxPoints),
    [50, 30, 20],
    "nothing changed",
  );
  const renamed = await saveRubric(t.db, admin, form(2026, [rows[2], { ...rows[0], name: "工作进度" }, rows[1]]));
  assert.ok(renamed.ok);
  assert.deepEqual(
    (await items(2026)).map((i) => i.name),
    ["群众评价", "工作进度", "质量"],
  );
  assert.ok((await saveRubric(t.db, admin, form(2027, [{ name: "进度", max: "100" }]))).ok, "next year's rubric is free");
  assert.equal((await items(2027)).length, 1);
});

test("an item id from elsewhere is refused", async () => {
  const refused = await saveRubric(t.db, admin, form(2027, [{ id: "nope", name: "进度", max: "100" }]));
  assert.ok(!refused.ok);
  assert.match(refused.message, /刷新页面/);
});
