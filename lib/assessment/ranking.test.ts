import assert from "node:assert/strict";
import { test } from "node:test";
import { type RankEntry, compareForRank, rankEntryOf, rankUnits, tieNotes } from "@/lib/assessment/ranking";
import { computeQuarterScore, defaultRules } from "@/lib/assessment/scoring";
import { emptyInputs, groupScore, taskItem } from "@/lib/testing/assessment-fixtures";

function entry(unitId: string, total: number, extra: Partial<RankEntry> = {}): RankEntry {
  return { unitId, kind: "TOWN", total, failed: false, ranked: true, overdueItems: 0, milestonesOnTime: 0, falseChecks: 0, ...extra };
}

function order(entries: RankEntry[]): string[] {
  const ranks = rankUnits(entries);
  return [...entries]
    .filter((e) => e.ranked)
    .sort((a, b) => ranks.get(a.unitId)! - ranks.get(b.unitId)!)
    .map((e) => e.unitId);
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
  assert.deepEqual(order([entry("a", 85.001, { overdueItems: 1 }), entry("b", 85.004)]), ["b", "a"]);
});

test("ties: fewer overdue items, then more milestones on time, then fewer 不属实 — never the unit's code or order", () => {
  assert.deepEqual(order([entry("a", 80, { overdueItems: 2 }), entry("b", 80, { overdueItems: 1 })]), ["b", "a"]);
  assert.deepEqual(order([entry("a", 80, { milestonesOnTime: 3 }), entry("b", 80, { milestonesOnTime: 5 })]), ["b", "a"]);
  assert.deepEqual(order([entry("a", 80, { falseChecks: 1 }), entry("b", 80)]), ["b", "a"]);
  // Overdue items weigh before milestones on time.
  assert.deepEqual(order([entry("a", 80, { overdueItems: 1, milestonesOnTime: 9 }), entry("b", 80, { milestonesOnTime: 0 })]), ["b", "a"]);
});

test("units no criterion separates share a rank, and the next rank skips (1, 2, 2, 4)", () => {
  const ranks = rankUnits([entry("z", 90), entry("b", 80), entry("a", 80), entry("c", 70)]);
  assert.deepEqual(Object.fromEntries(ranks), { z: 1, b: 2, a: 2, c: 4 });
  const all = rankUnits(Array.from({ length: 6 }, (_, i) => entry(`u${i}`, 80)));
  assert.deepEqual([...all.values()], [1, 1, 1, 1, 1, 1]);
});

test("tieNotes says which criterion separated equal totals, or that the units share a rank", () => {
  const rows = [
    { ...entry("a", 80, { overdueItems: 1 }), unitName: "甲", rank: 2 },
    { ...entry("b", 80), unitName: "乙", rank: 1 },
    { ...entry("c", 70), unitName: "丙", rank: 3 },
    { ...entry("d", 70), unitName: "丁", rank: 3 },
    { ...entry("e", 60), unitName: "戊", rank: 5 },
  ];
  const notes = tieNotes(rows);
  assert.equal(notes.get("a"), "与乙同分（逾期事项 1 对 0）");
  assert.match(notes.get("c")!, /与丁并列第 3 名/);
  assert.equal(notes.has("e"), false);
});

test("a unit without data gets rank 0 and does not push others down", () => {
  const ranks = rankUnits([entry("a", 70), entry("none", 0, { ranked: false }), entry("b", 60)]);
  assert.deepEqual(Object.fromEntries(ranks), { a: 1, b: 2, none: 0 });
});

test("compareForRank is a strict order (antisymmetric)", () => {
  const xs = [entry("a", 80), entry("b", 80, { failed: true }), entry("c", 81), entry("d", 80, { overdueItems: 1 })];
  for (const x of xs) for (const y of xs) if (x !== y) assert.equal(Math.sign(compareForRank(x, y)), -Math.sign(compareForRank(y, x)));
});

test("rankEntryOf reads the tie-break counts from a computed breakdown", () => {
  const rules = defaultRules(2026);
  const result = computeQuarterScore(
    emptyInputs("u1", "TOWN", {
      taskItems: [taskItem("t1", 5)],
      groupScores: [groupScore("gs1", 80)],
      overdueOrders: [{ id: "o1", title: "限时解决", deadline: "2026-08-01T00:00:00.000Z", acceptedAt: null, status: "OPEN" }],
    }),
    rules,
  );
  const e = rankEntryOf({ id: "u1", kind: "TOWN" }, result);
  // The half-done task is overdue at the cut-off, and so is the order.
  assert.equal(e.overdueItems, 2);
  assert.equal(e.milestonesOnTime, 0);
  assert.equal(e.falseChecks, 0);
  assert.equal(e.total, 69.5);
});
