import assert from "node:assert/strict";
import { test } from "node:test";
import { deadlineHint, deriveStatus, isDone, itemStatus, progressRatio, summarizeOverview, summarizeProgress, urgencyOf } from "@/lib/tasks/status";

const today = "2026-11-27";

test("done when the target is reached, whatever the deadline", () => {
  assert.equal(deriveStatus({ target: 120, valueReached: 120, deadline: "2026-01-01" }, today), "DONE");
  assert.equal(deriveStatus({ target: 3, valueReached: 4, deadline: "2026-12-31" }, today), "DONE");
});

test("a deadline of today is not yet overdue; yesterday's is", () => {
  assert.equal(deriveStatus({ target: 10, valueReached: 2, deadline: today }, today), "IN_PROGRESS");
  assert.equal(deriveStatus({ target: 10, valueReached: 2, deadline: "2026-11-26" }, today), "OVERDUE");
  assert.equal(deriveStatus({ target: 10, valueReached: 0, deadline: "2026-11-26" }, today), "OVERDUE");
});

test("not started until some progress is reported", () => {
  assert.equal(deriveStatus({ target: 10, valueReached: 0, deadline: "2026-12-31" }, today), "NOT_STARTED");
});

test("progress ratio is clamped and safe for a zero target", () => {
  assert.equal(progressRatio({ target: 4, valueReached: 1 }), 0.25);
  assert.equal(progressRatio({ target: 4, valueReached: 9 }), 1);
  assert.equal(progressRatio({ target: 0, valueReached: 9 }), 0);
});

test("a done item is done even past its deadline; an item with a zero target is never done", () => {
  assert.equal(deriveStatus({ target: 5, valueReached: 5, deadline: "2026-11-26" }, today), "DONE");
  assert.equal(deriveStatus({ target: 0, valueReached: 0, deadline: "2026-12-31" }, today), "NOT_STARTED");
});

test("the day boundary is the district's: a deadline of today turns overdue tomorrow", () => {
  const item = { target: 10, valueReached: 3, deadline: today };
  assert.equal(deriveStatus(item, today), "IN_PROGRESS");
  assert.equal(deriveStatus(item, "2026-11-28"), "OVERDUE");
});

test("urgency: overdue, due within seven days (today included), open, done", () => {
  assert.equal(urgencyOf({ target: 10, valueReached: 1, deadline: "2026-11-20" }, today), "OVERDUE");
  assert.equal(urgencyOf({ target: 10, valueReached: 1, deadline: today }, today), "DUE_SOON");
  assert.equal(urgencyOf({ target: 10, valueReached: 0, deadline: "2026-12-03" }, today), "DUE_SOON");
  assert.equal(urgencyOf({ target: 10, valueReached: 0, deadline: "2026-12-04" }, today), "OPEN");
  assert.equal(urgencyOf({ target: 10, valueReached: 10, deadline: "2026-11-28" }, today), "DONE");
});

test("deadline hints read naturally", () => {
  assert.equal(deadlineHint(today, today), "今天到期");
  assert.equal(deadlineHint("2026-11-30", today), "还剩 3 天");
  assert.equal(deadlineHint("2026-11-22", today), "逾期 5 天");
});

test("逾期完成：done now but below the target at the end of the due date; done on time, open or unread are as deriveStatus says", () => {
  const task = { target: 10, valueReached: 10, deadline: "2026-09-30" };
  assert.equal(itemStatus({ ...task, valueAtDue: 6 }, today), "DONE_LATE");
  assert.equal(itemStatus({ ...task, valueAtDue: 10 }, today), "DONE");
  assert.equal(itemStatus({ ...task, valueAtDue: undefined }, today), "DONE", "not read: not claimed late");
  assert.equal(itemStatus({ ...task, valueReached: 8, valueAtDue: 6 }, today), "OVERDUE");
  assert.ok(isDone("DONE_LATE") && isDone("DONE") && !isDone("OVERDUE"));
});

test("progress over a set of tasks: the mean of min(1, reached/target), done and overdue counted; no tasks is 0", () => {
  const tasks = [
    { target: 10, valueReached: 5, deadline: "2026-12-31" }, // 0.5
    { target: 4, valueReached: 8, deadline: "2026-12-31" }, // over target: 1, done
    { target: 3, valueReached: 1, deadline: "2026-11-01" }, // 1/3, overdue
  ];
  const summary = summarizeProgress(tasks, today);
  assert.deepEqual([summary.tasks, summary.done, summary.overdue, Math.round(summary.ratio * 1000) / 1000], [3, 1, 1, 0.611]);
  assert.deepEqual(summarizeProgress([], today), { tasks: 0, done: 0, overdue: 0, ratio: 0 });
});

test("the leader's overview: counts by status, progress per key task in its order, the oldest overdue first (ties by id), at most `take`", () => {
  const keyTasks = [
    { id: "k2", name: "乡村振兴" },
    { id: "k1", name: "项目建设" },
    { id: "k3", name: "无任务" },
  ];
  const tasks = [
    { id: "t1", keyTaskId: "k1", target: 10, valueReached: 10, deadline: "2026-01-31" }, // done, though past its deadline
    { id: "t2", keyTaskId: "k1", target: 10, valueReached: 5, deadline: "2026-03-31" }, // overdue
    { id: "t4", keyTaskId: "k2", target: 10, valueReached: 0, deadline: "2026-02-28" }, // overdue, the oldest
    { id: "t3", keyTaskId: null, target: 10, valueReached: 0, deadline: "2026-03-31" }, // overdue, same day as t2
    { id: "t5", keyTaskId: "k2", target: 10, valueReached: 2, deadline: today }, // due today: in progress
    { id: "t6", keyTaskId: "k9", target: 10, valueReached: 0, deadline: "2026-12-31" }, // a key task not listed
  ];
  const overview = summarizeOverview(tasks, keyTasks, today, 2);
  assert.deepEqual(overview.counts, { NOT_STARTED: 1, IN_PROGRESS: 1, DONE: 1, OVERDUE: 3 });
  assert.deepEqual(overview.overdueIds, ["t4", "t2"]);
  assert.deepEqual(summarizeOverview(tasks, keyTasks, today, 10).overdueIds, ["t4", "t2", "t3"]);
  assert.deepEqual(
    overview.keyTasks.map((k) => [k.keyTaskId, k.tasks, k.done, k.overdue, k.ratio]),
    [
      ["k2", 2, 0, 1, 0.1],
      ["k1", 2, 1, 1, 0.75],
      ["k3", 0, 0, 0, 0],
    ],
  );
});
