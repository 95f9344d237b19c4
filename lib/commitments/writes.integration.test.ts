/**
 * Public commitments against a real SQLite file: drafts, publishing, the
 * freeze (a published version is never changed; a change is a new version),
 * and the unit scope (another unit's commitment or tasks are out of reach).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { commitmentDraftInput } from "@/lib/commitments/schemas";
import { COMMITMENT_FROZEN, deleteCommitmentDraft, saveCommitmentDraft, startCommitmentDraft } from "@/lib/commitments/writes";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { sessionUser } from "@/lib/testing/users";

let t: TestDb;
let headA: SessionUser;
let headB: SessionUser;
let reporterA: SessionUser;
let taskA: string;
let taskB: string;

function draft(id: string, overrides: Partial<Record<string, unknown>> = {}) {
  return commitmentDraftInput.parse({
    id,
    title: "甲镇2026年度公开承诺书",
    preface: "我们承诺：",
    signedBy: "甲镇党委书记 张三",
    pledges: JSON.stringify([
      { text: "年底前完成拆迁120户", taskIds: [taskA] },
      { text: "坚持一日三晒，晒实情", taskIds: [] },
    ]),
    ...overrides,
  });
}

before(async () => {
  t = await createTestDb();
  const [a, b] = await Promise.all([
    t.db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN" } }),
    t.db.unit.create({ data: { code: "B", name: "乙镇", kind: "TOWN" } }),
  ]);
  const mk = async (username: string, role: SessionUser["role"], unitId: string) =>
    sessionUser((await t.db.user.create({ data: { username, name: username, title: "党委书记", role, unitId, passwordHash: "x" } })).id, role, unitId);
  headA = await mk("head-a", "UNIT_HEAD", a.id);
  headB = await mk("head-b", "UNIT_HEAD", b.id);
  reporterA = await mk("rep-a", "REPORTER", a.id);
  const task = (unitId: string, title: string) => t.db.task.create({ data: { unitId, year: 2026, title, target: 120, measure: "户", deadline: "2026-12-31" } });
  taskA = (await task(a.id, "拆迁120户")).id;
  taskB = (await task(b.id, "乙镇任务")).id;
});
after(() => t.cleanup());

test("a unit head drafts, saves and publishes; the published version is frozen", async () => {
  const started = await startCommitmentDraft(t.db, headA, 2026);
  assert.ok(started.ok);
  const id = started.value.id;
  const row = await t.db.commitment.findUniqueOrThrow({ where: { id } });
  assert.deepEqual([row.version, row.status, row.title], [1, "DRAFT", "甲镇2026年度公开承诺书"]);

  // Starting again returns the same open draft.
  const again = await startCommitmentDraft(t.db, headA, 2026);
  assert.deepEqual(again, { ok: true, value: { id } });

  assert.deepEqual(await saveCommitmentDraft(t.db, headA, draft(id)), { ok: true, value: { published: false } });
  assert.deepEqual(await saveCommitmentDraft(t.db, headA, draft(id, { intent: "publish" })), { ok: true, value: { published: true } });
  const published = await t.db.commitment.findUniqueOrThrow({
    where: { id },
    include: { pledges: { include: { tasks: true }, orderBy: { sortOrder: "asc" } } },
  });
  assert.equal(published.status, "PUBLISHED");
  assert.ok(published.publishedAt);
  assert.deepEqual(
    published.pledges.map((p) => [p.text, p.tasks.map((x) => x.taskId)]),
    [
      ["年底前完成拆迁120户", [taskA]],
      ["坚持一日三晒，晒实情", []],
    ],
  );

  const change = await saveCommitmentDraft(t.db, headA, draft(id, { title: "改过的标题" }));
  assert.deepEqual(change, { ok: false, status: 400, message: COMMITMENT_FROZEN });
  const removal = await deleteCommitmentDraft(t.db, headA, { id });
  assert.equal(!removal.ok && removal.message, COMMITMENT_FROZEN);
  assert.equal((await t.db.commitment.findUniqueOrThrow({ where: { id } })).title, "甲镇2026年度公开承诺书");
  assert.equal(await t.db.auditLog.count({ where: { entity: "Commitment", entityId: id } }), 3);
});

test("a change is a new version copied from the published one; the earlier one stays as it was", async () => {
  const started = await startCommitmentDraft(t.db, headA, 2026);
  assert.ok(started.ok);
  const v2 = await t.db.commitment.findUniqueOrThrow({ where: { id: started.value.id }, include: { pledges: { include: { tasks: true } } } });
  assert.equal(v2.version, 2);
  assert.equal(v2.status, "DRAFT");
  assert.equal(v2.pledges.length, 2);
  assert.deepEqual(
    v2.pledges.find((p) => p.tasks.length)?.tasks.map((x) => x.taskId),
    [taskA],
  );
  assert.ok((await saveCommitmentDraft(t.db, headA, draft(v2.id, { title: "第二版", intent: "publish" }))).ok);
  const versions = await t.db.commitment.findMany({ where: { unitId: headA.unitId! }, orderBy: { version: "asc" } });
  assert.deepEqual(
    versions.map((v) => [v.version, v.status, v.title]),
    [
      [1, "PUBLISHED", "甲镇2026年度公开承诺书"],
      [2, "PUBLISHED", "第二版"],
    ],
  );
});

test("another unit's head cannot touch the commitment, nor link another unit's tasks", async () => {
  const started = await startCommitmentDraft(t.db, headA, 2026);
  assert.ok(started.ok);
  const foreign = await saveCommitmentDraft(t.db, headB, draft(started.value.id, { title: "乙镇改的" }));
  assert.equal(!foreign.ok && foreign.status, 404);
  const foreignDelete = await deleteCommitmentDraft(t.db, headB, { id: started.value.id });
  assert.equal(!foreignDelete.ok && foreignDelete.status, 404);

  const stolen = await saveCommitmentDraft(t.db, headA, draft(started.value.id, { pledges: JSON.stringify([{ text: "x", taskIds: [taskB] }]) }));
  assert.equal(!stolen.ok && stolen.message, "承诺只能关联本单位的任务。");
  const row = await t.db.commitment.findUniqueOrThrow({ where: { id: started.value.id } });
  assert.equal(row.title, "第二版");

  assert.ok((await deleteCommitmentDraft(t.db, headA, { id: started.value.id })).ok);
  assert.equal(await t.db.commitment.count({ where: { id: started.value.id } }), 0);
  assert.equal(await t.db.pledge.count({ where: { commitmentId: started.value.id } }), 0);
});

test("a reporter does not draft the unit's commitment", async () => {
  const result = await startCommitmentDraft(t.db, reporterA, 2026);
  assert.equal(!result.ok && result.status, 403);
});

test("a draft needs at least one pledge with text", () => {
  const empty = commitmentDraftInput.safeParse({ id: "x", title: "t", signedBy: "s", pledges: "[]" });
  assert.equal(empty.success, false);
  assert.equal(empty.error?.issues[0].message, "至少写一条承诺");
  const blank = commitmentDraftInput.safeParse({ id: "x", title: "t", signedBy: "s", pledges: JSON.stringify([{ text: " " }]) });
  assert.equal(blank.error?.issues[0].message, "每条承诺都要写内容");
});
