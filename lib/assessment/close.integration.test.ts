/**
 * Input gathering, closing and correcting a quarter against a real migrated
 * SQLite file: what counts as an input, the frozen snapshot, flags passing,
 * versioned corrections with their reason in the audit log.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  AssessmentError,
  type StoredBreakdown,
  closeQuarter,
  correctQuarter,
  readBreakdown,
  readSnapshotInputs,
  storedBreakdown,
} from "@/lib/assessment/close";
import { gatherQuarterInputs, periodFor } from "@/lib/assessment/inputs";
import { computeQuarterScore } from "@/lib/assessment/scoring";
import type { Db } from "@/lib/db-client";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { createQuarters, createTownsWithHeads, LONG_AGO, recordProgress } from "@/lib/testing/quarters";
import { createOffice } from "@/lib/testing/users";
import { districtInstant } from "@/lib/time";

let t: TestDb;

let db: Db;
const ids: Record<string, string> = {};

// Q3 2026 closes on 10 October; Q4 is closed early, on 27 November.
const Q3_CLOSE = districtInstant("2026-10-10", "10:00");
const Q4_CLOSE = districtInstant("2026-11-27", "15:00");

before(async () => {
  t = await createTestDb();
  db = t.db;
  const admin = await createOffice(db, "admin");
  const leader = await db.user.create({ data: { username: "leader", name: "区委书记", passwordHash: "x", role: "LEADER" } });
  const assessor = await db.user.create({ data: { username: "assessor", name: "考核员", passwordHash: "x", role: "ASSESSOR" } });
  ids.admin = admin.id;
  // Four towns; the fourth was set up in the middle of Q3.
  Object.assign(ids, await createTownsWithHeads(db, ["甲镇", "乙镇", "丙镇", "丁镇"], (i) => (i === 3 ? districtInstant("2026-08-15", "09:00") : LONG_AGO)));
  // A unit set up after Q3 is no part of it.
  ids.late = (await db.unit.create({ data: { code: "T9", name: "新镇", kind: "TOWN", sortOrder: 9, createdAt: districtInstant("2026-10-20") } })).id;

  const rule = await db.scoringRule.create({ data: { year: 2026, redFlagCount: 1, yellowFlagCount: 1 } });
  ids.veto = (await db.vetoItem.create({ data: { ruleId: rule.id, name: "重大安全生产事故" } })).id;
  Object.assign(ids, await createQuarters(db, 2026, 2));

  const keyTask = await db.keyTask.create({ data: { code: "KT", name: "招商引资" } });
  // The group covers every town (its scope: lib/org/scope.ts); it scores only those.
  const scope = ["甲镇", "乙镇", "丙镇", "丁镇", "late"].map((name) => ({ unitId: ids[name] }));
  const group = await db.assessmentGroup.create({ data: { name: "招商引资跟踪考核组", keyTaskId: keyTask.id, units: { create: scope } } });
  ids.group = group.id;
  const r1 = await db.rubricItem.create({ data: { groupId: group.id, year: 2026, name: "签约", maxPoints: 60, sortOrder: 1 } });
  const r2 = await db.rubricItem.create({ data: { groupId: group.id, year: 2026, name: "落地", maxPoints: 40, sortOrder: 2 } });
  const score = async (unit: string, p1: number, p2: number, status: "DRAFT" | "SUBMITTED") =>
    db.groupScore.create({
      data: {
        quarterId: ids.Q3,
        groupId: group.id,
        unitId: ids[unit],
        assessorId: assessor.id,
        status,
        items: {
          create: [
            { rubricItemId: r1.id, points: p1, comment: p1 < 60 ? "进度慢" : null },
            { rubricItemId: r2.id, points: p2, comment: p2 < 40 ? "未开工" : null },
          ],
        },
      },
      include: { items: true },
    });
  ids.scoreA = (await score("甲镇", 60, 40, "SUBMITTED")).items[0].id;
  await score("乙镇", 50, 30, "SUBMITTED");
  await score("丙镇", 30, 10, "DRAFT"); // a draft never counts

  // Tasks: one due in Q3, one due in Q4, one archived; a milestone due in Q3.
  const task = (unit: string, deadline: string, valueReached: number, extra = {}) =>
    db.task
      .create({ data: { year: 2026, unitId: ids[unit], title: `${unit}任务${deadline}`, target: 10, measure: "个", valueReached, deadline, ...extra } })
      .then(async (row) => {
        // Progress recorded on 20 July: the as-of inputs read values from the dated history.
        await recordProgress(db, row.id, "2026-07-20", valueReached, valueReached);
        return row;
      });
  ids.taskA = (await task("甲镇", "2026-09-30", 10)).id;
  await task("甲镇", "2026-12-31", 0);
  await task("甲镇", "2026-08-01", 0, { archivedAt: new Date() });
  const taskB = await task("乙镇", "2026-12-31", 5);
  const milestoneB = await db.milestone.create({ data: { taskId: taskB.id, title: "8月底完成4个", dueDate: "2026-08-31", target: 4, valueReached: 2 } });
  await recordProgress(db, taskB.id, "2026-07-20", 2, 2, milestoneB.id);
  await task("丙镇", "2026-09-15", 3);

  // Reports on two days of Q3: 甲 on time, 乙 late once and missing once; 丁 reports after its creation.
  const card = async (unit: string, date: string, slots: { slot: "MORNING" | "NOON" | "EVENING"; late?: boolean }[]) => {
    const c = await db.reportCard.create({ data: { unitId: ids[unit], date } });
    const made = [];
    for (const s of slots) {
      made.push(
        await db.reportSlot.create({
          data: { cardId: c.id, slot: s.slot, authorId: ids[`${unit}-head`], submittedAt: districtInstant(date, "09:00"), late: s.late ?? false },
        }),
      );
    }
    return made;
  };
  const all = [{ slot: "MORNING" as const }, { slot: "NOON" as const }, { slot: "EVENING" as const }];
  for (const date of ["2026-09-01", "2026-09-02"]) await card("甲镇", date, all);
  const bSlots = await card("乙镇", "2026-09-01", [{ slot: "MORNING", late: true }, { slot: "NOON" }, { slot: "EVENING" }]);
  await card("乙镇", "2026-09-02", [{ slot: "MORNING" }, { slot: "NOON" }]);
  await card("丁镇", "2026-09-02", all);

  // Spot checks on 乙镇: one false, one true (a true one costs nothing).
  ids.falseCheck = (await db.spotCheck.create({ data: { slotId: bSlots[0].id, checkerId: leader.id, result: "FALSE", notes: "现场未见施工" } })).id;
  await db.spotCheck.create({ data: { slotId: bSlots[1].id, checkerId: leader.id, result: "TRUE" } });

  // Orders to 丙镇: one never accepted, one accepted late, one accepted in time, one due in Q4.
  const order = (title: string, deadline: string, acceptedAt: Date | null) =>
    db.supervisionOrder.create({
      data: {
        issuerId: admin.id,
        unitId: ids["丙镇"],
        title,
        content: "限时解决",
        deadline: districtInstant(deadline, "18:00"),
        status: acceptedAt ? "ACCEPTED" : "OPEN",
        acceptedAt,
      },
    });
  ids.orderOpen = (await order("未办结", "2026-08-10", null)).id;
  ids.orderLate = (await order("逾期办结", "2026-08-20", districtInstant("2026-08-25"))).id;
  await order("按期办结", "2026-09-10", districtInstant("2026-09-09"));
  await order("四季度到期", "2026-10-10", null);

  await db.scoreAdjustment.create({ data: { quarterId: ids.Q3, unitId: ids["丙镇"], points: 3, reason: "获省级表彰", createdById: leader.id } });
});

after(async () => {
  await t?.cleanup();
});

test("gathers each unit's inputs for a quarter: only what counts, traced by id", async () => {
  const inputs = await gatherQuarterInputs(db, ids.Q3, periodFor({ year: 2026, number: 3 }, Q3_CLOSE));
  const of = (name: string) => inputs.find((i) => i.unit.name === name)!;
  assert.deepEqual(inputs.map((i) => i.unit.name).sort(), ["丁镇", "丙镇", "乙镇", "甲镇"]);
  assert.equal(of("甲镇").period.asOf, "2026-09-30");

  assert.deepEqual(
    of("甲镇").taskItems.map((i) => i.id),
    [ids.taskA],
  );
  assert.deepEqual(
    of("乙镇").taskItems.map((i) => [i.kind, i.valueReached, i.target]),
    [["MILESTONE", 2, 4]],
  );
  assert.deepEqual(of("丙镇").groupScores, [], "a draft is not an input");
  assert.equal(of("甲镇").groupScores[0].maxTotal, 100);
  assert.deepEqual(
    of("乙镇").spotChecks.map((c) => [c.id, c.result]),
    [[ids.falseCheck, "FALSE"]],
  );
  assert.deepEqual(
    of("丙镇")
      .overdueOrders.map((o) => o.id)
      .sort(),
    [ids.orderOpen, ids.orderLate].sort(),
  );
  assert.deepEqual(
    of("丙镇").adjustments.map((a) => [a.points, a.reason, a.by]),
    [[3, "获省级表彰", "区委书记"]],
  );

  // Two reporting days in the district: 6 slots due from each unit.
  assert.deepEqual(of("甲镇").timeliness, { from: "2026-07-01", to: "2026-09-30", reportingDays: 2, expected: 6, onTime: 6, late: 0, missing: 0 });
  assert.deepEqual(of("乙镇").timeliness, { from: "2026-07-01", to: "2026-09-30", reportingDays: 2, expected: 6, onTime: 4, late: 1, missing: 1 });
  // 丁镇 was set up on 15 August: only the days since count.
  assert.equal(of("丁镇").unit.activeFrom, "2026-08-15");
  assert.deepEqual(of("丁镇").timeliness, { from: "2026-08-15", to: "2026-09-30", reportingDays: 2, expected: 6, onTime: 3, late: 0, missing: 3 });
});

test("a quarter cannot close before the one before it, nor before it has begun", async () => {
  await assert.rejects(
    closeQuarter(db, { quarterId: ids.Q4, actorId: ids.admin, now: Q4_CLOSE }),
    (e) => e instanceof AssessmentError && /请先关闭2026年第三季度/.test(e.message),
  );
  const next = await db.quarter.create({ data: { year: 2027, number: 1 } });
  await assert.rejects(closeQuarter(db, { quarterId: next.id, actorId: ids.admin, now: Q4_CLOSE }), /尚未开始/);
  await db.quarter.delete({ where: { id: next.id } });
});

test("closing freezes a snapshot: scores, ranks, inputs and breakdowns, and hands out flags", async () => {
  const result = await closeQuarter(db, { quarterId: ids.Q3, actorId: ids.admin, now: Q3_CLOSE });
  assert.equal(result.version, 1);
  assert.equal(result.units, 4);
  const quarter = await db.quarter.findUniqueOrThrow({ where: { id: ids.Q3 } });
  assert.equal(quarter.status, "CLOSED");
  assert.equal(quarter.version, 1);
  assert.equal(quarter.closedById, ids.admin);

  const rows = await db.quarterScore.findMany({ where: { quarterId: ids.Q3, version: 1 }, include: { unit: true }, orderBy: { rank: "asc" } });
  assert.equal(rows.length, 4);
  const byName = Object.fromEntries(rows.map((r) => [r.unit.name, r]));
  // 甲: tasks 40 + groups 40 + 10 + 10.
  assert.equal(byName["甲镇"].total, 100);
  assert.equal(byName["甲镇"].rank, 1);
  // Every row re-computes from its own stored inputs to its stored breakdown: each source's points
  // stored with its type and id; its words (label, detail) made from the stored inputs when read.
  for (const row of rows) {
    const stored = readSnapshotInputs(row.inputs);
    const again = computeQuarterScore(stored.inputs, stored.rules);
    assert.deepEqual(storedBreakdown(again.breakdown), JSON.parse(row.breakdown), row.unit.name);
    assert.deepEqual(readBreakdown(row.breakdown, row.inputs), again.breakdown, row.unit.name);
    const sources = (JSON.parse(row.breakdown) as StoredBreakdown).components.flatMap((c) => c.sources);
    assert.ok(sources.length > 0 && sources.every((s) => s.id && s.type && typeof s.points === "number" && s.label === undefined));
    assert.equal(again.total, row.total);
    // The breakdown stored as ASCII JSON (\uXXXX escapes), the inputs compressed (base64); read back as the Chinese they were.
    assert.match(row.breakdown + row.inputs, /^[\x20-\x7e]*$/);
    assert.ok(row.inputs.startsWith("gzip:"));
    assert.equal(stored.inputs.unit.name, row.unit.name);
  }

  const flags = await db.flag.findMany({ where: { quarterId: ids.Q3 }, include: { unit: true } });
  assert.deepEqual(
    flags.map((f) => [f.unit.name, f.color, f.streak, f.escalation]).sort(),
    [
      ["甲镇", "RED", 1, null],
      [rows.at(-1)!.unit.name, "YELLOW", 1, "通报批评"],
    ].sort(),
  );
  const log = await db.auditLog.findFirst({ where: { action: "quarter.close", entityId: ids.Q3 } });
  assert.ok(log);
  // The flags are told to the leaders in-app (with the close), not to the units nor the office.
  const told = await db.notification.findMany({ where: { kind: "quarter.close" }, select: { recipientId: true, message: true, href: true } });
  assert.deepEqual(
    told.map((n) => n.recipientId),
    [(await db.user.findUniqueOrThrow({ where: { username: "leader" } })).id],
  );
  assert.equal(told[0].message, `2026年第三季度考核结果：红旗 甲镇；黄旗 ${rows.at(-1)!.unit.name}。`);
  assert.equal(told[0].href, "/board");
  await assert.rejects(closeQuarter(db, { quarterId: ids.Q3, actorId: ids.admin, now: Q3_CLOSE }), /已经关闭/);
  assert.equal(await db.notification.count({ where: { kind: "quarter.close" } }), 1, "a refused close tells nobody");
});

test("later edits of inputs do not change the closed quarter", async () => {
  const beforeRows = await db.quarterScore.findMany({ where: { quarterId: ids.Q3 }, orderBy: { unitId: "asc" } });
  await db.task.update({ where: { id: ids.taskA }, data: { valueReached: 0 } });
  await recordProgress(db, ids.taskA, "2026-10-15", -10, 0);
  await db.groupScoreItem.update({ where: { id: ids.scoreA }, data: { points: 0, comment: "改分" } });
  await db.unitVeto.create({ data: { quarterId: ids.Q3, unitId: ids["甲镇"], vetoItemId: ids.veto, reason: "事后发现", createdById: ids.admin } });
  const afterRows = await db.quarterScore.findMany({ where: { quarterId: ids.Q3 }, orderBy: { unitId: "asc" } });
  assert.deepEqual(afterRows, beforeRows);
  assert.equal((await db.quarter.findUniqueOrThrow({ where: { id: ids.Q3 } })).version, 1);
});

test("a correction is a new version with its reason in the audit log; version 1 stays", async () => {
  const { version, changes, flagsChanged } = await correctQuarter(db, {
    quarterId: ids.Q3,
    actorId: ids.admin,
    reason: "甲镇事后查实发生重大安全生产事故",
    now: Q4_CLOSE,
  });
  assert.equal(version, 2);
  const a = changes.find((c) => c.unitName === "甲镇")!;
  assert.equal(a.before.failed, false);
  assert.equal(a.after.failed, true);
  assert.ok(a.after.rank > a.before.rank);
  assert.equal(flagsChanged, true);

  const v1 = await db.quarterScore.count({ where: { quarterId: ids.Q3, version: 1 } });
  const v2 = await db.quarterScore.findMany({ where: { quarterId: ids.Q3, version: 2 }, include: { unit: true } });
  assert.equal(v1, 4);
  assert.equal(v2.length, 4);
  for (const row of v2) assert.equal(row.reason, "甲镇事后查实发生重大安全生产事故");
  // The correction re-used the close's period: the same cut-off.
  assert.equal(readSnapshotInputs(v2[0].inputs).inputs.period.asOf, "2026-09-30");

  // The failed unit lost its red flag.
  const flags = await db.flag.findMany({ where: { quarterId: ids.Q3 }, include: { unit: true } });
  assert.ok(!flags.some((f) => f.unit.name === "甲镇" && f.color === "RED"));
  const log = await db.auditLog.findFirstOrThrow({ where: { action: "quarter.correct", entityId: ids.Q3 } });
  assert.match(log.after ?? "", /甲镇事后查实发生重大安全生产事故/);
  assert.match(log.after ?? "", /"version":2/);
});

test("the next close passes the flags on; an earlier quarter can no longer be corrected", async () => {
  const q3Flags = await db.flag.findMany({ where: { quarterId: ids.Q3 } });
  const rubric = await db.rubricItem.findMany({ where: { groupId: ids.group } });
  for (const [unit, points] of [
    ["乙镇", 50],
    ["新镇", 30],
  ] as const) {
    await db.groupScore.create({
      data: {
        quarterId: ids.Q4,
        groupId: ids.group,
        unitId: ids[unit === "新镇" ? "late" : unit],
        assessorId: (await db.user.findUniqueOrThrow({ where: { username: "assessor" } })).id,
        status: "SUBMITTED",
        items: { create: rubric.map((r) => ({ rubricItemId: r.id, points: Math.min(r.maxPoints, points), comment: "扣分说明" })) },
      },
    });
  }
  await closeQuarter(db, { quarterId: ids.Q4, actorId: ids.admin, now: Q4_CLOSE, earlyReason: "区委决定提前召开观摩点评会" });
  for (const f of await db.flag.findMany({ where: { id: { in: q3Flags.map((x) => x.id) } } })) assert.deepEqual(f.passedAt, Q4_CLOSE);
  // Q4: the two towns with a group score, and 丙 whose Q3 task (3 of 10) is still not done: an overdue item
  // stays due until done. 甲's task was done by Q3's end (its value taken back in October is no Q4 item).
  const q4 = await db.flag.findMany({ where: { quarterId: ids.Q4, passedAt: null }, include: { unit: true } });
  assert.deepEqual(q4.map((f) => [f.unit.name, f.color]).sort(), [
    ["丙镇", "YELLOW"],
    ["乙镇", "RED"],
  ]);
  const q4Inputs = await db.quarterScore.findFirstOrThrow({ where: { quarterId: ids.Q4, unitId: ids["丙镇"] } });
  assert.deepEqual(
    readSnapshotInputs(q4Inputs.inputs).inputs.taskItems.map((i) => [i.dueDate, i.carried]),
    [["2026-09-15", true]],
  );
  assert.equal(await db.quarterScore.count({ where: { quarterId: ids.Q4, rank: 0 } }), 2);
  // 新镇 (set up in October) is ranked in Q4 only.
  assert.equal(await db.quarterScore.count({ where: { quarterId: ids.Q3, unitId: ids.late } }), 0);
  assert.equal(await db.quarterScore.count({ where: { quarterId: ids.Q4, unitId: ids.late } }), 1);
  await assert.rejects(correctQuarter(db, { quarterId: ids.Q3, actorId: ids.admin, reason: "再改" }), /只能更正最近关闭的季度/);
});
