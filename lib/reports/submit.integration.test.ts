/**
 * The submission path against a real migrated SQLite file and a real photo
 * directory: the day's card from morning to evening, refused uploads that
 * leave nothing behind, double submits, revisions after the deadline.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, beforeEach, test } from "node:test";
import sharp from "sharp";
import { ReportError, submitSlot, type SubmitRequest } from "@/lib/reports/submit";
import { photoUpload } from "@/lib/testing/photos";
import { at, createReportScene, today, type ReportScene } from "@/lib/testing/report-scene";
import type { TestDb } from "@/lib/testing/test-db";
import { asSessionUser } from "@/lib/testing/users";
import { addDays } from "@/lib/time";

let scene: ReportScene;
let t: TestDb;
let otherTaskId: string;
let taskId: string;

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

function submit(request: Partial<SubmitRequest> & Pick<SubmitRequest, "slot" | "input">) {
  return submitSlot(t.db, scene.storage, { user: scene.reporter, date: "today", photos: [], now: at("08:30"), ...request });
}

async function rejects(promise: Promise<unknown>, pattern: RegExp, status = 422) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ReportError, `expected a ReportError, got ${String(error)}`);
    assert.equal(error.status, status);
    assert.match(error.message, pattern);
    return true;
  });
}

before(async () => {
  scene = await createReportScene("photos", "T1", "测试镇");
  t = scene.t;
  const other = await t.db.unit.create({ data: { code: "T2", name: "邻镇", kind: "TOWN" } });
  const year = Number(today.slice(0, 4));
  const task = await t.db.task.create({
    data: {
      year,
      unitId: scene.unitId,
      title: "拆除违法建筑 120 户",
      target: 120,
      measure: "户",
      valueReached: 58,
      deadline: `${year}-12-31`,
      requiresPhoto: true,
      milestones: { create: [{ title: "累计 60 户", dueDate: `${year}-12-31`, target: 60, valueReached: 58, status: "IN_PROGRESS" }] },
    },
  });
  taskId = task.id;
  otherTaskId = (await t.db.task.create({ data: { year, unitId: other.id, title: "邻镇的任务", target: 3, measure: "个", deadline: `${year}-12-31` } })).id;
});

after(() => scene.cleanup());

beforeEach(async () => {
  await t.db.reportCard.deleteMany();
  await t.db.photo.deleteMany();
  await t.db.idempotencyKey.deleteMany();
  await t.db.task.update({ where: { id: taskId }, data: { valueReached: 58, status: "IN_PROGRESS" } });
  fs.rmSync(scene.photoDir, { recursive: true, force: true });
  fs.mkdirSync(scene.photoDir);
});

async function nothingStored() {
  assert.equal(await t.db.photo.count(), 0, "no photo rows");
  assert.equal(await t.db.reportSlot.count(), 0, "no slot rows");
  assert.equal(await t.db.reportItem.count(), 0, "no item rows");
  assert.deepEqual(filesIn(scene.photoDir), [], "no files in PHOTO_DIR");
}

test("the day's card: a morning plan from the task list, noon with a photo, evening ticks that move the task", async () => {
  const yesterday = await t.db.reportCard.create({
    data: {
      unitId: scene.unitId,
      date: addDays(today, -1),
      items: { create: [{ addedIn: "MORNING", text: "协调企业用水", outcome: "OPEN", reason: "待水务公司答复" }] },
    },
    include: { items: true },
  });
  const morning = await submit({
    slot: "morning",
    input: {
      items: [
        { text: "拆除东街违建", taskId },
        { text: "协调企业用水", carriedFromId: yesterday.items[0].id },
      ],
      startedAt: at("08:26").toISOString(),
    },
  });
  assert.equal(morning.slot.state, "SUBMITTED");
  assert.equal(morning.slot.effortSeconds, 240);
  assert.match(morning.slot.text, /今日计划：1\.拆除东街违建；2\.协调企业用水（昨日未完成/);

  const [demolition, water] = morning.slot.items;
  const noon = await submit({
    slot: "noon",
    now: at("12:10"),
    input: { items: [{ id: demolition.id, text: demolition.text, progress: "已拆除 3 户" }, { id: water.id, text: water.text }, { text: "接待来访群众" }] },
    photos: [await photoUpload(1)],
  });
  assert.equal(noon.slot.photos.length, 1);
  assert.equal(noon.slot.items.length, 3, "the morning's items were not doubled");
  assert.equal(filesIn(scene.photoDir).length, 3, "the original, a display size and a thumbnail");

  const evening = await submit({
    slot: "evening",
    now: at("20:00"),
    input: {
      items: [
        { text: "拆除东街违建", done: true, progressValue: 5 },
        { text: "协调企业用水", done: false, reason: "水务公司明天答复" },
        { text: "接待来访群众", done: true },
      ],
      note: "明天继续推进。",
    },
  });
  assert.deepEqual(
    evening.slot.items.map((i) => i.done),
    [true, false, true],
  );
  assert.match(evening.slot.text, /完成5户 ✓/);
  const task = await t.db.task.findUniqueOrThrow({ where: { id: taskId }, include: { milestones: true } });
  assert.equal(task.valueReached, 63);
  assert.equal(task.milestones[0].valueReached, 60);
  assert.equal(task.milestones[0].status, "DONE");
  assert.equal(await t.db.auditLog.count({ where: { action: "task.progress-from-report", entityId: taskId } }), 1);
});

test("a late slot is accepted and marked late", async () => {
  const saved = await submit({ slot: "morning", now: at("10:15"), input: { items: [{ text: "召开调度会" }] } });
  assert.equal(saved.slot.late, true);
  assert.equal(saved.slot.state, "LATE");
});

test("the checks a submission owes are recorded with it, and cleared once they ran", async () => {
  // Deferred and never run (the server stopped first): the debt stays for the sweep.
  let deferred = 0;
  const owed = await submit({ slot: "morning", input: { items: [{ text: "走访企业" }] }, defer: () => void deferred++ });
  assert.equal(deferred, 1);
  assert.ok(await t.db.pendingCheck.findUnique({ where: { slotId: owed.slot.id } }));
  // Run with the submission (the default), they clear it.
  const checked = await submit({ slot: "morning", now: at("08:40"), input: { items: [{ text: "走访企业" }, { text: "召开调度会" }] } });
  assert.equal(checked.slot.id, owed.slot.id);
  assert.equal(await t.db.pendingCheck.findUnique({ where: { slotId: owed.slot.id } }), null);
});

test("a text file renamed .jpg is refused by its content; nothing is stored", async () => {
  const fake = { name: "现场.jpg", data: Buffer.from("这不是图片，只是一段文字。".repeat(100)) };
  await rejects(submit({ slot: "morning", input: { items: [{ text: "召开调度会" }] }, photos: [await photoUpload(2), fake] }), /第 2 张照片.*不是可识别的图片/);
  await nothingStored();
});

test("a 100-megapixel image is refused; nothing is stored", async () => {
  const huge = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#777" } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  await rejects(submit({ slot: "morning", input: { items: [{ text: "召开调度会" }] }, photos: [{ name: "big.png", data: huge }] }), /百万像素/);
  await nothingStored();
});

test("an 11 MB file is refused; nothing is stored", async () => {
  await rejects(
    submit({ slot: "morning", input: { items: [{ text: "召开调度会" }] }, photos: [{ name: "big.jpg", data: Buffer.alloc(11 * 1024 * 1024, 7) }] }),
    /超过 10 MB/,
  );
  await nothingStored();
});

test("a 10th photo is refused — ten at once, or one more on a slot that has nine", async () => {
  const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => photoUpload(10 + i)));
  await rejects(submit({ slot: "morning", input: { items: [{ text: "召开调度会" }] }, photos: ten }), /最多 9 张/);
  await nothingStored();

  await submit({ slot: "morning", input: { items: [{ text: "召开调度会" }] }, photos: ten.slice(0, 9) });
  assert.equal(await t.db.photo.count(), 9);
  assert.equal(filesIn(scene.photoDir).length, 27, "nine photos in three sizes");
  await rejects(submit({ slot: "morning", now: at("08:40"), input: { items: [{ text: "召开调度会" }] }, photos: [ten[9]] }), /本时段已有 9 张/);
  assert.equal(await t.db.photo.count(), 9);
  assert.equal(filesIn(scene.photoDir).length, 27, "the refused photo left no file");
});

test("a failure inside the transaction removes the files already stored", async () => {
  // Photos are processed and stored first; the foreign task is refused inside the transaction.
  await rejects(submit({ slot: "morning", input: { items: [{ text: "帮邻镇干活", taskId: otherTaskId }] }, photos: [await photoUpload(30)] }), /不是本单位/);
  await nothingStored();
});

test("a double submit with the same Idempotency-Key saves one slot — in sequence or at once", async () => {
  const request = { slot: "morning", input: { items: [{ text: "召开调度会" }] }, photos: [await photoUpload(40)], idempotencyKey: "form-load-0001" };
  const first = await submit(request);
  const second = await submit(request);
  assert.equal(first.replayed, false);
  assert.equal(second.replayed, true);
  assert.equal(second.slot.id, first.slot.id);

  const noon = {
    slot: "noon",
    now: at("12:00"),
    input: { items: [{ text: "召开调度会", progress: "已开完" }] },
    photos: [await photoUpload(41)],
    idempotencyKey: "form-load-0002",
  };
  const both = await Promise.all([submit(noon), submit(noon)]);
  assert.equal(both.filter((r) => r.replayed).length, 1);
  assert.equal(await t.db.reportSlot.count(), 2);
  assert.equal(await t.db.photo.count(), 2);
  assert.equal(filesIn(scene.photoDir).length, 6, "the losing request's files were removed");
});

test("the same key for another slot never replays the first slot's answer", async () => {
  // Keys are namespaced by slot and user (lib/idempotency.ts): the noon submission is saved as itself.
  const morning = await submit({ slot: "morning", input: { items: [{ text: "召开调度会" }] }, idempotencyKey: "form-load-0003" });
  const noon = await submit({ slot: "noon", input: { note: "上午开会" }, idempotencyKey: "form-load-0003" });
  assert.equal(noon.replayed, false);
  assert.notEqual(noon.slot.id, morning.slot.id);
  assert.equal(noon.slot.slot, "noon");
});

test("the same key with another body or other photos is a 409, and nothing of the second is saved", async () => {
  const first = await submit({
    slot: "morning",
    input: { items: [{ text: "召开调度会" }] },
    photos: [await photoUpload(50)],
    idempotencyKey: "form-load-0004",
  });
  const files = filesIn(scene.photoDir).length;
  await rejects(
    submit({ slot: "morning", input: { items: [{ text: "另一件事" }] }, idempotencyKey: "form-load-0004" }),
    /Idempotency-Key 已用于另一份不同的提交/,
    409,
  );
  await rejects(
    submit({ slot: "morning", input: { items: [{ text: "召开调度会" }] }, photos: [await photoUpload(51)], idempotencyKey: "form-load-0004" }),
    /已用于另一份/,
    409,
  );
  assert.equal(filesIn(scene.photoDir).length, files, "the refused request stored no file");
  const slot = await t.db.reportSlot.findUniqueOrThrow({ where: { id: first.slot.id }, select: { text: true } });
  assert.match(slot.text, /召开调度会/);
  // The same request again is still a replay.
  const again = await submit({
    slot: "morning",
    input: { items: [{ text: "召开调度会" }] },
    photos: [await photoUpload(50)],
    idempotencyKey: "form-load-0004",
  });
  assert.equal(again.replayed, true);
});

test("every save is a version: 1 is the first submission; after the deadline a change needs a reason", async () => {
  const first = await submit({ slot: "morning", now: at("08:00"), input: { items: [{ text: "召开调度会" }] } });
  const edited = await submit({ slot: "morning", now: at("09:00"), input: { items: [{ text: "召开调度会" }, { text: "走访企业" }] } });
  assert.equal(edited.slot.revisionCount, 1, "before the deadline an edit needs no reason, and is kept as version 2");
  const unchanged = await submit({ slot: "morning", now: at("09:10"), input: { items: [{ text: "召开调度会" }, { text: "走访企业" }] } });
  assert.equal(unchanged.slot.revisionCount, 1, "a save that changes nothing shown adds no version");

  const late = { slot: "morning", now: at("10:00"), input: { items: [{ text: "召开安全生产调度会" }] } };
  await rejects(submit(late), /更正原因/);
  const revised = await submit({ ...late, input: { ...late.input, revisionReason: "会议名称写错" } });
  assert.equal(revised.slot.revisionCount, 2);
  assert.equal(revised.slot.late, false, "a correction does not make the slot late");

  const versions = await t.db.reportVersion.findMany({ where: { slotId: revised.slot.id }, orderBy: { number: "asc" } });
  assert.deepEqual(
    versions.map((v) => [v.number, v.kind, v.reason, v.createdAt.toISOString()]),
    [
      [1, "SUBMIT", null, at("08:00").toISOString()],
      [2, "EDIT", null, at("09:00").toISOString()],
      [3, "REVISION", "会议名称写错", at("10:00").toISOString()],
    ],
  );
  assert.equal(versions[0].text, first.slot.text, "version 1 keeps what was first shown");
  assert.deepEqual(
    (JSON.parse(versions[1].items) as { text: string }[]).map((i) => i.text),
    ["召开调度会", "走访企业"],
  );
  assert.equal(versions[2].text, revised.slot.text);
  assert.equal(await t.db.reportRevision.count(), 0, "revisions are versions now");
  assert.equal(await t.db.notification.count(), 0, "an unlocked slot's changes tell no one");
});

test("a version records the photos each save added and took away", async () => {
  const saved = await submit({ slot: "noon", now: at("12:00"), input: { note: "现场查看" }, photos: [await photoUpload(70), await photoUpload(71)] });
  const [a, b] = saved.slot.photos.map((p) => p.id);
  const more = await submit({ slot: "noon", now: at("12:30"), input: { note: "现场查看", removePhotoIds: [a] }, photos: [await photoUpload(72)] });
  const c = more.slot.photos.map((p) => p.id).find((id) => id !== b)!;
  const versions = await t.db.reportVersion.findMany({ where: { slotId: saved.slot.id }, orderBy: { number: "asc" } });
  const ids = (json: string) => JSON.parse(json) as string[];
  assert.deepEqual(
    versions.map((v) => [ids(v.photoIds), ids(v.addedPhotoIds), ids(v.removedPhotoIds)]),
    [
      [[a, b], [a, b], []],
      [[b, c], [c], [a]],
    ],
  );
  const added = await t.db.photo.findUniqueOrThrow({ where: { id: c } });
  assert.equal(added.createdAt.toISOString(), at("12:30").toISOString(), "a photo is dated when it was added");
});

test("a photo cannot be taken away after the deadline", async () => {
  const saved = await submit({ slot: "morning", now: at("08:00"), input: { items: [{ text: "召开调度会" }] }, photos: [await photoUpload(50)] });
  await rejects(
    submit({
      slot: "morning",
      now: at("10:00"),
      input: { items: [{ text: "召开调度会" }], revisionReason: "删照片", removePhotoIds: [saved.slot.photos[0].id] },
    }),
    /不能删除/,
  );
  const removed = await submit({ slot: "morning", now: at("09:00"), input: { items: [{ text: "召开调度会" }], removePhotoIds: [saved.slot.photos[0].id] } });
  assert.equal(removed.slot.photos.length, 0);
  assert.deepEqual(filesIn(scene.photoDir), [], "the removed photo's files are gone");
});

test("a missing slot of yesterday is not back-filled", async () => {
  await rejects(submit({ slot: "evening", date: addDays(today, -1), input: { items: [{ text: "补报", done: true }] } }), /不能补报/);
  await nothingStored();
});

test("the evening asks for a photo where the task requires one", async () => {
  await submit({ slot: "morning", input: { items: [{ text: "拆除东街违建", taskId }] } });
  await rejects(submit({ slot: "evening", now: at("20:00"), input: { items: [{ text: "拆除东街违建", done: true }] } }), /要求附现场照片/);
  const saved = await submit({ slot: "evening", now: at("20:00"), input: { items: [{ text: "拆除东街违建", done: true }] }, photos: [await photoUpload(60)] });
  assert.equal(saved.slot.photos.length, 1);
});

test("a photo from the morning is evidence for the evening's ✓ on the same day (issue 14)", async () => {
  await submit({ slot: "morning", input: { items: [{ text: "拆除东街违建", taskId }] }, photos: [await photoUpload(61)] });
  const saved = await submit({ slot: "evening", now: at("20:00"), input: { items: [{ text: "拆除东街违建", done: true }] } });
  assert.deepEqual(
    saved.slot.items.map((i) => i.done),
    [true],
  );
  assert.equal(saved.slot.photos.length, 0, "no photo had to be sent again");
});

test("only a unit account files, and only its own unit's card", async () => {
  const admin = asSessionUser({ id: scene.reporter.id, username: "admin", name: "督查室", role: "ADMIN", unitId: null });
  await rejects(submit({ user: admin, slot: "morning", input: { items: [{ text: "x" }] } }), /只有单位账号/, 403);
  await rejects(submit({ slot: "dinner", input: {} }), /时段应为/);
  await rejects(submit({ slot: "morning", date: addDays(today, 1), input: { items: [{ text: "x" }] } }), /未来日期/);
  await nothingStored();
});
