/**
 * Which group scores a unit for a quarter: the group whose scope held it on
 * the quarter's last day (scoringScopeDay), not today's. A unit moved from one
 * group to another after a quarter ended but before it was closed is still
 * scored for that quarter by its old group — the write check, the rows the
 * close reads and the close's scope agree — and by the new group from the
 * next quarter on. Past quarters (2025), so the real clock does not matter.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { gatherQuarterInputs, periodFor, scoringScopeDay } from "@/lib/assessment/inputs";
import { FORBIDDEN, correctGroupScore, saveGroupScore } from "@/lib/assessment/writes";
import type { Db } from "@/lib/db-client";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { messageOf } from "@/lib/testing/results";
import { districtInstant } from "@/lib/time";

let t: TestDb;
let db: Db;
const ids: Record<string, string> = {};
const users: Record<string, SessionUser> = {};
const MOVED = "2025-10-10";

before(async () => {
  t = await createTestDb();
  db = t.db;
  ids.A = (await db.unit.create({ data: { code: "A", name: "甲镇", kind: "TOWN", sortOrder: 1, createdAt: districtInstant("2024-01-01") } })).id;
  ids.Q3 = (await db.quarter.create({ data: { year: 2025, number: 3 } })).id;
  ids.Q4 = (await db.quarter.create({ data: { year: 2025, number: 4 } })).id;
  for (const key of ["old", "new"] as const) {
    const u = await db.user.create({ data: { username: key, name: key, passwordHash: "x", role: "ASSESSOR" } });
    users[key] = { id: u.id, username: key, name: key, role: "ASSESSOR", unitId: null, unitName: null, groupIds: [], sessionId: null };
    const keyTask = await db.keyTask.create({ data: { code: `KT-${key}`, name: key === "old" ? "招商引资" : "项目建设" } });
    const group = await db.assessmentGroup.create({ data: { name: `${key}组`, keyTaskId: keyTask.id } });
    ids[key] = group.id;
    users[key].groupIds = [group.id];
    await db.assessmentGroupMember.create({ data: { groupId: group.id, userId: u.id } });
    ids[`${key}Item`] = (await db.rubricItem.create({ data: { groupId: group.id, year: 2025, name: "细则", maxPoints: 100, sortOrder: 1 } })).id;
  }
  // Today's scope: A in the new group only; moved out of the old one on 10 October, after Q3 ended.
  await db.assessmentGroupUnit.create({ data: { groupId: ids.new, unitId: ids.A } });
  await db.assessmentGroupScopeChange.createMany({
    data: [
      { groupId: ids.old, unitId: ids.A, change: "REMOVE", effectiveDate: MOVED },
      { groupId: ids.new, unitId: ids.A, change: "ADD", effectiveDate: MOVED },
    ],
  });
});

after(async () => {
  await t?.cleanup();
});

const score = (group: "old" | "new", quarter: "Q3" | "Q4", points: string) => ({
  groupId: ids[group],
  unitId: ids.A,
  quarterId: ids[quarter],
  intent: "submit" as const,
  [`points_${ids[`${group}Item`]}`]: points,
  [`comment_${ids[`${group}Item`]}`]: "扣分理由",
});

test("a quarter's scoring day is its last day once it has ended, today while it is under way", () => {
  assert.equal(scoringScopeDay({ year: 2025, number: 3 }, districtInstant("2025-10-20", "10:00")), "2025-09-30");
  assert.equal(scoringScopeDay({ year: 2025, number: 4 }, districtInstant("2025-10-20", "10:00")), "2025-10-20");
});

test("a unit moved after Q3 ended: the old group scores it for Q3, the new group cannot; from Q4 the reverse", async () => {
  const oldQ3 = await saveGroupScore(db, users.old, score("old", "Q3", "80"));
  assert.equal(oldQ3.ok, true, messageOf(oldQ3));
  assert.deepEqual(await saveGroupScore(db, users.new, score("new", "Q3", "90")), { ok: false, status: 403, message: FORBIDDEN });

  const newQ4 = await saveGroupScore(db, users.new, score("new", "Q4", "70"));
  assert.equal(newQ4.ok, true, messageOf(newQ4));
  assert.deepEqual(await saveGroupScore(db, users.old, score("old", "Q4", "60")), { ok: false, status: 403, message: FORBIDDEN });

  // The old group may also correct its Q3 score (the same check, inside the transaction).
  const v1 = await db.groupScore.findFirstOrThrow({ where: { quarterId: ids.Q3, groupId: ids.old } });
  const corrected = await correctGroupScore(db, users.old, {
    groupId: ids.old,
    unitId: ids.A,
    quarterId: ids.Q3,
    scoreId: v1.id,
    changeReason: "复核后更正",
    [`points_${ids.oldItem}`]: "85",
    [`comment_${ids.oldItem}`]: "扣分理由",
  });
  assert.equal(corrected.ok, true, messageOf(corrected));

  // What the close reads: Q3's score is the old group's (corrected), Q4's the new group's.
  const closeAt = districtInstant("2026-01-10", "10:00");
  const [q3] = await gatherQuarterInputs(db, ids.Q3, periodFor({ year: 2025, number: 3 }, closeAt));
  assert.deepEqual(
    q3.groupScores.map((s) => [s.groupName, s.items.map((i) => i.points)]),
    [["old组", [85]]],
  );
  const [q4] = await gatherQuarterInputs(db, ids.Q4, periodFor({ year: 2025, number: 4 }, closeAt));
  assert.deepEqual(
    q4.groupScores.map((s) => [s.groupName, s.items.map((i) => i.points)]),
    [["new组", [70]]],
  );
});
