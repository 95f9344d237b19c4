/**
 * A claim found false is taken back (issue 10, item 2): recording 不属实 on an
 * evening reverses what its amounts added to the task and its milestones, by
 * REVERSAL events linked to the check, in the recording's transaction;
 * 部分属实 reverses the amount entered; a changed result gives back or takes
 * more; nothing is ever reversed twice — on SQLite and PostgreSQL.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import type { SpotCheckResult } from "@/lib/generated/prisma/enums";
import { submitSlot } from "@/lib/reports/submit";
import type { LocalDirStorage } from "@/lib/storage";
import { recordInput } from "@/lib/supervision/spot-checks/schemas";
import { recordSpotCheckResult } from "@/lib/supervision/spot-checks/writes";
import { progressAsOf } from "@/lib/tasks/progress-events";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { tempPhotoStorage } from "@/lib/testing/photos";
import { createOffice, sessionUser } from "@/lib/testing/users";
import { addDays, districtInstant, districtToday } from "@/lib/time";

let t: TestDb;
let photoDir: string;
let storage: LocalDirStorage;
let admin: SessionUser;
let leader: SessionUser;
let unitCount = 0;
const today = districtToday();
const year = Number(today.slice(0, 4));
const tomorrow = addDays(today, 1);

before(async () => {
  t = await createTestDb();
  ({ dir: photoDir, storage } = tempPhotoStorage("reversal"));
  admin = await createOffice(t.db);
  leader = sessionUser((await t.db.user.create({ data: { username: "leader", name: "区长", role: "LEADER", passwordHash: "x" } })).id, "LEADER");
});

after(async () => {
  await t.cleanup();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

/** A unit with a task (target 100, a milestone at 60, due tomorrow) and its reporter. */
async function scene() {
  unitCount++;
  const unit = await t.db.unit.create({ data: { code: `R${unitCount}`, name: `核查镇${unitCount}`, kind: "TOWN" } });
  const rep = await t.db.user.create({ data: { username: `rep${unitCount}`, name: "信息员", role: "REPORTER", unitId: unit.id, passwordHash: "x" } });
  const task = await t.db.task.create({
    data: {
      year,
      unitId: unit.id,
      title: "拆除违建 100 户",
      target: 100,
      measure: "户",
      deadline: tomorrow,
      milestones: { create: [{ title: "累计 60 户", dueDate: tomorrow, target: 60 }] },
    },
    include: { milestones: true },
  });
  const other = await t.db.task.create({ data: { year, unitId: unit.id, title: "清理垃圾 50 吨", target: 50, measure: "吨", deadline: tomorrow } });
  const reporter = sessionUser(rep.id, "REPORTER", unit.id);
  const evening = (items: { taskId: string; value: number }[], hhmm = "20:00") =>
    submitSlot(t.db, storage, {
      user: reporter,
      date: "today",
      slot: "evening",
      photos: [],
      now: districtInstant(today, hhmm),
      input: {
        items: items.map((i, n) => ({ text: `事项${n + 1}`, taskId: i.taskId, done: true, progressValue: i.value })),
        revisionReason: "更正完成量",
      },
    });
  return { unit, reporter, task, milestone: task.milestones[0], other, evening };
}

async function newCheck(slotId: string) {
  return (await t.db.spotCheck.create({ data: { slotId, checkerId: admin.id } })).id;
}

function record(checkId: string, result: SpotCheckResult, untrue: Record<string, number> = {}, user = admin) {
  const form: Record<string, string> = { checkId, method: "ON_SITE", result, checkedAt: `${today}T10:00`, notes: "到现场核实，情况见说明。" };
  for (const [taskId, amount] of Object.entries(untrue)) form[`untrue.${taskId}`] = String(amount);
  const data = recordInput.parse(form);
  return recordSpotCheckResult(t.db, user, { ...data, checkedAt: districtInstant(today, "10:00") }, [], districtInstant(today, "21:30"));
}

const values = async (taskId: string) => {
  const task = await t.db.task.findUniqueOrThrow({ where: { id: taskId }, include: { milestones: true } });
  return { task: task.valueReached, status: task.status, milestones: task.milestones.map((m) => [m.valueReached, m.status]) };
};

test("不属实 takes back what the evening added — task, milestone and status — with events linked to the check; again, nothing more", async () => {
  const s = await scene();
  const slot = (await s.evening([{ taskId: s.task.id, value: 100 }])).slot;
  assert.deepEqual(await values(s.task.id), { task: 100, status: "DONE", milestones: [[60, "DONE"]] });
  const checkId = await newCheck(slot.id);

  const result = await record(checkId, "FALSE");
  assert.deepEqual(result, { ok: true, value: { reversed: [{ taskId: s.task.id, amount: -100 }] } });
  assert.deepEqual(await values(s.task.id), { task: 0, status: "NOT_STARTED", milestones: [[0, "NOT_STARTED"]] });
  const reversal = await t.db.progressEvent.findMany({ where: { source: "REVERSAL", taskId: s.task.id }, orderBy: { id: "asc" } });
  assert.deepEqual(
    reversal.map((e) => [e.milestoneId, e.delta, e.valueAfter, e.requested, e.spotCheckId, e.slotId, e.date, e.actorId]),
    [
      [null, -100, 0, -100, checkId, slot.id, today, admin.id],
      [s.milestone.id, -60, 0, null, checkId, slot.id, today, admin.id],
    ],
  );
  const entry = await t.db.auditLog.findFirstOrThrow({ where: { action: "task.progress-reversal", entityId: s.task.id } });
  assert.match(entry.after ?? "", new RegExp(checkId));

  // Re-recorded with the same result (a typo fixed in the notes): nothing more taken back.
  assert.deepEqual(await record(checkId, "FALSE"), { ok: true, value: { reversed: [] } });
  assert.equal(await t.db.progressEvent.count({ where: { source: "REVERSAL", taskId: s.task.id } }), 2);
  assert.equal((await values(s.task.id)).task, 0);

  // The quarter score's as-of input follows: the false claim never counted on its day.
  assert.equal((await progressAsOf(t.db, [s.task.id], today)).get(s.task.id)!.value, 0);
});

test("a changed result：不属实 → 属实 gives back, → 部分属实 takes back the amount entered; the events add up to the value", async () => {
  const s = await scene();
  const slot = (
    await s.evening([
      { taskId: s.task.id, value: 80 },
      { taskId: s.other.id, value: 20 },
    ])
  ).slot;
  const checkId = await newCheck(slot.id);
  await record(checkId, "FALSE");
  assert.equal((await values(s.task.id)).task, 0);
  assert.equal((await values(s.other.id)).task, 0);

  assert.deepEqual((await record(checkId, "TRUE")).ok, true);
  assert.deepEqual(await values(s.task.id), { task: 80, status: "IN_PROGRESS", milestones: [[60, "DONE"]] });
  assert.equal((await values(s.other.id)).task, 20);

  const partly = await record(checkId, "PARTLY_TRUE", { [s.task.id]: 30 });
  assert.deepEqual(partly, { ok: true, value: { reversed: [{ taskId: s.task.id, amount: -30 }] } });
  assert.equal((await values(s.task.id)).task, 50);
  assert.equal((await values(s.other.id)).task, 20, "a task with no amount entered keeps its progress");
  const stored = await t.db.spotCheck.findUniqueOrThrow({ where: { id: checkId } });
  assert.deepEqual(JSON.parse(stored.untrueAmounts ?? "{}"), { [s.task.id]: 30 });

  for (const id of [s.task.id, s.other.id]) {
    const sum = (await t.db.progressEvent.findMany({ where: { taskId: id, milestoneId: null } })).reduce((a, e) => a + e.delta, 0);
    assert.equal(sum, (await values(id)).task);
  }
});

test("部分属实 with more than the claim, or a task the slot does not claim, is refused and changes nothing", async () => {
  const s = await scene();
  const slot = (await s.evening([{ taskId: s.task.id, value: 40 }])).slot;
  const checkId = await newCheck(slot.id);
  const tooMuch = await record(checkId, "PARTLY_TRUE", { [s.task.id]: 41 });
  assert.equal(tooMuch.ok, false);
  assert.match(!tooMuch.ok ? tooMuch.message : "", /不能超过晒报所报的完成量（40）/);
  const notClaimed = await record(checkId, "PARTLY_TRUE", { [s.other.id]: 1 });
  assert.equal(notClaimed.ok, false);
  const check = await t.db.spotCheck.findUniqueOrThrow({ where: { id: checkId } });
  assert.equal(check.result, null, "the check is not recorded");
  assert.equal((await values(s.task.id)).task, 40);
  assert.equal(await t.db.progressEvent.count({ where: { source: "REVERSAL", taskId: s.task.id } }), 0);
});

test("the unit's correction of a false amount moves the reversal with it: never taken back twice, given back as corrected", async () => {
  const s = await scene();
  const slot = (await s.evening([{ taskId: s.task.id, value: 100 }], "19:00")).slot;
  const checkId = await newCheck(slot.id);
  await record(checkId, "FALSE");
  assert.equal((await values(s.task.id)).task, 0);
  // The unit corrects its amount to 40: still 0 (not −40), the reversal now takes back 40.
  await s.evening([{ taskId: s.task.id, value: 40 }], "20:30");
  assert.equal((await values(s.task.id)).task, 0);
  // The office re-records 属实: the corrected 40 is given back, not the first 100.
  await record(checkId, "TRUE");
  assert.equal((await values(s.task.id)).task, 40);
});

test("a slot checked twice is taken back once; a morning check takes nothing; only the office and leaders record", async () => {
  const s = await scene();
  const slot = (await s.evening([{ taskId: s.task.id, value: 70 }])).slot;
  const first = await newCheck(slot.id);
  const second = await newCheck(slot.id);
  await record(first, "FALSE");
  await record(second, "FALSE", {}, leader);
  assert.equal((await values(s.task.id)).task, 0);
  const sum = (await t.db.progressEvent.findMany({ where: { taskId: s.task.id, milestoneId: null } })).reduce((a, e) => a + e.delta, 0);
  assert.equal(sum, 0);

  const refused = await record(first, "TRUE", {}, s.reporter);
  assert.equal(refused.ok, false);
  assert.equal((await values(s.task.id)).task, 0);

  const morning = await submitSlot(t.db, storage, {
    user: s.reporter,
    date: "today",
    slot: "morning",
    photos: [],
    now: districtInstant(today, "08:00"),
    input: { items: [{ text: "继续拆除", taskId: s.other.id }] },
  });
  const morningCheck = await newCheck(morning.slot.id);
  assert.deepEqual(await record(morningCheck, "FALSE"), { ok: true, value: { reversed: [] } });
});
