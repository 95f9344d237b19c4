import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type ComponentKey,
  type QuarterScoreResult,
  type UnitQuarterInputs,
  computeQuarterScore,
  defaultRules,
  itemCredit,
  itemStateAsOf,
} from "@/lib/assessment/scoring";
import { emptyInputs, groupScore, taskItem } from "@/lib/testing/assessment-fixtures";

const rules = defaultRules(2026);

/** A town's (u1) score under this year's default rules, from the empty inputs with `overrides`. */
const townScore = (overrides: Partial<UnitQuarterInputs>) => computeQuarterScore(emptyInputs("u1", "TOWN", overrides), rules);

function component(result: QuarterScoreResult, key: ComponentKey) {
  const c = result.breakdown.components.find((x) => x.key === key);
  assert.ok(c, key);
  return c;
}

/** Every point of every component is the sum of its sources (earned) or its worth plus its deductions. */
function assertTraceable(result: QuarterScoreResult) {
  for (const c of result.breakdown.components) {
    const fromSources = c.sources.reduce((sum, s) => sum + s.points, 0);
    const expected = c.key === "spotChecks" || c.key === "orders" ? c.maxPoints + fromSources : fromSources;
    assert.ok(Math.abs(expected - c.points) < 0.02 * Math.max(1, c.sources.length), `${c.key}: ${expected} vs ${c.points}`);
  }
  const sum = result.breakdown.components.reduce((s, c) => s + c.points, 0) + result.breakdown.adjustmentPoints;
  assert.ok(Math.abs(sum - result.total) < 0.05, `components add up to the total (${sum} vs ${result.total})`);
}

test("a unit with full marks everywhere scores 100, each component its weight", () => {
  const result = townScore({
    taskItems: [taskItem("t1", 10), taskItem("m1", 5, 5, 1, "MILESTONE")],
    groupScores: [groupScore("gs1", 100)],
    timeliness: { from: "2026-07-01", to: "2026-09-30", reportingDays: 10, expected: 30, onTime: 30, late: 0, missing: 0 },
  });
  assert.equal(result.total, 100);
  assert.equal(component(result, "tasks").points, 40);
  assert.equal(component(result, "groups").points, 40);
  assert.equal(component(result, "spotChecks").points, 10);
  assert.equal(component(result, "orders").points, 10);
  // Report timeliness is shown but weighs nothing by default (domain.md, 2024–2026 rules).
  assert.equal(component(result, "timeliness").points, 0);
  assert.equal(component(result, "timeliness").share, 1);
  assert.ok(result.ranked);
  assert.equal(result.failed, false);
  assertTraceable(result);
});

test("task completion is the weighted mean of the items due, milestones counting with their task's weight", () => {
  const result = townScore({
    // 50% of a weight-3 task, 100% of a weight-1 milestone: (1.5 + 1) / 4 = 62.5%
    taskItems: [taskItem("t1", 5, 10, 3), taskItem("m1", 12, 10, 1, "MILESTONE")],
    groupScores: [groupScore("gs1", 100)],
  });
  const tasks = component(result, "tasks");
  assert.equal(tasks.share, 0.625);
  assert.equal(tasks.points, 25);
  // Each item's points are traced to its record: 40 × 1.5/4 = 15 and 40 × 1/4 = 10.
  assert.deepEqual(
    tasks.sources.map((s) => [s.type, s.id, s.points]),
    [
      ["task", "t1", 15],
      ["milestone", "m1", 10],
    ],
  );
  assert.equal(tasks.sources[1].parentId, "t-m1");
  assertTraceable(result);
});

test("group scores are averaged over the groups that submitted, each item traced", () => {
  const result = townScore({ taskItems: [taskItem("t1", 10)], groupScores: [groupScore("gs1", 90, "g1"), groupScore("gs2", 70, "g2")] });
  const groups = component(result, "groups");
  assert.equal(groups.share, 0.8);
  assert.equal(groups.points, 32);
  assert.deepEqual(
    groups.sources.map((s) => [s.id, s.parentId, s.points]),
    [
      ["gs1-a", "gs1", 12],
      ["gs1-b", "gs1", 6],
      ["gs2-a", "gs2", 12],
      ["gs2-b", "gs2", 2],
    ],
  );
  assertTraceable(result);
});

test("spot checks：不属实 costs half the component，部分属实 a fifth, never below zero", () => {
  const base = { taskItems: [taskItem("t1", 10)], groupScores: [groupScore("gs1", 100)] };
  const one = townScore({
    ...base,
    spotChecks: [
      { id: "sc1", slotId: "s1", date: "2026-08-02", slot: "EVENING", result: "FALSE", notes: "现场无施工" },
      { id: "sc2", slotId: "s2", date: "2026-08-03", slot: "MORNING", result: "PARTLY_TRUE", notes: null },
    ],
  });
  const checks = component(one, "spotChecks");
  assert.equal(checks.points, 3);
  assert.deepEqual(
    checks.sources.map((s) => [s.id, s.points]),
    [
      ["sc1", -5],
      ["sc2", -2],
    ],
  );
  assert.equal(one.total, 93);
  assertTraceable(one);

  const many = townScore({
    ...base,
    spotChecks: ["a", "b", "c"].map((id) => ({ id, slotId: id, date: "2026-08-02", slot: "NOON" as const, result: "FALSE" as const, notes: null })),
  });
  assert.equal(component(many, "spotChecks").points, 0);
  assert.equal(many.total, 90);
  assert.match(component(many, "spotChecks").explanation, /扣分以本项分值为限/);
  assertTraceable(many);
});

test("each supervision order not accepted by its deadline costs a quarter of the orders component", () => {
  const result = townScore({
    taskItems: [taskItem("t1", 10)],
    groupScores: [groupScore("gs1", 100)],
    overdueOrders: [
      { id: "o1", title: "限时解决A", deadline: "2026-08-01T10:00:00.000Z", acceptedAt: null, status: "OPEN" },
      { id: "o2", title: "限时解决B", deadline: "2026-08-05T10:00:00.000Z", acceptedAt: "2026-08-09T10:00:00.000Z", status: "ACCEPTED" },
    ],
  });
  assert.equal(component(result, "orders").points, 5);
  assert.deepEqual(
    component(result, "orders").sources.map((s) => [s.id, s.points]),
    [
      ["o1", -2.5],
      ["o2", -2.5],
    ],
  );
  assert.equal(result.total, 95);
  assertTraceable(result);
});

test("leaders' 加减分 are added to the base, each with its reason", () => {
  const result = townScore({
    taskItems: [taskItem("t1", 5)],
    groupScores: [groupScore("gs1", 80)],
    adjustments: [
      { id: "a1", points: 2, reason: "获省级表彰", by: "区委书记", createdAt: "2026-09-01T00:00:00.000Z" },
      { id: "a2", points: -0.5, reason: "信息报送失实", by: "区长", createdAt: "2026-09-02T00:00:00.000Z" },
    ],
  });
  // 40×0.5 + 40×0.8 + 10 + 10 = 72; + 2 − 0.5
  assert.equal(result.breakdown.base, 72);
  assert.equal(result.breakdown.adjustmentPoints, 1.5);
  assert.equal(result.total, 73.5);
  assert.deepEqual(
    result.breakdown.adjustments.map((a) => a.reason),
    ["获省级表彰", "信息报送失实"],
  );
  assertTraceable(result);
});

test("a vetoed unit is failed whatever its total, and the total is still shown", () => {
  const result = townScore({
    taskItems: [taskItem("t1", 10)],
    groupScores: [groupScore("gs1", 100)],
    vetoes: [{ id: "v1", vetoItemId: "vi1", item: "重大安全生产事故", reason: "8月3日发生较大事故" }],
  });
  assert.equal(result.failed, true);
  assert.equal(result.total, 100);
  assert.ok(result.breakdown.notes.some((n) => n.includes("一票否决：重大安全生产事故")));
});

test("no data at all: not ranked, total 0, and the breakdown says why", () => {
  const result = computeQuarterScore(emptyInputs(), rules);
  assert.equal(result.ranked, false);
  assert.equal(result.total, 0);
  assert.equal(component(result, "tasks").share, null);
  assert.equal(component(result, "groups").share, null);
  assert.equal(component(result, "timeliness").share, null);
  assert.match(component(result, "timeliness").explanation, /没有晒报数据/);
  assert.ok(result.breakdown.notes.some((n) => n.includes("不参与排名")));
});

test("a component without data gives its weight to the others in proportion", () => {
  // No task was due: groups 40, spot checks 10, orders 10 share the 100 points.
  const result = townScore({ groupScores: [groupScore("gs1", 75)] });
  assert.equal(component(result, "tasks").maxPoints, 0);
  assert.equal(component(result, "groups").maxPoints, 66.67);
  assert.equal(component(result, "groups").points, 50);
  assert.equal(component(result, "spotChecks").maxPoints, 16.67);
  assert.equal(result.total, 83.33);
  assert.ok(result.ranked);
  assert.match(component(result, "tasks").explanation, /其权重按比例分给其他项/);
  assertTraceable(result);
});

test("timeliness counts only when the office gives it a weight; no reporting day is no data", () => {
  const weighted = { ...rules, weights: { tasks: 40, groups: 30, spotChecks: 10, orders: 10, timeliness: 10 } };
  const inputs = emptyInputs("u1", "TOWN", {
    taskItems: [taskItem("t1", 10)],
    groupScores: [groupScore("gs1", 100)],
    timeliness: { from: "2026-09-10", to: "2026-09-30", reportingDays: 20, expected: 60, onTime: 48, late: 9, missing: 3 },
  });
  const result = computeQuarterScore(inputs, weighted);
  assert.equal(component(result, "timeliness").points, 8);
  assert.equal(result.total, 98);
  assert.deepEqual(
    component(result, "timeliness").sources.map((s) => s.type),
    ["slots"],
  );

  const none = computeQuarterScore({ ...inputs, timeliness: null }, weighted);
  assert.equal(component(none, "timeliness").share, null);
  // 90 points of weight left: everything else full → 100.
  assert.equal(none.total, 100);
});

test("a unit created mid-quarter is scored on what it had since, and the breakdown says so", () => {
  const result = computeQuarterScore(
    emptyInputs("u1", "DEPARTMENT", {
      unit: { id: "u1", name: "新设单位", kind: "DEPARTMENT", code: "u1", sortOrder: 1, activeFrom: "2026-08-15" },
      groupScores: [groupScore("gs1", 90)],
      timeliness: { from: "2026-08-15", to: "2026-09-30", reportingDays: 30, expected: 90, onTime: 90, late: 0, missing: 0 },
    }),
    rules,
  );
  assert.ok(result.ranked);
  assert.ok(result.breakdown.notes.some((n) => n.includes("2026-08-15 设立")));
  // groups 40 of 60 weight at 90% + spot checks and orders in full: 60 + 33.33
  assert.equal(result.total, 93.33);
});

test("a quarter closed before its end says the data stop at the cut-off", () => {
  const result = townScore({
    period: { quarter: "2026Q4", start: "2026-10-01", end: "2026-12-31", asOf: "2026-11-27" },
    groupScores: [groupScore("g", 80)],
  });
  assert.ok(result.breakdown.notes.some((n) => n.includes("数据截至 2026-11-27")));
});

test("the same inputs always give the same score (a snapshot can be re-computed)", () => {
  const inputs = emptyInputs("u1", "TOWN", { taskItems: [taskItem("t1", 3, 7, 2)], groupScores: [groupScore("gs1", 77.5)] });
  const first = computeQuarterScore(inputs, rules);
  const again = computeQuarterScore(JSON.parse(JSON.stringify(inputs)), JSON.parse(JSON.stringify(rules)));
  assert.deepEqual(again, first);
});

// ─── Dated inputs: values as of the due date and the cut-off ────────────────

test("a task done on time earns full credit; the same task done after its due date is 逾期完成 at the late rate", () => {
  const onTime = { ...taskItem("t1", 10), valueAtDue: 10, reachedOn: "2026-08-20" };
  const late = { ...taskItem("t2", 10), valueAtDue: 0, reachedOn: "2026-09-10" };
  const result = townScore({ taskItems: [onTime, late], groupScores: [groupScore("gs1", 100)] });
  const tasks = component(result, "tasks");
  // (1 + 0.5) / 2 with the default late credit of one half.
  assert.equal(tasks.share, 0.75);
  assert.deepEqual(
    tasks.sources.map((s) => [s.id, s.state, s.points]),
    [
      ["t1", "DONE", 20],
      ["t2", "DONE_LATE", 10],
    ],
  );
  assert.match(tasks.explanation, /逾期完成 1 项/);
  assert.equal(result.breakdown.lateCredit, 0.5);
  assertTraceable(result);
});

test("the late rate is the office's rule: what was reached by the due date counts in full, the rest at the rate", () => {
  // 4 of 10 by the due date, 10 of 10 by the cut-off: 0.4 + 0.25 × 0.6 = 0.55.
  const item = { ...taskItem("t1", 10), valueAtDue: 4 };
  const result = computeQuarterScore(emptyInputs("u1", "TOWN", { taskItems: [item] }), { ...rules, lateCredit: 0.25 });
  assert.equal(component(result, "tasks").share, 0.55);
  assert.equal(itemStateAsOf(item, "2026-09-30"), "DONE_LATE");
  // Overdue and unfinished: 4 by the due date, 6 at the cut-off → 0.4 + 0.5 × 0.2.
  assert.equal(itemCredit({ ...taskItem("t2", 6), valueAtDue: 4 }, 0.5), 0.5);
  // A value taken back after the due date (a false claim) never counts more than what stands.
  assert.equal(itemCredit({ ...taskItem("t3", 2), valueAtDue: 8 }, 0.5), 0.2);
});

test("an item overdue at the end of Q2 and still open is counted in Q3, as overdue, until done", () => {
  const carried = { ...taskItem("t-q2", 3), dueDate: "2026-06-15", valueAtDue: 3, carried: true };
  const result = townScore({ taskItems: [carried, { ...taskItem("t-q3", 10), valueAtDue: 10 }] });
  const tasks = component(result, "tasks");
  assert.equal(tasks.sources.length, 2);
  assert.equal(tasks.sources[0].state, "OVERDUE");
  assert.match(tasks.sources[0].detail!, /往季逾期未完成，继续计入/);
  assert.equal(result.breakdown.tieBreak?.overdueItems, 1);
  // (0.3 + 1) / 2
  assert.equal(tasks.share, 0.65);
});

test("a milestone whose target equals its task's target is counted once, as the task", () => {
  const task = { ...taskItem("t1", 10), valueAtDue: 10 };
  const last = { ...taskItem("m-last", 10, 10, 1, "MILESTONE"), taskId: "t1", valueAtDue: 10 };
  const first = { ...taskItem("m-first", 5, 5, 1, "MILESTONE"), taskId: "t1", dueDate: "2026-07-31", valueAtDue: 5 };
  const result = townScore({ taskItems: [task, first, last] });
  const tasks = component(result, "tasks");
  assert.deepEqual(tasks.sources.map((s) => s.id).sort(), ["m-first", "t1"]);
  assert.match(tasks.explanation, /1 个节点的目标与任务目标相同，只按任务计一次/);
  assert.equal(result.breakdown.tieBreak?.milestonesOnTime, 1);
  // Without its task in the quarter, the milestone counts on its own.
  const alone = townScore({ taskItems: [last] });
  assert.deepEqual(
    component(alone, "tasks").sources.map((s) => s.id),
    ["m-last"],
  );
});

test("a unit outside the assessed set is scored for reference but never ranked, and says why", () => {
  const inputs = emptyInputs("office", "DEPARTMENT", { taskItems: [taskItem("t1", 10)], groupScores: [groupScore("gs1", 90)] });
  const result = computeQuarterScore(inputs, { ...rules, excludedUnitIds: ["office"] });
  assert.equal(result.ranked, false);
  assert.equal(result.breakdown.excluded, true);
  assert.ok(result.total > 0);
  assert.match(result.breakdown.notes.join(""), /不参与排名和红黄旗/);
});
