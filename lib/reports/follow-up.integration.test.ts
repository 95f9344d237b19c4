import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { recordInstruction, recordInstructionAnswer, recordReminders } from "@/lib/reports/follow-up";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { seedMorningPlan } from "@/lib/testing/slots";
import { createSessionUser } from "@/lib/testing/users";
import { districtInstant, districtToday } from "@/lib/time";

let t: TestDb;
let leader: SessionUser;
let townHead: SessionUser;
let otherReporter: SessionUser;
let admin: SessionUser;
let townId: string;
let otherId: string;
let slotId: string;
const today = districtToday();
const now = districtInstant(today, "14:00");

before(async () => {
  t = await createTestDb();
  ({ townId, otherId, townHead, slotId } = await seedMorningPlan(t.db, today));
  leader = await createSessionUser(t.db, "leader", "LEADER");
  admin = await createSessionUser(t.db, "admin", "ADMIN");
  otherReporter = await createSessionUser(t.db, "other-rep", "REPORTER", otherId);
});
after(() => t.cleanup());

test("a leader's instruction lands on the slot's card; only that unit can answer it", async () => {
  assert.equal((await recordInstruction(t.db, leader, { slotId, text: "要依法依规" })).ok, true);
  const instruction = await t.db.instruction.findFirstOrThrow({ where: { cardId: { not: "" } } });
  assert.equal(instruction.slot, "MORNING");

  const foreign = await recordInstructionAnswer(t.db, otherReporter, { instructionId: instruction.id, text: "别的镇来回复" });
  assert.equal(foreign.ok, undefined);
  assert.match(foreign.message ?? "", /不是给本单位的/);
  assert.equal(await t.db.instructionAnswer.count(), 0);
  assert.equal((await t.db.instruction.findUniqueOrThrow({ where: { id: instruction.id } })).answeredAt, null);

  assert.equal((await recordInstructionAnswer(t.db, townHead, { instructionId: instruction.id, text: "已落实" })).ok, true);
  assert.ok((await t.db.instruction.findUniqueOrThrow({ where: { id: instruction.id } })).answeredAt);
});

test("reminders go only to units that have not shown the slot", async () => {
  const result = await recordReminders(t.db, admin, { slot: "MORNING" }, now);
  assert.equal(result.message, "已提醒乙镇。");
  assert.deepEqual(
    (await t.db.reminder.findMany()).map((r) => [r.unitId, r.slot, r.remindedById]),
    [[otherId, "MORNING", admin.id]],
  );
  assert.match((await recordReminders(t.db, admin, { slot: "MORNING", unitId: townId }, now)).message ?? "", /已晒早晒/);
});

test("a unit head reminds their own unit, never another", async () => {
  await t.db.reminder.deleteMany();
  const foreign = await recordReminders(t.db, townHead, { slot: "NOON", unitId: otherId }, now);
  assert.equal(foreign.message, "只能提醒本单位。");
  assert.equal(await t.db.reminder.count(), 0);
  const own = await recordReminders(t.db, townHead, { slot: "NOON" }, now);
  assert.equal(own.message, "已提醒甲镇。");
  assert.deepEqual(
    (await t.db.reminder.findMany()).map((r) => r.unitId),
    [townId],
  );
});
