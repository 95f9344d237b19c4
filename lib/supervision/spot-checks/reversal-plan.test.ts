import assert from "node:assert/strict";
import { test } from "node:test";
import { governingCheck, parseUntrueAmounts, planReversal, type ReversalCheck } from "@/lib/supervision/spot-checks/reversal-plan";

const check = (id: string, result: ReversalCheck["result"], untrueAmounts: Record<string, number> = {}, checkedAt = "2026-10-05T02:00:00Z"): ReversalCheck => ({
  id,
  result,
  untrueAmounts,
  checkedAt: result ? new Date(checkedAt) : null,
  createdAt: new Date("2026-10-01T00:00:00Z"),
});
const claims = new Map([
  ["task-a", 100],
  ["task-b", 20],
]);
const applied = (entries: [string, [string, number][]][]) => new Map(entries.map(([id, perTask]) => [id, new Map(perTask)]));

test("不属实 takes back everything the slot claims, per task", () => {
  assert.deepEqual(planReversal(claims, [check("c1", "FALSE")], new Map()), [
    { spotCheckId: "c1", taskId: "task-a", amount: -100 },
    { spotCheckId: "c1", taskId: "task-b", amount: -20 },
  ]);
});

test("recording the same result again takes nothing more back", () => {
  const done = applied([
    [
      "c1",
      [
        ["task-a", -100],
        ["task-b", -20],
      ],
    ],
  ]);
  assert.deepEqual(planReversal(claims, [check("c1", "FALSE")], done), []);
});

test("a result changed to 属实 gives back what was taken; a pending check takes nothing", () => {
  const done = applied([
    [
      "c1",
      [
        ["task-a", -100],
        ["task-b", -20],
      ],
    ],
  ]);
  assert.deepEqual(planReversal(claims, [check("c1", "TRUE")], done), [
    { spotCheckId: "c1", taskId: "task-a", amount: 100 },
    { spotCheckId: "c1", taskId: "task-b", amount: 20 },
  ]);
  assert.deepEqual(planReversal(claims, [check("c1", null)], new Map()), []);
});

test("部分属实 takes back the amount entered as not true, at most the claim; none entered, nothing", () => {
  assert.deepEqual(planReversal(claims, [check("c1", "PARTLY_TRUE", { "task-a": 30 })], new Map()), [{ spotCheckId: "c1", taskId: "task-a", amount: -30 }]);
  assert.deepEqual(planReversal(claims, [check("c1", "PARTLY_TRUE", { "task-b": 500 })], new Map()), [{ spotCheckId: "c1", taskId: "task-b", amount: -20 }]);
  assert.deepEqual(planReversal(claims, [check("c1", "PARTLY_TRUE")], new Map()), []);
  // Re-recorded with a larger amount: only the difference.
  const done = applied([["c1", [["task-a", -30]]]]);
  assert.deepEqual(planReversal(claims, [check("c1", "PARTLY_TRUE", { "task-a": 50 })], done), [{ spotCheckId: "c1", taskId: "task-a", amount: -20 }]);
  // 部分属实 → 不属实: the rest.
  assert.deepEqual(planReversal(claims, [check("c1", "FALSE")], done), [
    { spotCheckId: "c1", taskId: "task-a", amount: -70 },
    { spotCheckId: "c1", taskId: "task-b", amount: -20 },
  ]);
});

test("a unit's later correction of a false amount moves the reversal with it, never twice", () => {
  const done = applied([["c1", [["task-a", -100]]]]);
  assert.deepEqual(planReversal(new Map([["task-a", 40]]), [check("c1", "FALSE")], done), [{ spotCheckId: "c1", taskId: "task-a", amount: 60 }]);
  assert.deepEqual(planReversal(new Map(), [check("c1", "FALSE")], done), [{ spotCheckId: "c1", taskId: "task-a", amount: 100 }]);
});

test("a slot checked twice is taken back once, by its latest recorded check", () => {
  const first = check("c1", "FALSE", {}, "2026-10-05T02:00:00Z");
  const second = check("c2", "FALSE", {}, "2026-10-08T02:00:00Z");
  assert.equal(governingCheck([first, second])?.id, "c2");
  const done = applied([
    [
      "c1",
      [
        ["task-a", -100],
        ["task-b", -20],
      ],
    ],
  ]);
  const moves = planReversal(claims, [first, second], done);
  assert.deepEqual(moves, [
    { spotCheckId: "c1", taskId: "task-a", amount: 100 },
    { spotCheckId: "c1", taskId: "task-b", amount: 20 },
    { spotCheckId: "c2", taskId: "task-a", amount: -100 },
    { spotCheckId: "c2", taskId: "task-b", amount: -20 },
  ]);
  const net = moves.reduce((sum, m) => sum + m.amount, 0);
  assert.equal(net, 0, "the value does not move");
});

test("untrue amounts read back from JSON; anything malformed is nothing", () => {
  assert.deepEqual(parseUntrueAmounts('{"task-a":30,"task-b":0,"task-c":"x"}'), { "task-a": 30 });
  assert.deepEqual(parseUntrueAmounts("not json"), {});
  assert.deepEqual(parseUntrueAmounts(null), {});
});
