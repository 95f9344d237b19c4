/**
 * A unit retired (撤销) during a quarter (scoring.ts retiredIn, README
 * "A retired unit in the quarter it was retired"): listed as 已撤销, not
 * ranked and not flagged for that quarter; no report is due from the day it
 * was retired. The other units are ranked and flagged as if it were not there.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { closeQuarter, readBreakdown } from "@/lib/assessment/close";
import { gatherQuarterInputs, periodFor } from "@/lib/assessment/inputs";
import { computeQuarterScore, defaultRules } from "@/lib/assessment/scoring";
import type { Db } from "@/lib/db-client";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { createQuarters, createTownsWithHeads, recordProgress } from "@/lib/testing/quarters";
import { createOffice } from "@/lib/testing/users";
import { districtInstant } from "@/lib/time";

let t: TestDb;
let db: Db;
const ids: Record<string, string> = {};
const CLOSE = districtInstant("2026-10-10", "10:00");

before(async () => {
  t = await createTestDb();
  db = t.db;
  ids.admin = (await createOffice(db, "admin")).id;
  // 甲镇 does best on its task but is retired on 15 August; 丁镇 is retired on 5 October, after the quarter's end.
  const towns: [string, number, Date | null][] = [
    ["甲镇", 10, districtInstant("2026-08-15", "10:00")],
    ["乙镇", 6, null],
    ["丙镇", 2, null],
    ["丁镇", 4, districtInstant("2026-10-05", "10:00")],
  ];
  Object.assign(
    ids,
    await createTownsWithHeads(
      db,
      towns.map(([name]) => name),
    ),
  );
  for (const [name, value] of towns) {
    const task = await db.task.create({
      data: { year: 2026, unitId: ids[name], title: `${name}任务`, target: 10, measure: "个", valueReached: value, deadline: "2026-08-10" },
    });
    await recordProgress(db, task.id, "2026-07-20", value, value);
  }
  await db.scoringRule.create({ data: { year: 2026, redFlagCount: 1, yellowFlagCount: 1 } });
  Object.assign(ids, await createQuarters(db, 2026, 2));

  // Reports: every town on 1 August (before 甲镇 was retired); the towns still in being on 1 September.
  const card = async (unit: string, date: string) => {
    const c = await db.reportCard.create({ data: { unitId: ids[unit], date } });
    for (const slot of ["MORNING", "NOON", "EVENING"] as const)
      await db.reportSlot.create({ data: { cardId: c.id, slot, authorId: ids[`${unit}-head`], submittedAt: districtInstant(date, "09:00") } });
  };
  for (const unit of ["甲镇", "乙镇", "丙镇", "丁镇"]) await card(unit, "2026-08-01");
  for (const unit of ["乙镇", "丙镇", "丁镇"]) await card(unit, "2026-09-01");

  // Retired as the office's retire does it (lib/org/writes.ts retireUnit stamps archivedAt), on the days above.
  for (const [name, , retiredAt] of towns) if (retiredAt) await db.unit.update({ where: { id: ids[name] }, data: { archivedAt: retiredAt } });
});

after(async () => {
  await t?.cleanup();
});

test("a unit retired during the quarter owes no report from its retirement day and is listed as 已撤销, not ranked", async () => {
  const inputs = await gatherQuarterInputs(db, ids.Q3, periodFor({ year: 2026, number: 3 }, CLOSE));
  const retired = inputs.find((i) => i.unit.id === ids["甲镇"])!;
  assert.equal(retired.unit.retiredOn, "2026-08-15");
  // Due up to the day before it was retired: one reporting day (1 August), all three slots shown — 1 September is not charged.
  assert.deepEqual(
    { to: retired.timeliness?.to, days: retired.timeliness?.reportingDays, missing: retired.timeliness?.missing },
    { to: "2026-08-14", days: 1, missing: 0 },
  );
  const score = computeQuarterScore(retired, defaultRules(2026));
  assert.equal(score.ranked, false);
  assert.equal(score.breakdown.retired, "2026-08-15");
  assert.ok(score.breakdown.notes.some((n) => n.includes("2026-08-15 撤销") && n.includes("不参与排名和红黄旗")));
  // Its task still shows what it did (for reference).
  assert.ok(score.total > 0);

  // A unit retired after the quarter's last day was in being all quarter: ranked as usual, no date on its inputs.
  const later = inputs.find((i) => i.unit.id === ids["丁镇"])!;
  assert.equal(later.unit.retiredOn, undefined);
  assert.equal(later.timeliness?.reportingDays, 2);
  assert.equal(computeQuarterScore(later, defaultRules(2026)).ranked, true);
});

test("closing the quarter ranks and flags the other units as if the retired one were not there", async () => {
  const result = await closeQuarter(db, { quarterId: ids.Q3, actorId: ids.admin, now: CLOSE });
  const rows = await db.quarterScore.findMany({ where: { quarterId: ids.Q3 }, select: { unitId: true, rank: true, breakdown: true, inputs: true } });
  const rank = (name: string) => rows.find((r) => r.unitId === ids[name])!.rank;
  // 甲镇 had the best task (10/10) but is not ranked; 乙 6, 丁 4, 丙 2 rank 1–3.
  assert.deepEqual([rank("甲镇"), rank("乙镇"), rank("丁镇"), rank("丙镇")], [0, 1, 2, 3]);
  const retiredRow = rows.find((r) => r.unitId === ids["甲镇"])!;
  assert.equal(readBreakdown(retiredRow.breakdown, retiredRow.inputs).retired, "2026-08-15");
  // Red to the best unit still in being, yellow to the last: none to the retired unit.
  assert.deepEqual(
    result.flags.map((f) => [f.unitId, f.color]).sort(),
    [
      [ids["乙镇"], "RED"],
      [ids["丙镇"], "YELLOW"],
    ].sort(),
  );
  assert.equal(await db.flag.count({ where: { quarterId: ids.Q3, unitId: ids["甲镇"] } }), 0);
});
