/**
 * One design for every event: each writes its in-app notices (the bell) in
 * the event's transaction, beside its robot message — 催报 (the unit's
 * reporters), a 批示 and its 追问 / 办结 (the unit) and the unit's answer (the
 * leader), a published 要情快讯 (everyone its robots reach), a 督办件's 超期预警.
 * Each is proven to reach the right people and not another unit's.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { enqueueDueMessages } from "@/lib/notifications/events";
import { closeInstruction, reaskInstruction, recordInstruction, recordInstructionAnswer, recordReminders } from "@/lib/reports/follow-up";
import { publishBulletin } from "@/lib/supervision/bulletins/writes";
import { testDbForFile } from "@/lib/testing/file-db";
import { createSlot } from "@/lib/testing/slots";
import { createSessionUser } from "@/lib/testing/users";
import { districtInstant, districtToday } from "@/lib/time";

const t = testDbForFile();

async function people() {
  const found = await t.db.user.findMany({ select: { id: true, username: true } });
  return Object.fromEntries(found.map((u) => [u.username, u.id]));
}

/** username → the messages in their inbox of this kind. */
async function inbox(kind: string): Promise<Record<string, string[]>> {
  const rows = await t.db.notification.findMany({
    where: { kind },
    orderBy: { createdAt: "asc" },
    select: { message: true, recipient: { select: { username: true } } },
  });
  const by: Record<string, string[]> = {};
  for (const r of rows) (by[r.recipient.username] ??= []).push(r.message);
  return by;
}

async function scene() {
  const town = await t.db.unit.create({ data: { code: "N1", name: "通知镇", kind: "TOWN" } });
  const other = await t.db.unit.create({ data: { code: "N2", name: "别的镇", kind: "TOWN" } });
  const outside = await t.db.unit.create({ data: { code: "N3", name: "群外局", kind: "DEPARTMENT" } });
  await t.db.robot.create({ data: { name: "通知镇工作群", kind: "WECOM", webhookUrl: "http://127.0.0.1:9/town", unitId: town.id } });
  await createSessionUser(t.db, "town-head", "UNIT_HEAD", town.id);
  await createSessionUser(t.db, "town-rep", "REPORTER", town.id);
  await createSessionUser(t.db, "other-head", "UNIT_HEAD", other.id);
  await createSessionUser(t.db, "other-rep", "REPORTER", other.id);
  await createSessionUser(t.db, "outside-head", "UNIT_HEAD", outside.id);
  const admin = await createSessionUser(t.db, "office", "ADMIN");
  const leader = await createSessionUser(t.db, "leader", "LEADER");
  const leader2 = await createSessionUser(t.db, "leader2", "LEADER");
  await createSessionUser(t.db, "assessor", "ASSESSOR");
  return { town, other, outside, admin, leader, leader2 };
}

test("催报 (by hand and before the deadline) reaches the unit's reporters in-app, not its head nor another unit", async () => {
  const { town, admin } = await scene();
  const now = districtInstant(districtToday(), "10:00");
  assert.equal((await recordReminders(t.db, admin, { slot: "NOON", unitId: town.id }, now)).ok, true);
  const told = await inbox("report.remind");
  assert.deepEqual(Object.keys(told), ["town-rep"]);
  assert.match(told["town-rep"][0], /^午晒催报：今日午晒尚未晒出，截止时间 13:30，请及时填报。$/);
  assert.equal(await t.db.outboxMessage.count({ where: { event: "report.remind" } }), 1, "and the robot message, in the same write");

  // The timed 催报 30 minutes before 晚晒's deadline: every unit that has not shown it, with a robot or not.
  await t.db.notification.deleteMany();
  const day = "2026-12-01";
  await createSlot(t.db, { unitId: town.id, date: day, slot: "EVENING", authorId: admin.id, text: "晚晒", submittedAt: districtInstant(day, "20:00") });
  await enqueueDueMessages(t.db, districtInstant(day, "20:45"));
  assert.deepEqual(Object.keys(await inbox("report.remind")), ["other-rep"], "通知镇 has shown 晚晒; 别的镇 has no robot but is reminded in-app");
});

test("a 批示 and its 追问 and 办结 reach the unit; the unit's answer reaches the leader who wrote it", async () => {
  const p = await people();
  const town = await t.db.unit.findFirstOrThrow({ where: { code: "N1" } });
  const leader = { id: p.leader, username: "leader", name: "leader", role: "LEADER" as const, unitId: null, unitName: null, groupIds: [], sessionId: null };
  const unitHead = {
    id: p["town-head"],
    username: "town-head",
    name: "town-head",
    role: "UNIT_HEAD" as const,
    unitId: town.id,
    unitName: null,
    groupIds: [],
    sessionId: null,
  };
  const slot = await createSlot(t.db, {
    unitId: town.id,
    date: "2026-12-02",
    slot: "MORNING",
    authorId: p["town-rep"],
    text: "早晒内容",
    submittedAt: districtInstant("2026-12-02", "09:00"),
  });
  const now = districtInstant("2026-12-02", "10:00");
  assert.equal((await recordInstruction(t.db, leader, { slotId: slot.id, text: "请加快进度，注意安全。", deadline: "2026-12-05" }, now)).ok, true);
  const created = await inbox("instruction.create");
  assert.deepEqual(Object.keys(created).sort(), ["town-head", "town-rep"], "the unit's people only");
  assert.equal(created["town-head"][0], "12月02日早晒收到领导批示，请于 2026-12-05 前办理并回复。");
  assert.doesNotMatch(created["town-head"][0], /注意安全/, "not the 批示's text");
  const instruction = await t.db.instruction.findFirstOrThrow({ where: { cardId: slot.cardId } });
  const href = await t.db.notification.findFirstOrThrow({ where: { kind: "instruction.create" }, select: { href: true } });
  assert.equal(href.href, "/unit");

  assert.equal((await recordInstructionAnswer(t.db, unitHead, { instructionId: instruction.id, text: "已安排专人推进。" }, now)).ok, true);
  assert.deepEqual(await inbox("instruction.answer"), { leader: ["通知镇已回复您对12月02日早晒的批示，请审阅。"] }, "the writing leader only, not leader2");

  assert.equal((await reaskInstruction(t.db, leader, { instructionId: instruction.id, text: "请说明完成时间。" }, now)).ok, true);
  assert.deepEqual(Object.keys(await inbox("instruction.reask")).sort(), ["town-head", "town-rep"]);
  assert.equal(await t.db.outboxMessage.count({ where: { event: "instruction.reask" } }), 1, "the unit's group hears the 追问 too");

  await recordInstructionAnswer(t.db, unitHead, { instructionId: instruction.id, text: "本周五前完成。" }, now);
  assert.equal((await closeInstruction(t.db, leader, { instructionId: instruction.id }, now)).ok, true);
  assert.deepEqual(Object.keys(await inbox("instruction.close")).sort(), ["town-head", "town-rep"]);
  assert.equal(await t.db.outboxMessage.count({ where: { event: "instruction.close" } }), 0, "a closing is not a group message");
});

test("a 批示 refused (a leader's own card) tells nobody", async () => {
  const p = await people();
  const leader = { id: p.leader, username: "leader", name: "leader", role: "LEADER" as const, unitId: null, unitName: null, groupIds: [], sessionId: null };
  const card = await t.db.reportCard.create({ data: { leaderId: p.leader2, date: "2026-12-02" } });
  const slot = await t.db.reportSlot.create({ data: { cardId: card.id, slot: "MORNING", authorId: p.leader2, text: "领导早晒", submittedAt: new Date() } });
  const before = await t.db.notification.count();
  assert.equal((await recordInstruction(t.db, leader, { slotId: slot.id, text: "请加快进度。" })).ok, undefined);
  assert.equal(await t.db.notification.count(), before);
});

test("a published 要情快讯 reaches every channel's people and the leaders, not a unit outside the channels", async () => {
  const p = await people();
  const town = await t.db.unit.findFirstOrThrow({ where: { code: "N1" } });
  const channel = await t.db.channel.create({ data: { code: "C1", name: "乡镇工作群", units: { create: [{ unitId: town.id }] } } });
  await t.db.channelMember.create({ data: { channelId: channel.id, userId: p.assessor } });
  const card = await t.db.reportCard.findFirstOrThrow({ where: { unitId: town.id, date: "2026-12-02" } });
  const slot = await t.db.reportSlot.findFirstOrThrow({ where: { cardId: card.id } });
  const bulletin = await t.db.bulletin.create({
    data: {
      year: 2026,
      date: "2026-12-02",
      title: "全区重点工作动态",
      summary: "编者按",
      createdById: p.office,
      items: { create: [{ slotId: slot.id, excerpt: "【通知镇】早晒内容" }] },
    },
  });
  const { number } = await publishBulletin(t.db, { bulletinId: bulletin.id, actorId: p.office });
  const told = await inbox("bulletin.publish");
  assert.deepEqual(Object.keys(told).sort(), ["assessor", "leader", "leader2", "town-head", "town-rep"]);
  assert.equal(told.leader[0], `要情快讯 2026 年第 ${number} 期已发布：全区重点工作动态`);
  for (const outside of ["other-head", "outside-head", "office"]) assert.equal(told[outside], undefined, `${outside} is in no channel`);
  const n = await t.db.notification.findFirstOrThrow({ where: { kind: "bulletin.publish" }, select: { href: true } });
  assert.equal(n.href, `/bulletins/${bulletin.id}`);
});

test("a 督办件's 超期预警 reaches the lead unit's people in-app, with a robot or without", async () => {
  const p = await people();
  const other = await t.db.unit.findFirstOrThrow({ where: { code: "N2" } });
  const at = (hhmm: string) => districtInstant("2026-12-10", hhmm);
  const order = await t.db.supervisionOrder.create({
    data: { issuerId: p.office, unitId: other.id, title: "河道清淤", content: "限期清淤。", deadline: at("18:00"), status: "SIGNED", createdAt: at("08:00") },
  });
  await enqueueDueMessages(t.db, at("16:00"));
  const told = await inbox("order.warning");
  assert.deepEqual(Object.keys(told).sort(), ["other-head", "other-rep"], "别的镇 has no robot: told in-app all the same");
  assert.match(told["other-head"][0], /^督办件超期预警：督办件《河道清淤》将于/);
  const n = await t.db.notification.findFirstOrThrow({ where: { kind: "order.warning" }, select: { href: true } });
  assert.equal(n.href, `/orders/${order.id}`);
});
