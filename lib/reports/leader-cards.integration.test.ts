/**
 * A district leader's own card (分线作战) through the one submission path:
 * the owner comes from the account (a leader writes only their own card),
 * items point at the tasks of their lines, a photo and a place as for units;
 * it shows in the channel the leader is a member of; it never reaches the
 * readers of units' cards — the board's counts, the quarter's scoring
 * inputs, the anomaly checks — nor moves a task's progress.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countSlotsByUnitDay } from "@/lib/assessment/board-data";
import { gatherQuarterInputs, periodFor } from "@/lib/assessment/inputs";
import type { SessionUser } from "@/lib/auth/roles";
import { feedWhere } from "@/lib/reports/feed-where";
import { ReportError, submitSlot, type SubmitRequest } from "@/lib/reports/submit";
import { photoUpload } from "@/lib/testing/photos";
import { at, createReportScene, today, type ReportScene } from "@/lib/testing/report-scene";
import type { TestDb } from "@/lib/testing/test-db";
import { asSessionUser } from "@/lib/testing/users";
import { quarterOf } from "@/lib/time";

let scene: ReportScene;
let t: TestDb;
let zhu: SessionUser;
let li: SessionUser;
let lineTaskId: string;
let otherLineTaskId: string;
let channelId: string;

function submit(user: SessionUser, request: Partial<SubmitRequest> & Pick<SubmitRequest, "slot" | "input">) {
  return submitSlot(t.db, scene.storage, { user, date: "today", photos: [], now: at("08:30"), ...request });
}

before(async () => {
  scene = await createReportScene("leader-cards", "T1", "朱山镇");
  t = scene.t;
  const { unitId } = scene;
  const leader = async (username: string, name: string) =>
    asSessionUser(await t.db.user.create({ data: { username, name, title: "副区长", role: "LEADER", passwordHash: "x" } }));
  zhu = await leader("zhu", "朱部长");
  li = await leader("li", "李书记");
  const year = Number(today.slice(0, 4));
  const line = await t.db.line.create({ data: { name: "城建线", kind: "LINE", leaderId: zhu.id, units: { create: [{ unitId }] } } });
  const otherLine = await t.db.line.create({ data: { name: "农业线", kind: "LINE", leaderId: li.id } });
  const task = (title: string, lineId: string) =>
    t.db.task.create({ data: { year, unitId, lineId, title, target: 10, measure: "户", valueReached: 4, deadline: `${year}-12-31` } });
  lineTaskId = (await task("朱山棚户区改造", line.id)).id;
  otherLineTaskId = (await task("高标准农田", otherLine.id)).id;
  channelId = (
    await t.db.channel.create({
      data: { code: "leaders", name: "区级领导干部工作群", members: { create: [{ userId: zhu.id }, { userId: li.id }] } },
    })
  ).id;
  // The unit's own card of the day, as the board and scoring know it.
  await submit(scene.reporter, { slot: "morning", input: { items: [{ text: "入户动员", taskId: lineTaskId }] } });
});

after(() => scene.cleanup());

test("a leader files their own morning and evening through the same path, with a photo and a place", async () => {
  const before = {
    board: await countSlotsByUnitDay(t.db, today, today),
    progress: (await t.db.task.findUniqueOrThrow({ where: { id: lineTaskId } })).valueReached,
  };
  const morning = await submit(zhu, { slot: "morning", input: { items: [{ text: "到朱山督导棚改", taskId: lineTaskId }, { text: "听取城建线汇报" }] } });
  assert.equal(morning.slot.leaderId, zhu.id);
  assert.equal(morning.slot.unitId, null);
  assert.match(morning.slot.text, /今日计划：1\.到朱山督导棚改；2\.听取城建线汇报/);

  const [visit, briefing] = morning.slot.items;
  const evening = await submit(zhu, {
    slot: "evening",
    now: at("19:00"),
    photos: [await photoUpload(1)],
    input: {
      items: [
        { id: visit.id, text: visit.text, done: true },
        { id: briefing.id, text: briefing.text, done: false, reason: "改到明天" },
      ],
      note: "朱山棚改已签约 6 户",
      place: "朱山村",
      lat: 36.75,
      lng: 114.49,
    },
  });
  assert.equal(evening.slot.photos.length, 1);
  assert.equal(evening.slot.place, "朱山村");
  const card = await t.db.reportCard.findUniqueOrThrow({ where: { leaderId_date: { leaderId: zhu.id, date: today } }, include: { slots: true } });
  assert.equal(card.unitId, null);
  assert.equal(card.slots.length, 2);
  assert.equal(await t.db.auditLog.count({ where: { action: "report.submit", actorId: zhu.id } }), 2);

  // Never anomaly-checked, never a task's progress, never on the board.
  assert.equal(await t.db.pendingCheck.count({ where: { slotId: { in: card.slots.map((s) => s.id) } } }), 0);
  assert.equal((await t.db.task.findUniqueOrThrow({ where: { id: lineTaskId } })).valueReached, before.progress);
  assert.deepEqual(await countSlotsByUnitDay(t.db, today, today), before.board);
});

test("another leader sees it in 区级领导干部工作群; a unit's channel filter does not", async () => {
  const inChannel = await t.db.reportSlot.findMany({ where: feedWhere({ channelId }), select: { slot: true, card: { select: { leaderId: true } } } });
  assert.deepEqual(inChannel.map((s) => [s.card.leaderId, s.slot]).sort(), [
    [zhu.id, "EVENING"],
    [zhu.id, "MORNING"],
  ]);
  const byUnit = await t.db.reportSlot.findMany({ where: feedWhere({ unitId: scene.unitId }), select: { card: { select: { leaderId: true } } } });
  assert.ok(byUnit.every((s) => s.card.leaderId === null));
});

test("a leader writes only their own card: another's line tasks are refused, and no one else gets a card", async () => {
  await assert.rejects(
    submit(zhu, { slot: "noon", now: at("12:00"), input: { items: [{ text: "看农田", taskId: otherLineTaskId }] } }),
    (error: unknown) => error instanceof ReportError && error.status === 422,
  );
  assert.equal(await t.db.reportCard.count({ where: { leaderId: li.id } }), 0, "李书记's card untouched");
  // 李书记 files: it is his own card, never 朱部长's.
  const own = await submit(li, { slot: "morning", input: { items: [{ text: "看高标准农田", taskId: otherLineTaskId }] } });
  assert.equal(own.slot.leaderId, li.id);
  assert.equal(
    (await t.db.reportCard.findUniqueOrThrow({ where: { leaderId_date: { leaderId: zhu.id, date: today } }, include: { slots: true } })).slots.length,
    2,
  );
  // An office or assessor account has no card of its own.
  for (const role of ["ADMIN", "ASSESSOR"] as const) {
    await assert.rejects(
      submit({ ...li, role }, { slot: "morning", input: { items: [{ text: "x" }] } }),
      (error: unknown) => error instanceof ReportError && error.status === 403,
    );
  }
});

test("a leader's card moves no task's progress: a completion value is refused", async () => {
  const card = await t.db.reportCard.findUniqueOrThrow({ where: { leaderId_date: { leaderId: li.id, date: today } }, include: { items: true } });
  await assert.rejects(
    submit(li, { slot: "evening", now: at("19:00"), input: { items: [{ id: card.items[0].id, text: card.items[0].text, done: true, progressValue: 3 }] } }),
    /不填报任务完成值/,
  );
});

test("the quarter's scoring inputs are the same with and without the leaders' cards", async () => {
  const ref = quarterOf(today);
  const q = await t.db.quarter.create({ data: { year: ref.year, number: ref.number } });
  const period = periodFor(ref, at("23:00"));
  const withLeaders = await gatherQuarterInputs(t.db, q.id, period);
  const leaderCards = await t.db.reportCard.findMany({ where: { leaderId: { not: null } }, select: { id: true } });
  assert.ok(leaderCards.length >= 2);
  await t.db.reportCard.deleteMany({ where: { id: { in: leaderCards.map((c) => c.id) } } });
  const without = await gatherQuarterInputs(t.db, q.id, period);
  assert.deepEqual(withLeaders, without);
  assert.deepEqual(
    withLeaders.map((u) => u.unit.id),
    [scene.unitId],
    "only the unit is scored",
  );
});
