/**
 * A quarter's score rests on what was true in that quarter (issue 11): the
 * inputs are read as of the quarter's end and each item's due date; an item
 * overdue at an earlier quarter's end stays due; a quarter closes early only
 * with the office's reason; units outside the assessed set are not ranked;
 * units no criterion separates share a rank and a flag; a correction with
 * nothing changed changes nothing. On SQLite and (npm test) PostgreSQL.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { EarlyCloseReasonRequired, closeQuarter, correctQuarter } from "@/lib/assessment/close";
import { gatherQuarterInputs, periodFor } from "@/lib/assessment/inputs";
import { computeQuarterScore, defaultRules, itemStateAsOf } from "@/lib/assessment/scoring";
import type { Db } from "@/lib/db-client";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { LONG_AGO, recordProgress } from "@/lib/testing/quarters";
import { createOffice } from "@/lib/testing/users";
import { districtInstant } from "@/lib/time";

let t: TestDb;

let db: Db;
const ids: Record<string, string> = {};
const Q3_END_EVENING = districtInstant("2026-09-30", "20:00");
const Q3_CLOSE = districtInstant("2026-10-10", "10:00");

before(async () => {
  t = await createTestDb();
  db = t.db;
  ids.admin = (await createOffice(db, "admin")).id;
  for (const [i, name] of ["甲镇", "乙镇", "丙镇", "丁镇", "督查室"].entries()) {
    ids[name] = (
      await db.unit.create({ data: { code: `U${i + 1}`, name, kind: name === "督查室" ? "DEPARTMENT" : "TOWN", sortOrder: i + 1, createdAt: LONG_AGO } })
    ).id;
  }
  await db.scoringRule.create({ data: { year: 2026, redFlagCount: 1, yellowFlagCount: 1, excludedUnitIds: JSON.stringify([ids["督查室"]]) } });
  ids.Q2 = (await db.quarter.create({ data: { year: 2026, number: 2, status: "CLOSED", version: 1 } })).id;
  ids.Q3 = (await db.quarter.create({ data: { year: 2026, number: 3 } })).id;

  // Each task's value comes from one dated progress event (the history the scores read).
  const task = async (unit: string, title: string, deadline: string, valueReached: number, updatedOn: string) => {
    const row = await db.task.create({ data: { year: 2026, unitId: ids[unit], title, target: 10, measure: "个", valueReached, deadline } });
    await recordProgress(db, row.id, updatedOn, valueReached, valueReached);
    return row;
  };
  // 甲: done on time; 乙: the same task done after its due date; both in Q3.
  ids.onTime = (await task("甲镇", "按期完成", "2026-08-31", 10, "2026-08-20")).id;
  ids.late = (await task("乙镇", "逾期完成", "2026-08-31", 10, "2026-09-15")).id;
  // 丙: due in Q2 and still open at Q2's end → still due in Q3; a Q2 task done in Q2 is not.
  ids.carried = (await task("丙镇", "二季度逾期", "2026-06-15", 4, "2026-05-01")).id;
  await task("丙镇", "二季度已完成", "2026-06-20", 10, "2026-06-10");
  // 丁: done only after the quarter ended: as of 30 September nothing was reached.
  ids.afterEnd = (await task("丁镇", "季度后才完成", "2026-09-10", 10, "2026-10-05")).id;
  // The office is scored for reference but never ranked.
  await task("督查室", "督查计划", "2026-09-01", 10, "2026-08-01");
});

after(async () => {
  await t?.cleanup();
});

test("inputs are the values as of the quarter's end and each due date: on time, late, carried, after the end", async () => {
  const inputs = await gatherQuarterInputs(db, ids.Q3, periodFor({ year: 2026, number: 3 }, Q3_CLOSE));
  const item = (unit: string) => inputs.find((i) => i.unit.name === unit)!.taskItems;
  const asOf = "2026-09-30";

  assert.deepEqual(
    item("甲镇").map((i) => [i.valueAtDue, i.valueReached, i.reachedOn, itemStateAsOf(i, asOf)]),
    [[10, 10, "2026-08-20", "DONE"]],
  );
  assert.deepEqual(
    item("乙镇").map((i) => [i.valueAtDue, i.valueReached, i.reachedOn, itemStateAsOf(i, asOf)]),
    [[0, 10, "2026-09-15", "DONE_LATE"]],
  );
  assert.deepEqual(
    item("丙镇").map((i) => [i.id, i.carried, itemStateAsOf(i, asOf)]),
    [[ids.carried, true, "OVERDUE"]],
  );
  assert.deepEqual(
    item("丁镇").map((i) => [i.valueReached, i.reachedOn, itemStateAsOf(i, asOf)]),
    [[0, null, "OVERDUE"]],
  );

  const rules = { ...defaultRules(2026), excludedUnitIds: [ids["督查室"]] };
  const share = (unit: string) =>
    computeQuarterScore(
      inputs.find((i) => i.unit.name === unit)!,
      rules,
    ).breakdown.components.find((c) => c.key === "tasks")!.share;
  assert.equal(share("甲镇"), 1);
  assert.equal(share("乙镇"), 0.5);
  assert.equal(share("丙镇"), 0.4);
  assert.equal(share("丁镇"), 0);
});

test("a quarter cannot be closed before its last day has ended without the office's reason", async () => {
  await assert.rejects(
    closeQuarter(db, { quarterId: ids.Q3, actorId: ids.admin, now: Q3_END_EVENING }),
    (e) => e instanceof EarlyCloseReasonRequired && /2026-09-30 24:00 才结束/.test(e.message),
  );
  await assert.rejects(closeQuarter(db, { quarterId: ids.Q3, actorId: ids.admin, now: Q3_END_EVENING, earlyReason: "   " }), EarlyCloseReasonRequired);
  assert.equal((await db.quarter.findUniqueOrThrow({ where: { id: ids.Q3 } })).status, "OPEN");
});

test("closing early with a reason keeps the reason on the quarter and in the audit log; the excluded unit is listed, not ranked", async () => {
  await closeQuarter(db, { quarterId: ids.Q3, actorId: ids.admin, now: Q3_END_EVENING, earlyReason: "国庆假期前召开观摩点评会" });
  const quarter = await db.quarter.findUniqueOrThrow({ where: { id: ids.Q3 } });
  assert.equal(quarter.earlyCloseReason, "国庆假期前召开观摩点评会");
  const log = await db.auditLog.findFirstOrThrow({ where: { action: "quarter.close", entityId: ids.Q3 } });
  assert.match(log.after ?? "", /国庆假期前召开观摩点评会/);

  const office = await db.quarterScore.findFirstOrThrow({ where: { quarterId: ids.Q3, unitId: ids["督查室"] } });
  assert.equal(office.rank, 0);
  assert.ok(office.total > 0, "scored for reference");
  assert.equal(await db.flag.count({ where: { quarterId: ids.Q3, unitId: ids["督查室"] } }), 0);
});

test("a correction with nothing of the quarter changed changes nothing, even after later progress", async () => {
  // Progress after the quarter's end (丙 finishes its carried task in October) is no fact of Q3.
  await db.task.update({ where: { id: ids.carried }, data: { valueReached: 10 } });
  await recordProgress(db, ids.carried, "2026-10-12", 6, 10);
  const { changes, flagsChanged } = await correctQuarter(db, {
    quarterId: ids.Q3,
    actorId: ids.admin,
    reason: "复核：无变化",
    now: districtInstant("2026-10-15"),
  });
  assert.deepEqual(changes, []);
  assert.equal(flagsChanged, false);
  const [v1, v2] = await Promise.all(
    [1, 2].map((version) =>
      db.quarterScore.findMany({
        where: { quarterId: ids.Q3, version },
        orderBy: { unitId: "asc" },
        select: { unitId: true, total: true, rank: true, breakdown: true },
      }),
    ),
  );
  assert.deepEqual(v2, v1);
});

test("units no criterion separates share a rank and, at the boundary, the flag", async () => {
  // Two towns with identical facts in Q4: equal totals, overdue items, milestones and checks.
  const q4 = await db.quarter.create({ data: { year: 2026, number: 4 } });
  for (const unit of ["甲镇", "乙镇"]) {
    const row = await db.task.create({
      data: { year: 2026, unitId: ids[unit], title: "四季度任务", target: 10, measure: "个", valueReached: 10, deadline: "2026-10-20" },
    });
    await recordProgress(db, row.id, "2026-10-10", 10, 10);
  }
  await closeQuarter(db, { quarterId: q4.id, actorId: ids.admin, now: districtInstant("2027-01-05"), earlyReason: null });
  const rows = await db.quarterScore.findMany({ where: { quarterId: q4.id, kind: "TOWN", rank: { gt: 0 } }, include: { unit: true } });
  const rankOf = Object.fromEntries(rows.map((r) => [r.unit.name, r.rank]));
  assert.equal(rankOf["甲镇"], 1);
  assert.equal(rankOf["乙镇"], 1);
  const red = await db.flag.findMany({ where: { quarterId: q4.id, color: "RED" }, include: { unit: true } });
  assert.deepEqual(red.map((f) => f.unit.name).sort(), ["乙镇", "甲镇"]);
});

test("spot checks count by the checked report's day，不属实 and 部分属实 only; orders by their deadline's district date, once passed", async () => {
  const reporter = (await db.user.create({ data: { username: "rep-bing", name: "丙镇信息员", passwordHash: "x", role: "REPORTER", unitId: ids["丙镇"] } })).id;
  const check = async (unit: string, date: string, result: "FALSE" | "PARTLY_TRUE" | "TRUE", checkedOn: string) => {
    const card = await db.reportCard.upsert({ where: { unitId_date: { unitId: ids[unit], date } }, create: { unitId: ids[unit], date }, update: {} });
    const slot = await db.reportSlot.create({
      data: {
        cardId: card.id,
        slot: result === "TRUE" ? "MORNING" : result === "FALSE" ? "NOON" : "EVENING",
        authorId: reporter,
        text: "晒报",
        submittedAt: districtInstant(date, "12:00"),
      },
    });
    return (
      await db.spotCheck.create({
        data: { slotId: slot.id, checkerId: ids.admin, result, method: "PHONE", notes: "核查", checkedAt: districtInstant(checkedOn) },
      })
    ).id;
  };
  const falseQ4 = await check("丙镇", "2026-11-10", "FALSE", "2026-11-12");
  const partlyLastDay = await check("丙镇", "2026-12-31", "PARTLY_TRUE", "2027-01-03"); // checked after the quarter: still its report's quarter
  await check("丙镇", "2026-12-01", "TRUE", "2026-12-02");
  await check("丁镇", "2026-09-30", "FALSE", "2026-10-02"); // a Q3 report checked in Q4: not Q4's

  const order = (deadline: Date, acceptedAt: Date | null) =>
    db.supervisionOrder.create({
      data: { issuerId: ids.admin, unitId: ids["丙镇"], title: "督办", content: "限期办结", deadline, status: acceptedAt ? "ACCEPTED" : "OPEN", acceptedAt },
    });
  // 00:30 on 1 October in Shanghai is still 30 September in UTC: a Q4 order, not accepted in time.
  const lateQ4 = (await order(districtInstant("2026-10-01", "00:30"), districtInstant("2026-10-02", "09:00"))).id;
  await order(districtInstant("2026-09-30", "23:00"), null); // Q3's
  await order(districtInstant("2026-11-20", "18:00"), districtInstant("2026-11-20", "17:00")); // on time
  const dueLastEvening = (await order(districtInstant("2026-12-31", "18:00"), null)).id;

  const q4 = (await db.quarter.findFirstOrThrow({ where: { year: 2026, number: 4 } })).id;
  const inputsAt = async (now: Date) => (await gatherQuarterInputs(db, q4, periodFor({ year: 2026, number: 4 }, now))).find((i) => i.unit.name === "丙镇")!;
  const after = await inputsAt(districtInstant("2027-01-05"));
  assert.deepEqual(
    after.spotChecks.map((c) => [c.id, c.date, c.result]),
    [
      [falseQ4, "2026-11-10", "FALSE"],
      [partlyLastDay, "2026-12-31", "PARTLY_TRUE"],
    ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
  );
  assert.deepEqual(
    after.overdueOrders.map((o) => o.id),
    [lateQ4, dueLastEvening],
  );
  // 1 − 0.5 (不属实) − 0.2 (部分属实)
  assert.equal(
    computeQuarterScore(after, defaultRules(2026))
      .breakdown.components.find((c) => c.key === "spotChecks")!
      .share?.toFixed(6),
    "0.300000",
  );
  // Seen at noon on the last day, the evening's deadline has not passed yet.
  assert.deepEqual(
    (await inputsAt(districtInstant("2026-12-31", "12:00"))).overdueOrders.map((o) => o.id),
    [lateQ4],
  );
});

test("a unit moved between groups mid-year is scored by the group that covered it on the quarter's (or the cut-off's) last day", async () => {
  const assessor = (await db.user.create({ data: { username: "assessor", name: "考核员", passwordHash: "x", role: "ASSESSOR" } })).id;
  const group = async (name: string) => {
    const keyTask = await db.keyTask.create({ data: { code: `KT-${name}`, name: `${name}重点工作` } });
    const id = (await db.assessmentGroup.create({ data: { name, keyTaskId: keyTask.id } })).id;
    const rubric = (await db.rubricItem.create({ data: { groupId: id, year: 2026, name: "进度", maxPoints: 100, sortOrder: 1 } })).id;
    return { id, rubric };
  };
  const [a, b, c] = [await group("甲组"), await group("乙组"), await group("丙组")];
  // 甲镇 was in 甲组 until 14 August, in 乙组 from 15 August, in 丙组 from 1 November: today's scope holds only
  // 丙组; each move is recorded as the office records it (lib/org/writes.ts changeGroupScope).
  await db.assessmentGroupUnit.create({ data: { groupId: c.id, unitId: ids["甲镇"] } });
  const move = (from: string, to: string, effectiveDate: string) =>
    db.assessmentGroupScopeChange.createMany({
      data: [
        { groupId: from, unitId: ids["甲镇"], change: "REMOVE", effectiveDate, actorId: ids.admin },
        { groupId: to, unitId: ids["甲镇"], change: "ADD", effectiveDate, actorId: ids.admin },
      ],
    });
  await move(a.id, b.id, "2026-08-15");
  await move(b.id, c.id, "2026-11-01");
  const q4 = (await db.quarter.findFirstOrThrow({ where: { year: 2026, number: 4 } })).id;
  const score = (quarterId: string, g: { id: string; rubric: string }, points: number) =>
    db.groupScore.create({
      data: {
        quarterId,
        groupId: g.id,
        unitId: ids["甲镇"],
        assessorId: assessor,
        status: "SUBMITTED",
        items: { create: [{ rubricItemId: g.rubric, points, comment: "评分说明" }] },
      },
    });
  // Every group scored it in both quarters: only the one covering it on the day counts.
  for (const quarterId of [ids.Q3, q4])
    for (const [g, points] of [
      [a, 60],
      [b, 70],
      [c, 80],
    ] as const)
      await score(quarterId, g, points);

  const groupsOf = async (quarterId: string, number: 3 | 4, now: Date) =>
    (await gatherQuarterInputs(db, quarterId, periodFor({ year: 2026, number }, now))).find((i) => i.unit.name === "甲镇")!.groupScores.map((s) => s.groupName);
  assert.deepEqual(await groupsOf(ids.Q3, 3, Q3_CLOSE), ["乙组"], "Q3 ends on 30 September, in 乙组's scope");
  assert.deepEqual(await groupsOf(q4, 4, districtInstant("2026-10-20", "10:00")), ["乙组"], "Q4 seen on 20 October: still 乙组's");
  assert.deepEqual(await groupsOf(q4, 4, districtInstant("2027-01-05", "10:00")), ["丙组"], "Q4 ends in 丙组's scope");
  // The scored share follows: 70 of 100 in Q3.
  const q3 = (await gatherQuarterInputs(db, ids.Q3, periodFor({ year: 2026, number: 3 }, Q3_CLOSE))).find((i) => i.unit.name === "甲镇")!;
  assert.equal(
    computeQuarterScore(q3, defaultRules(2026))
      .breakdown.components.find((x) => x.key === "groups")!
      .share?.toFixed(2),
    "0.70",
  );
});
