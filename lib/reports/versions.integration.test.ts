/**
 * Versions and locks through the one write path (submitSlot) on a real
 * database (SQLite, and PostgreSQL in `npm test`): a slot something rests on
 * cannot change without a reason; a change with one is a 更正 version that
 * tells the office; a spot check keeps the version it was given; a save that
 * fails halfway leaves no version behind.
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import type { Db } from "@/lib/db-client";
import { ReportError, submitSlot, type SubmitRequest } from "@/lib/reports/submit";
import { currentVersionId, lockReasonsOf } from "@/lib/reports/versions";
import { loadVersionHistory } from "@/lib/reports/version-history";
import { at, createReportScene, today, type ReportScene } from "@/lib/testing/report-scene";
import type { TestDb } from "@/lib/testing/test-db";
import { testPhotoFile } from "@/lib/testing/photos";

let scene: ReportScene;
let t: TestDb;
let adminIds: string[];
let leaderId: string;

function submit(request: Partial<SubmitRequest> & Pick<SubmitRequest, "input">, db: Db = t.db) {
  return submitSlot(db, scene.storage, { user: scene.reporter, date: "today", slot: "evening", photos: [], now: at("18:00"), ...request });
}

async function rejects(promise: Promise<unknown>, pattern: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ReportError, `expected a ReportError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

let taskId: string;
const first = () => ({ items: [{ text: "拆除东街违建", taskId, done: true, progressValue: 100 }], note: "共拆除100平方米。" });
const rewrite = () => ({ items: [{ text: "拆除东街违建", taskId, done: false, reason: "天气原因" }], note: "今日未能拆除。" });

/** The evening slot, shown at 18:00 — three hours before its deadline. */
async function shownEvening() {
  const saved = await submit({ input: first() });
  const slot = await t.db.reportSlot.findUniqueOrThrow({ where: { id: saved.slot.id }, select: { id: true, cardId: true, slot: true } });
  return slot;
}

before(async () => {
  scene = await createReportScene("versions", "V1", "版本镇");
  t = scene.t;
  const admins = await Promise.all(
    ["督查一", "督查二"].map((name, i) => t.db.user.create({ data: { username: `admin${i}`, name, role: "ADMIN", passwordHash: "x" } })),
  );
  adminIds = admins.map((a) => a.id);
  await t.db.user.create({ data: { username: "admin-gone", name: "已停用", role: "ADMIN", passwordHash: "x", active: false } });
  const year = Number(today.slice(0, 4));
  taskId = (await t.db.task.create({ data: { year, unitId: scene.unitId, title: "拆除违建", target: 1000, measure: "平方米", deadline: `${year}-12-31` } })).id;
  leaderId = (await t.db.user.create({ data: { username: "leader", name: "李书记", role: "LEADER", passwordHash: "x" } })).id;
});

after(() => scene.cleanup());

async function reset() {
  await t.db.spotCheck.deleteMany();
  await t.db.bulletin.deleteMany();
  await t.db.reportCard.deleteMany();
  await t.db.notification.deleteMany();
}
beforeEach(reset);

test("before its deadline an unlocked slot is fixed without a reason", async () => {
  const slot = await shownEvening();
  const fixed = await submit({ now: at("18:30"), input: rewrite() });
  assert.equal(fixed.slot.revisionCount, 1);
  const versions = await t.db.reportVersion.findMany({ where: { slotId: slot.id }, orderBy: { number: "asc" } });
  assert.deepEqual(
    versions.map((v) => v.kind),
    ["SUBMIT", "EDIT"],
  );
  assert.equal(await t.db.notification.count(), 0);
});

test("a spot-checked, published, instructed or flagged slot cannot be changed without a reason — even before its deadline", async () => {
  const locks: [string, (slot: { id: string; cardId: string }) => Promise<unknown>][] = [
    ["spot check", (slot) => t.db.spotCheck.create({ data: { slotId: slot.id, checkerId: adminIds[0] } })],
    [
      "published bulletin",
      (slot) =>
        t.db.bulletin.create({
          data: {
            year: 2026,
            number: 1,
            date: today,
            title: "要情快讯",
            summary: "",
            status: "PUBLISHED",
            createdById: adminIds[0],
            items: { create: [{ slotId: slot.id, excerpt: "…" }] },
          },
        }),
    ],
    ["批示", (slot) => t.db.instruction.create({ data: { cardId: slot.cardId, slot: "EVENING", leaderId, text: "请核实" } })],
    ["open flag", (slot) => t.db.anomaly.create({ data: { slotId: slot.id, kind: "COPIED_TEXT", score: 0.8, evidence: "{}" } })],
  ];
  for (const [label, lock] of locks) {
    await reset();
    const slot = await shownEvening();
    await lock(slot);
    await rejects(submit({ now: at("18:30"), input: rewrite() }), /更正原因/);
    const current = await t.db.reportSlot.findUniqueOrThrow({ where: { id: slot.id } });
    assert.match(current.text, /100平方米/, `${label}: the slot is unchanged`);
    assert.equal(await t.db.reportVersion.count({ where: { slotId: slot.id } }), 1, `${label}: no version added`);
  }
});

test("a draft bulletin, a dismissed flag or a 批示 on another slot does not lock", async () => {
  const slot = await shownEvening();
  await t.db.bulletin.create({
    data: { year: 2026, date: today, title: "草稿", summary: "", createdById: adminIds[0], items: { create: [{ slotId: slot.id, excerpt: "…" }] } },
  });
  await t.db.anomaly.create({ data: { slotId: slot.id, kind: "COPIED_TEXT", score: 0.8, evidence: "{}", status: "DISMISSED" } });
  await t.db.instruction.create({ data: { cardId: slot.cardId, slot: "MORNING", leaderId, text: "早晒请细化" } });
  assert.deepEqual(await lockReasonsOf(t.db, slot), []);
  const fixed = await submit({ now: at("18:30"), input: rewrite() });
  assert.equal(fixed.slot.revisionCount, 1);
});

test("a change with a reason is a 更正：a CORRECTION version, counted on the slot, and a notice to each active office user", async () => {
  const slot = await shownEvening();
  await t.db.spotCheck.create({ data: { slotId: slot.id, checkerId: adminIds[0] } });
  const corrected = await submit({ now: at("19:00"), input: { ...rewrite(), revisionReason: "上午数字填错" } });
  assert.equal(corrected.slot.revisionCount, 1);
  const row = await t.db.reportSlot.findUniqueOrThrow({ where: { id: slot.id }, select: { correctionCount: true } });
  assert.equal(row.correctionCount, 1);
  const version = await t.db.reportVersion.findUniqueOrThrow({ where: { slotId_number: { slotId: slot.id, number: 2 } } });
  assert.equal(version.kind, "CORRECTION");
  assert.equal(version.reason, "上午数字填错");
  assert.equal(version.authorId, scene.reporter.id);
  assert.equal(version.createdAt.toISOString(), at("19:00").toISOString());

  const notices = await t.db.notification.findMany({ orderBy: { recipientId: "asc" } });
  assert.deepEqual(notices.map((n) => n.recipientId).sort(), [...adminIds].sort(), "every active ADMIN, no one else");
  assert.match(notices[0].message, /版本镇.*晚晒已更正（第 2 版，王信息）：上午数字填错/);
  assert.equal(notices[0].href, `/units/${scene.unitId}?date=${today}#slot-${slot.id}`);
  assert.equal(notices[0].readAt, null);
  assert.equal(await t.db.auditLog.count({ where: { action: "report.correct", entityId: slot.id } }), 1);
});

test("a locked slot's photos can be added to, not taken away", async () => {
  const slot = await shownEvening();
  await t.db.instruction.create({ data: { cardId: slot.cardId, slot: "EVENING", leaderId, text: "请补充现场照片" } });
  const photo = await t.db.photo.create({
    data: {
      uploaderId: scene.reporter.id,
      slotId: slot.id,
      ...testPhotoFile("k"),
    },
  });
  await rejects(submit({ now: at("18:30"), input: { ...first(), revisionReason: "删照片", removePhotoIds: [photo.id] } }), /不能删除/);
});

test("the check keeps what it saw: its version, and the later 更正 beside it", async () => {
  const slot = await shownEvening();
  const check = await t.db.$transaction(async (tx) =>
    tx.spotCheck.create({
      data: { slotId: slot.id, versionId: await currentVersionId(tx, slot.id), checkerId: adminIds[0], result: "FALSE", notes: "所报100平方米不实" },
    }),
  );
  await submit({ now: at("20:00"), input: { ...rewrite(), revisionReason: "据实更正" } });

  const history = await loadVersionHistory(t.db, slot.id);
  const seen = history.versions.find((v) => v.id === check.versionId)!;
  assert.equal(seen.number, 1);
  assert.match(seen.text, /100平方米/, "the version the checker saw still reads as it did");
  assert.equal(history.current!.number, 2);
  assert.equal(history.current!.kind, "CORRECTION");
  assert.match(history.current!.text, /今日未能拆除/);
  assert.deepEqual(history.current!.changes, ["「拆除东街违建」改为未完成", "「拆除东街违建」完成量 100 → 0", "「拆除东街违建」原因已改", "文字随之修改"]);
});

test("a save that fails halfway leaves no version, no notice and the slot as it was (one transaction)", async () => {
  const slot = await shownEvening();
  await t.db.spotCheck.create({ data: { slotId: slot.id, checkerId: adminIds[0] } });
  // The audit entry is the last write of a save, after the version and the notices.
  const failingAudit = new Proxy(t.db, {
    get(target, prop, receiver) {
      if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
      return (run: (tx: unknown) => Promise<unknown>, options?: unknown) =>
        target.$transaction(
          (tx) =>
            run(
              new Proxy(tx, {
                get(inner, key, r) {
                  if (key === "auditLog") return { create: () => Promise.reject(new Error("disk full")) };
                  return Reflect.get(inner, key, r);
                },
              }),
            ),
          options as never,
        );
    },
  }) as Db;
  await assert.rejects(submit({ now: at("19:00"), input: { ...rewrite(), revisionReason: "更正" } }, failingAudit), /disk full/);
  assert.equal(await t.db.reportVersion.count({ where: { slotId: slot.id } }), 1);
  assert.equal(await t.db.notification.count(), 0);
  const row = await t.db.reportSlot.findUniqueOrThrow({ where: { id: slot.id } });
  assert.match(row.text, /100平方米/);
  assert.equal(row.correctionCount, 0);
});
