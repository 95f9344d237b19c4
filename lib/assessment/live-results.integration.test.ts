/**
 * The open quarter's live ranking is cached per process, but a score written
 * by another process (another worker of `npm start`, another app server)
 * shows at the very next read: the cache key carries the assessment data's
 * signature, not only this process's own writes.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { findQuarter, loadQuarterResults } from "@/lib/assessment/results";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { districtInstant } from "@/lib/time";

let t: TestDb;
const ids: Record<string, string> = {};
const NOW = districtInstant("2026-11-20", "10:00");

before(async () => {
  t = await createTestDb();
  const db = t.db;
  const assessor = await db.user.create({ data: { username: "assessor", name: "考核员", passwordHash: "x", role: "ASSESSOR" } });
  for (const [i, name] of ["甲镇", "乙镇"].entries()) {
    ids[name] = (await db.unit.create({ data: { code: `T${i + 1}`, name, kind: "TOWN", sortOrder: i + 1, createdAt: districtInstant("2025-01-01") } })).id;
  }
  await db.scoringRule.create({ data: { year: 2026, redFlagCount: 1, yellowFlagCount: 1 } });
  ids.Q4 = (await db.quarter.create({ data: { year: 2026, number: 4, status: "OPEN" } })).id;
  const keyTask = await db.keyTask.create({ data: { code: "KT", name: "招商引资" } });
  const scope = { create: [{ unitId: ids["甲镇"] }, { unitId: ids["乙镇"] }] };
  ids.group = (await db.assessmentGroup.create({ data: { name: "招商引资跟踪考核组", keyTaskId: keyTask.id, units: scope } })).id;
  ids.rubric = (await db.rubricItem.create({ data: { groupId: ids.group, year: 2026, name: "签约", maxPoints: 100, sortOrder: 1 } })).id;
  ids.assessor = assessor.id;
});
after(() => t.cleanup());

test("a group score written elsewhere changes the live ranking at the next read", async () => {
  const quarter = await findQuarter(t.db, { year: 2026, number: 4 });
  assert.ok(quarter);
  const totalOf = async (at: Date) => {
    const { rows } = await loadQuarterResults(t.db, quarter, at);
    return rows.find((r) => r.unitId === ids["甲镇"])!.breakdown;
  };
  const before = JSON.stringify(await totalOf(NOW));
  // Written straight to the database, as another worker's action would be:
  // nothing in this process is told.
  await t.db.groupScore.create({
    data: {
      quarterId: ids.Q4,
      groupId: ids.group,
      unitId: ids["甲镇"],
      assessorId: ids.assessor,
      status: "SUBMITTED",
      submittedAt: NOW,
      items: { create: [{ rubricItemId: ids.rubric, points: 35, comment: "进度慢" }] },
    },
  });
  const afterWrite = await totalOf(new Date(NOW.getTime() + 1000));
  assert.notEqual(JSON.stringify(afterWrite), before, "the live ranking still shows the cached result");
  assert.match(JSON.stringify(afterWrite), /35/);
});
