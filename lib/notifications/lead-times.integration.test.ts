/**
 * The timed warnings' rules: a unit whose 办结申请 came in time is not warned
 * while it waits for the office's review (warned again once returned); the
 * lead times are the office's setting — validated, audited, refused to anyone
 * else — and the sender uses them, for the 催报, the 超期预警 and the new
 * 反馈即将到期.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { enqueueDueMessages } from "@/lib/notifications/events";
import { DEFAULT_LEAD_TIMES, leadTimesInput, readLeadTimes, saveLeadTimes } from "@/lib/notifications/lead-settings";
import { applyOrderStep, issueOrder } from "@/lib/supervision/orders/writes";
import { orderInput } from "@/lib/testing/orders";
import { testDbForFile } from "@/lib/testing/file-db";
import { createSessionUser } from "@/lib/testing/users";
import { addDays, districtInstant, districtToday } from "@/lib/time";
import { fieldErrorsOf } from "@/lib/validation";

const t = testDbForFile();
const today = districtToday();
const day = (n: number, hhmm: string) => districtInstant(addDays(today, n), hhmm);

const titles = async (kind = "order.warning") =>
  (await t.db.notification.findMany({ where: { kind }, select: { message: true } })).map((n) => n.message.split("：")[0]).sort();

test("a unit whose 办结申请 came in time gets no 超期预警 nor 已超期 while the office reviews it; returned, it is warned again", async () => {
  const town = await t.db.unit.create({ data: { code: "W1", name: "预警镇", kind: "TOWN" } });
  await t.db.robot.create({ data: { name: "预警镇工作群", kind: "WECOM", webhookUrl: "http://127.0.0.1:9/w", unitId: town.id } });
  const office = await createSessionUser(t.db, "office", "ADMIN");
  const head = await createSessionUser(t.db, "head", "UNIT_HEAD", town.id);
  const step = (user: typeof office, orderId: string, kind: string, now: Date, text?: string) =>
    applyOrderStep(t.db, user, { orderId, kind, text, untilTime: "18:00" } as never, [], now);

  const issued = await issueOrder(t.db, office, orderInput(town.id, "路灯维修", "限期修复路灯。", addDays(today, 2)), day(0, "08:00"));
  assert.ok(issued.ok);
  const id = issued.value;
  assert.ok((await step(head, id, "SIGN", day(0, "09:00"))).ok);
  assert.ok((await step(head, id, "REQUEST_CLOSE", day(1, "09:00"), "路灯已全部修复，附照片。")).ok, "in time: a day and more before the deadline");

  await enqueueDueMessages(t.db, day(2, "10:00"));
  assert.deepEqual(await titles(), [], "within the 24 h lead, but waiting for review: no 超期预警");
  await enqueueDueMessages(t.db, day(2, "18:30"));
  assert.deepEqual(await titles(), [], "past the deadline, answered in time: no 已超期");
  assert.equal(await t.db.outboxMessage.count({ where: { event: "order.warning" } }), 0, "nor in the group");

  // Returned after the deadline: the unit is late now, and told so.
  assert.ok((await step(office, id, "RETURN", day(2, "19:00"), "照片不清楚，请补充。")).ok);
  await enqueueDueMessages(t.db, day(2, "19:01"));
  assert.deepEqual(await titles(), ["督办件已超期"]);
});

test("the lead times: the office saves them (validated, audited); anyone else is refused; the defaults stand until then", async () => {
  const office = await t.db.user.findUniqueOrThrow({ where: { username: "office" } });
  const officeUser = { id: office.id, username: "office", name: "office", role: "ADMIN" as const, unitId: null, unitName: null, groupIds: [], sessionId: null };
  const leader = await createSessionUser(t.db, "leader", "LEADER");
  assert.deepEqual(await readLeadTimes(t.db), DEFAULT_LEAD_TIMES);

  const bad = leadTimesInput.safeParse({ remindMinutes: "2", orderLeadHours: "200" });
  assert.equal(bad.success, false);
  assert.deepEqual(fieldErrorsOf(bad.error!), { remindMinutes: ["催报至少提前 5 分钟"], orderLeadHours: ["预警最多提前 168 小时（7 天）"] });
  const notNumber = leadTimesInput.safeParse({ remindMinutes: "半小时", orderLeadHours: "1.5" });
  assert.deepEqual(fieldErrorsOf(notNumber.error!), { remindMinutes: ["请填写催报提前的分钟数"], orderLeadHours: ["请填写整数小时"] });

  const input = leadTimesInput.parse({ remindMinutes: "60", orderLeadHours: "48" });
  assert.deepEqual(await saveLeadTimes(t.db, leader, input), { ok: false, status: 403, message: "只有督查室可以设置提醒时间。" });
  assert.deepEqual(await readLeadTimes(t.db), DEFAULT_LEAD_TIMES, "refused: nothing stored");

  assert.equal((await saveLeadTimes(t.db, officeUser, input)).ok, true);
  assert.deepEqual(await readLeadTimes(t.db), { remindMinutes: 60, orderLeadHours: 48 });
  const log = await t.db.auditLog.findFirstOrThrow({ where: { action: "settings.leadTimes" } });
  assert.equal(log.actorId, office.id);
  assert.deepEqual(JSON.parse(log.before!), DEFAULT_LEAD_TIMES);
  assert.deepEqual(JSON.parse(log.after!), { remindMinutes: 60, orderLeadHours: 48 });
});

test("the sender uses the office's lead times: 催报 60 minutes ahead, 超期预警 and 反馈即将到期 48 hours ahead", async () => {
  const office = await t.db.user.findUniqueOrThrow({ where: { username: "office" } });
  const unit = await t.db.unit.create({ data: { code: "W2", name: "提前镇", kind: "TOWN" } });
  await createSessionUser(t.db, "w2-rep", "REPORTER", unit.id);
  await t.db.notification.deleteMany();
  const d = "2026-12-07";
  await enqueueDueMessages(t.db, districtInstant(d, "12:40"));
  assert.ok((await titles("report.remind")).length > 0, "午晒 closes 13:30: reminded 50 minutes ahead, within the 60 set");

  const at = (date: string, hhmm: string) => districtInstant(date, hhmm);
  await t.db.supervisionOrder.create({
    data: {
      issuerId: office.id,
      unitId: unit.id,
      title: "排水改造",
      content: "限期改造。",
      deadline: at("2026-12-12", "18:00"),
      status: "SIGNED",
      createdAt: at(d, "08:00"),
      signedAt: at(d, "08:00"),
      feedbackEveryDays: 3,
    },
  });
  // The 反馈 is due 2026-12-10 08:00, the deadline 2026-12-12 18:00.
  await enqueueDueMessages(t.db, at("2026-12-08", "07:00"));
  assert.deepEqual(await titles(), [], "49 h before the 反馈: not yet");
  await enqueueDueMessages(t.db, at("2026-12-08", "09:00"));
  assert.deepEqual(await titles(), ["督办件反馈即将到期"], "47 h before the 反馈 date");
  await enqueueDueMessages(t.db, at("2026-12-09", "09:00"));
  assert.deepEqual(await titles(), ["督办件反馈即将到期"], "once");
  await enqueueDueMessages(t.db, at("2026-12-10", "19:00"));
  assert.deepEqual(await titles(), ["督办件反馈即将到期", "督办件反馈逾期", "督办件超期预警"], "47 h before the deadline: 超期预警");
  const soon = await t.db.outboxMessage.findFirstOrThrow({ where: { title: "督办件反馈即将到期" } }).catch(() => null);
  assert.equal(soon, null, "提前镇 has no robot: in-app only");
});
