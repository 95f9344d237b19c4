import assert from "node:assert/strict";
import { test } from "node:test";
import { type RankEntry, compareForRank, rankEntryOf, rankUnits } from "@/lib/assessment/ranking";
import { computeQuarterScore, defaultRules } from "@/lib/assessment/scoring";
import { emptyInputs, groupScore, taskItem } from "@/lib/testing/assessment-fixtures";

function entry(unitId: string, total: number, extra: Partial<RankEntry> = {}): RankEntry {
  return { unitId, kind: "TOWN", total, failed: false, ranked: true, groupPoints: 30, taskPoints: 30, lostPoints: 0, sortOrder: 1, code: unitId, ...extra };
}

function order(entries: RankEntry[]): string[] {
  const ranks = rankUnits(entries);
  return [...entries].filter((e) => e.ranked).sort((a, b) => ranks.get(a.unitId)! - ranks.get(b.unitId)!).map((e) => e.unitId);
}

test("towns rank among towns and departments among departments, 1 = best", () => {
  const ranks = rankUnits([entry("t1", 80), entry("t2", 90), entry("d1", 70, { kind: "DEPARTMENT" }), entry("d2", 95, { kind: "DEPARTMENT" })]);
  assert.deepEqual(Object.fromEntries(ranks), { t2: 1, t1: 2, d2: 1, d1: 2 });
});

test("a failed unit ranks below every unit that was not failed, whatever its total", () => {
  assert.deepEqual(order([entry("a", 99, { failed: true }), entry("b", 60), entry("c", 50, { failed: true }), entry("d", 70)]), ["d", "b", "a", "c"]);
});

test("ties: totals are compared as shown (to the hundredth)", () => {
  // 85.001 and 85.004 both show as 85.00: the next rule decides.
  assert.deepEqual(order([entry("a", 85.001, { groupPoints: 30 }), entry("b", 85.004, { groupPoints: 31 })]), ["b", "a"]);
});

test("ties: group points, then task points, then fewer deductions, then the district's order", () => {
  assert.deepEqual(order([entry("a", 80, { groupPoints: 30 }), entry("b", 80, { groupPoints: 32 })]), ["b", "a"]);
  assert.deepEqual(order([entry("a", 80, { taskPoints: 30 }), entry("b", 80, { taskPoints: 35 })]), ["b", "a"]);
  assert.deepEqual(order([entry("a", 80, { lostPoints: 5 }), entry("b", 80, { lostPoints: 0 })]), ["b", "a"]);
  assert.deepEqual(order([entry("b", 80, { sortOrder: 2 }), entry("a", 80, { sortOrder: 1 })]), ["a", "b"]);
  assert.deepEqual(order([entry("b", 80), entry("a", 80)]), ["a", "b"]);
});

test("every ranked unit gets a distinct rank, even when all are tied", () => {
  const ranks = rankUnits(Array.from({ length: 6 }, (_, i) => entry(`u${i}`, 80)));
  assert.deepEqual([...ranks.values()].sort(), [1, 2, 3, 4, 5, 6]);
});

test("a unit without data gets rank 0 and does not push others down", () => {
  const ranks = rankUnits([entry("a", 70), entry("none", 0, { ranked: false }), entry("b", 60)]);
  assert.deepEqual(Object.fromEntries(ranks), { a: 1, b: 2, none: 0 });
});

test("compareForRank is a strict order (antisymmetric)", () => {
  const xs = [entry("a", 80), entry("b", 80, { failed: true }), entry("c", 81), entry("d", 80, { groupPoints: 10 })];
  for (const x of xs) for (const y of xs) if (x !== y) assert.equal(Math.sign(compareForRank(x, y)), -Math.sign(compareForRank(y, x)));
});

test("rankEntryOf reads group, task and lost points from a computed breakdown", () => {
  const rules = defaultRules(2026);
  const result = computeQuarterScore(
    emptyInputs("u1", "TOWN", {
      taskItems: [taskItem("t1", 5)],
      groupScores: [groupScore("gs1", 80)],
      overdueOrders: [{ id: "o1", title: "限时解决", deadline: "2026-08-01T00:00:00.000Z", acceptedAt: null, status: "OPEN" }],
    }),
    rules,
  );
  const e = rankEntryOf({ id: "u1", kind: "TOWN", sortOrder: 3, code: "130" }, result);
  assert.equal(e.groupPoints, 32);
  assert.equal(e.taskPoints, 20);
  assert.equal(e.lostPoints, 2.5);
  assert.equal(e.total, 69.5);
});
