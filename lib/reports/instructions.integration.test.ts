/**
 * A leader's 批示 on a real database: its optional 办理期限 (today or later in
 * the district's calendar), its closing (采纳办结) or 追问 by the leader who
 * wrote it or the office — anyone else is refused and nothing changes — the
 * open and overdue lists, and its conversion into a 督办件 (source recorded,
 * once only, and the 督办件's 办结 closes it).
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { closeInstruction, INSTRUCTION_NOT_YOURS, reaskInstruction, recordInstruction, recordInstructionAnswer } from "@/lib/reports/follow-up";
import { findLeaderInstructions } from "@/lib/reports/instruction-list";
import { instructionInput } from "@/lib/reports/schemas";
import { applyOrderStep, issueOrder } from "@/lib/supervision/orders/writes";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { seedMorningPlan } from "@/lib/testing/slots";
import { createSessionUser } from "@/lib/testing/users";
import { addDays, districtInstant, districtToday } from "@/lib/time";

let t: TestDb;
const u: Record<string, SessionUser> = {};
let townId: string;
let slotId: string;
// 00:30 in the district is still the previous day in UTC (and in the tests' Los Angeles TZ): the deadline is the district's date.
const today = districtToday();
const now = districtInstant(today, "00:30");

before(async () => {
  t = await createTestDb();
  const plan = await seedMorningPlan(t.db, today);
  ({ townId, slotId } = plan);
  u.townHead = plan.townHead;
  u.leader = await createSessionUser(t.db, "leader", "LEADER");
  u.otherLeader = await createSessionUser(t.db, "leader-2", "LEADER");
  u.office = await createSessionUser(t.db, "office", "ADMIN");
  u.assessor = await createSessionUser(t.db, "assessor", "ASSESSOR");
  u.otherHead = await createSessionUser(t.db, "other-head", "UNIT_HEAD", plan.otherId);
});
after(() => t.cleanup());
beforeEach(async () => {
  await t.db.supervisionOrder.deleteMany();
  await t.db.instruction.deleteMany();
});

/** A 批示 by `leader` and, unless `answered` is false, the town's answer; returns its id. */
async function instruction(text: string, opts: { deadline?: string; answered?: boolean; leader?: SessionUser } = {}) {
  assert.equal((await recordInstruction(t.db, opts.leader ?? u.leader, { slotId, text, deadline: opts.deadline }, now)).ok, true);
  const { id } = await t.db.instruction.findFirstOrThrow({ where: { text }, select: { id: true } });
  if (opts.answered !== false) assert.equal((await recordInstructionAnswer(t.db, u.townHead, { instructionId: id, text: `${text}：已落实` }, now)).ok, true);
  return id;
}

const row = (id: string) => t.db.instruction.findUniqueOrThrow({ where: { id }, select: { answeredAt: true, closedAt: true, deadline: true } });
const audits = (action: string) => t.db.auditLog.count({ where: { action } });

test("a 批示's deadline is today or later in the district's calendar, within a year; a past one is refused and nothing is written", async () => {
  const past = await recordInstruction(t.db, u.leader, { slotId, text: "昨天就该办完", deadline: addDays(today, -1) }, now);
  assert.equal(past.ok, undefined);
  assert.deepEqual(past.fieldErrors, { deadline: ["办理期限不能早于今天"] });
  const far = await recordInstruction(t.db, u.leader, { slotId, text: "明年再说", deadline: addDays(today, 400) }, now);
  assert.deepEqual(far.fieldErrors, { deadline: ["办理期限不能超过一年"] });
  assert.equal(await t.db.instruction.count(), 0);
  assert.equal(await audits("instruction.create"), 0);

  // Today counts, even at 00:30 district time (still yesterday in UTC).
  const todayResult = await recordInstruction(t.db, u.leader, { slotId, text: "今天办结", deadline: today }, now);
  assert.equal(todayResult.ok, true);
  assert.equal(todayResult.message, `批示已发出，请单位在 ${today} 前回复。`);
  assert.equal((await t.db.instruction.findFirstOrThrow({ where: { text: "今天办结" } })).deadline, today);
  // Without one, no deadline.
  assert.equal((await recordInstruction(t.db, u.leader, { slotId, text: "不限期" }, now)).ok, true);
  assert.equal((await t.db.instruction.findFirstOrThrow({ where: { text: "不限期" } })).deadline, null);

  // The form's input: empty means none, a malformed date is refused with a Chinese message.
  assert.equal(instructionInput.parse({ slotId, text: "x", deadline: "" }).deadline, undefined);
  const bad = instructionInput.safeParse({ slotId, text: "x", deadline: "2026-13-45" });
  assert.equal(bad.success, false);
  assert.match(bad.error?.issues[0].message ?? "", /办理期限应为日期/);
  const farInput = instructionInput.safeParse({ slotId, text: "x", deadline: "9999-12-31" });
  assert.equal(farInput.success, false);
  assert.match(farInput.error?.issues[0].message ?? "", /办理期限应在去年到明年之间/);
});

test("only the leader who wrote a 批示, or the office, closes it; another leader, an assessor or a unit is refused and nothing changes", async () => {
  const id = await instruction("请三天内拆除到位", { deadline: addDays(today, 3) });
  const before = await row(id);
  for (const who of [u.otherLeader, u.assessor, u.townHead, u.otherHead]) {
    assert.deepEqual(await closeInstruction(t.db, who, { instructionId: id }, now), { message: INSTRUCTION_NOT_YOURS }, who.role);
    assert.deepEqual(await reaskInstruction(t.db, who, { instructionId: id, text: "再说说" }, now), { message: INSTRUCTION_NOT_YOURS }, who.role);
  }
  assert.deepEqual(await row(id), before);
  assert.equal(await t.db.instructionAnswer.count({ where: { instructionId: id } }), 1);
  assert.equal(await audits("instruction.close"), 0);
  assert.equal(await audits("instruction.reask"), 0);

  const closed = await closeInstruction(t.db, u.leader, { instructionId: id }, now);
  assert.deepEqual(closed, { ok: true, message: "已采纳回复，批示办结。" });
  assert.equal((await row(id)).closedAt?.getTime(), now.getTime());
  const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "instruction.close", entityId: id } });
  assert.equal(entry.actorId, u.leader.id);
  // Once: a second click, the office, or a late answer from the unit change nothing.
  assert.equal((await closeInstruction(t.db, u.leader, { instructionId: id }, now)).message, "这条批示已经办结。");
  assert.equal((await closeInstruction(t.db, u.office, { instructionId: id }, now)).message, "这条批示已经办结。");
  assert.equal((await recordInstructionAnswer(t.db, u.townHead, { instructionId: id, text: "再补充一句" }, now)).message, "这条批示已办结，无需再回复。");
  assert.equal(await audits("instruction.close"), 1);

  // The office closes any leader's 批示 — but only once the unit has answered.
  const waiting = await instruction("请报送台账", { leader: u.otherLeader, answered: false });
  assert.equal((await closeInstruction(t.db, u.office, { instructionId: waiting }, now)).message, "单位还没有回复，回复后才能办结。");
  assert.equal((await row(waiting)).closedAt, null);
  await recordInstructionAnswer(t.db, u.townHead, { instructionId: waiting, text: "台账已报送" }, now);
  assert.equal((await closeInstruction(t.db, u.office, { instructionId: waiting }, now)).ok, true);
  assert.ok((await row(waiting)).closedAt);
});

test("追问 sends the 批示 back to the unit with the leader's words; the unit answers again, then the leader closes it", async () => {
  const id = await instruction("请核实群众反映的问题");
  assert.equal((await reaskInstruction(t.db, u.leader, { instructionId: id, text: "请说明具体整改时限" }, now)).ok, true);
  assert.equal((await row(id)).answeredAt, null);
  const thread = await t.db.instructionAnswer.findMany({ where: { instructionId: id }, orderBy: { createdAt: "asc" }, select: { authorId: true, text: true } });
  assert.deepEqual(thread.at(-1), { authorId: u.leader.id, text: "请说明具体整改时限" });
  assert.equal((await closeInstruction(t.db, u.leader, { instructionId: id }, now)).message, "单位还没有回复，回复后才能办结。");
  assert.equal((await reaskInstruction(t.db, u.leader, { instructionId: id, text: "再问一次" }, now)).message, "单位还没有回复，不必追问。");
  await recordInstructionAnswer(t.db, u.townHead, { instructionId: id, text: "本月底前整改完毕" }, now);
  assert.equal((await closeInstruction(t.db, u.leader, { instructionId: id }, now)).ok, true);
  assert.equal(await audits("instruction.reask"), 1);
});

test("open and overdue lists: a leader sees only their own 批示, the office every leader's; overdue is past the deadline's day and not closed", async () => {
  // Written a few days ago with deadlines that have passed since (the write refuses a past deadline, so set directly).
  const late = await instruction("逾期未回复", { deadline: today, answered: false });
  const lateAnswered = await instruction("逾期已回复未采纳", { deadline: today });
  const lateClosed = await instruction("逾期但已办结", { deadline: today });
  const dueToday = await instruction("今天到期", { deadline: today, answered: false });
  const noDeadline = await instruction("不限期", { answered: false });
  const foreign = await instruction("别的领导的逾期批示", { deadline: today, answered: false, leader: u.otherLeader });
  await t.db.instruction.updateMany({ where: { id: { in: [late, lateAnswered, lateClosed, foreign] } }, data: { deadline: addDays(today, -2) } });
  await closeInstruction(t.db, u.leader, { instructionId: lateClosed }, now);

  const ids = async (who: SessionUser, show: "open" | "overdue" | "closed") =>
    (await findLeaderInstructions(t.db, who, show, today)).instructions.map((i) => i.id).sort();
  assert.deepEqual(await ids(u.leader, "overdue"), [late, lateAnswered].sort());
  assert.deepEqual(await ids(u.leader, "open"), [late, lateAnswered, dueToday, noDeadline].sort());
  assert.deepEqual(await ids(u.leader, "closed"), [lateClosed]);
  const counts = await findLeaderInstructions(t.db, u.leader, "open", today);
  assert.deepEqual([counts.openCount, counts.overdueCount], [4, 2]);

  // Another leader sees only theirs; the office sees all.
  assert.deepEqual(await ids(u.otherLeader, "overdue"), [foreign]);
  assert.deepEqual(await ids(u.office, "overdue"), [late, lateAnswered, foreign].sort());
  // The day after, today's deadline is overdue too.
  assert.deepEqual(
    (await findLeaderInstructions(t.db, u.leader, "overdue", addDays(today, 1))).instructions.map((i) => i.id).sort(),
    [late, lateAnswered, dueToday].sort(),
  );
});

test("a 批示 becomes a 督办件 in one step: its source is recorded, a second conversion is refused, and the 督办件's 办结 closes the 批示", async () => {
  const id = await instruction("请限期整改占道经营", { deadline: addDays(today, 5), answered: false });
  const order = {
    unitId: townId,
    coUnitIds: [],
    instructionId: id,
    title: "落实领导批示",
    content: "领导批示：请限期整改占道经营，办结后报送佐证。",
    deadlineDate: addDays(today, 5),
    deadlineTime: "18:00",
  };
  const issued = await issueOrder(t.db, u.leader, order, now);
  assert.ok(issued.ok);
  const saved = await t.db.supervisionOrder.findUniqueOrThrow({ where: { id: issued.value }, select: { source: true, instructionId: true } });
  assert.deepEqual(saved, { source: "INSTRUCTION", instructionId: id });
  const again = await issueOrder(t.db, u.office, order, now);
  assert.equal(again.ok, false);
  assert.equal(again.ok === false && again.message, "这条批示已转为督办件。");
  assert.equal(await t.db.supervisionOrder.count(), 1);

  const step = (who: SessionUser, kind: string, text?: string) =>
    applyOrderStep(t.db, who, { orderId: issued.value, kind: kind as never, text, untilTime: "18:00" } as never, [], now);
  assert.ok((await step(u.townHead, "SIGN")).ok);
  assert.ok((await step(u.townHead, "REQUEST_CLOSE", "占道摊点已全部清理，设置了疏导点。")).ok);
  assert.equal((await row(id)).closedAt, null, "not closed before the 督办件 is");
  assert.ok((await step(u.leader, "CLOSE")).ok);
  assert.equal((await row(id)).closedAt?.getTime(), now.getTime());
  const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "instruction.close", entityId: id } });
  assert.equal(entry.actorId, u.leader.id);
});
