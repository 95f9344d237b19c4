/**
 * The robot messages of the events outside a 督办件's steps: 催报 before a
 * slot's deadline (once, @ the reporters' phones), the day's missing slots to
 * the office, a manual 催报 and a new 批示 written with their own records, and
 * a 督办件's 超期预警 / 已超期 / 反馈逾期 (once per deadline).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { enqueueDueMessages } from "@/lib/notifications/events";
import { recordInstruction, recordReminders } from "@/lib/reports/follow-up";
import { testDbForFile } from "@/lib/testing/file-db";
import { createSlot } from "@/lib/testing/slots";
import { createSessionUser } from "@/lib/testing/users";
import { districtInstant, districtToday } from "@/lib/time";

const t = testDbForFile();
const day = "2026-12-01";
const at = (hhmm: string) => districtInstant(day, hhmm);

async function scene() {
  const town = await t.db.unit.create({ data: { code: "E1", name: "事件镇", kind: "TOWN" } });
  const quiet = await t.db.unit.create({ data: { code: "E2", name: "无群镇", kind: "TOWN" } });
  await t.db.robot.create({ data: { name: "事件镇工作群", kind: "DINGTALK", webhookUrl: "http://127.0.0.1:9/robot", unitId: town.id } });
  await t.db.robot.create({ data: { name: "督查室工作群", kind: "WECOM", webhookUrl: "http://127.0.0.1:9/office", audience: "OFFICE" } });
  await t.db.user.create({ data: { username: "e-rep", name: "李信息", role: "REPORTER", unitId: town.id, phone: "13800000001", passwordHash: "x" } });
  await t.db.user.create({ data: { username: "e-rep2", name: "无手机", role: "REPORTER", unitId: town.id, passwordHash: "x" } });
  return { town, quiet };
}

const messages = (event: string) =>
  t.db.outboxMessage.findMany({ where: { event }, orderBy: { createdAt: "asc" }, include: { robot: { select: { name: true } } } });

test("催报 30 minutes before a slot's deadline goes once to the unit's group, @-ing its reporters; after it, the office hears who is missing", async () => {
  const { town } = await scene();
  assert.equal(await enqueueDueMessages(t.db, at("12:50")), 0, "not before the lead time (午晒 closes 13:30)");
  assert.equal(await enqueueDueMessages(t.db, at("13:05")), 1);
  assert.equal(await enqueueDueMessages(t.db, at("13:20")), 0, "once only");
  const [remind] = await messages("report.remind");
  assert.equal(remind.robot.name, "事件镇工作群");
  assert.deepEqual(JSON.parse(remind.mentionMobiles), ["13800000001"]);
  assert.match(remind.markdown, /事件镇：今日午晒尚未晒出，截止时间 13:30，请及时填报。/);
  assert.doesNotMatch(remind.markdown, /李信息/, "no name beyond the unit");

  assert.equal(await enqueueDueMessages(t.db, at("13:31")), 1);
  const [missing] = await messages("report.missing");
  assert.equal(missing.robot.name, "督查室工作群");
  assert.match(missing.markdown, /2 个单位未晒午晒：事件镇、无群镇。/);
  assert.equal(await enqueueDueMessages(t.db, at("13:40")), 0, "once only");

  // A unit that has shown the slot is not reminded.
  const rep = await t.db.user.findUniqueOrThrow({ where: { username: "e-rep" } });
  await createSlot(t.db, { unitId: town.id, date: day, slot: "EVENING", authorId: rep.id, text: "晚晒内容", submittedAt: at("20:00") });
  assert.equal(await enqueueDueMessages(t.db, at("20:45")), 0, "晚晒 shown: no 催报");
});

test("a manual 催报 and a new 批示 write their robot message with their record", async () => {
  const town = await t.db.unit.findFirstOrThrow({ where: { code: "E1" } });
  const admin = await createSessionUser(t.db, "e-admin", "ADMIN");
  const now = districtInstant(districtToday(), "10:00");
  const reminded = await recordReminders(t.db, admin, { slot: "NOON", unitId: town.id }, now);
  assert.equal(reminded.ok, true);
  const manual = (await messages("report.remind")).find((m) => m.createdAt.getTime() === now.getTime());
  assert.ok(manual, "written with the reminder");
  assert.deepEqual(JSON.parse(manual.mentionMobiles), ["13800000001"]);

  const leader = await createSessionUser(t.db, "e-leader", "LEADER");
  const rep = await t.db.user.findUniqueOrThrow({ where: { username: "e-rep" } });
  const slot = await createSlot(t.db, {
    unitId: town.id,
    date: "2026-12-02",
    slot: "MORNING",
    authorId: rep.id,
    text: "早晒内容",
    submittedAt: districtInstant("2026-12-02", "09:00"),
  });
  assert.equal((await recordInstruction(t.db, leader, { slotId: slot.id, text: "请加快进度，注意安全。" })).ok, true);
  const [instruction] = await messages("instruction.create");
  assert.equal(instruction.robot.name, "事件镇工作群");
  assert.match(instruction.markdown, /事件镇：今日早晒收到领导批示/);
  assert.doesNotMatch(instruction.markdown, /注意安全/, "not the 批示's text");
});

test("a 督办件 near its deadline, past it, and late with its 反馈: each warned once", async () => {
  const town = await t.db.unit.findFirstOrThrow({ where: { code: "E1" } });
  const admin = await t.db.user.findUniqueOrThrow({ where: { username: "e-admin" } });
  const order = await t.db.supervisionOrder.create({
    data: {
      issuerId: admin.id,
      unitId: town.id,
      title: "道路整修",
      content: "限期整修。",
      deadline: at("18:00"),
      status: "SIGNED",
      createdAt: at("08:00"),
      feedbackEveryDays: 1,
      signedAt: at("08:00"),
    },
  });
  await t.db.outboxMessage.deleteMany();
  const warnings = async (now: Date) => {
    await enqueueDueMessages(t.db, now);
    return (await messages("order.warning")).map((m) => m.title).sort();
  };
  // The 反馈 is due 2026-12-02 08:00: within the 24 h lead at 16:00, as the deadline is.
  assert.deepEqual(await warnings(at("16:00")), ["督办件反馈即将到期", "督办件超期预警"]);
  assert.deepEqual(await warnings(at("17:00")), ["督办件反馈即将到期", "督办件超期预警"], "once");
  assert.deepEqual(await warnings(at("18:01")), ["督办件反馈即将到期", "督办件已超期", "督办件超期预警"]);
  assert.deepEqual(await warnings(districtInstant("2026-12-02", "08:01")), ["督办件反馈即将到期", "督办件反馈逾期", "督办件已超期", "督办件超期预警"]);
  const overdue = (await messages("order.warning")).find((m) => m.title === "督办件已超期")!;
  assert.match(overdue.markdown, new RegExp(`\\(/orders/${order.id}\\)`));
  // Closed: no more warnings.
  await t.db.supervisionOrder.update({ where: { id: order.id }, data: { status: "ACCEPTED" } });
  assert.equal(await enqueueDueMessages(t.db, districtInstant("2026-12-03", "11:00")), 0);
});
