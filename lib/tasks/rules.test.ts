import assert from "node:assert/strict";
import { test } from "node:test";
import { hasErrors, milestoneRuleErrors, milestonesFitErrors, progressValueError, taskRuleErrors } from "@/lib/tasks/rules";

const task = { target: 120, startDate: "2026-03-01", deadline: "2026-12-31" };

test("a task with a positive target and a deadline after its start is valid", () => {
  assert.deepEqual(taskRuleErrors(task), {});
  assert.deepEqual(taskRuleErrors({ target: 0.5, deadline: "2026-12-31" }), {});
  // Same-day start and end is a one-day task, not an error.
  assert.deepEqual(taskRuleErrors({ target: 1, startDate: "2026-05-01", deadline: "2026-05-01" }), {});
});

test("a zero or negative target is refused, in Chinese", () => {
  assert.equal(taskRuleErrors({ ...task, target: 0 }).target, "目标值必须大于 0");
  assert.equal(taskRuleErrors({ ...task, target: -3 }).target, "目标值必须大于 0");
  assert.equal(taskRuleErrors({ ...task, target: Number.NaN }).target, "目标值必须大于 0");
});

test("an end before the start is refused", () => {
  const errors = taskRuleErrors({ ...task, startDate: "2026-06-01", deadline: "2026-05-31" });
  assert.equal(errors.deadline, "截止日期（2026-05-31）不能早于开始日期（2026-06-01）");
  assert.ok(hasErrors(errors));
});

test("impossible calendar dates are refused", () => {
  assert.equal(taskRuleErrors({ ...task, deadline: "2026-02-30" }).deadline, "截止日期不是有效日期");
  assert.equal(taskRuleErrors({ ...task, startDate: "2026/03/01" }).startDate, "开始日期不是有效日期");
});

test("a zero or negative weight is refused", () => {
  assert.equal(taskRuleErrors({ ...task, weight: 0 }).weight, "权重必须大于 0");
  assert.equal(taskRuleErrors({ ...task, weight: 1.5 }).weight, undefined);
});

test("a milestone due on the task's deadline is fine; one day later is not", () => {
  assert.deepEqual(milestoneRuleErrors({ dueDate: "2026-12-31", target: 120 }, task), {});
  assert.equal(milestoneRuleErrors({ dueDate: "2027-01-01", target: 60 }, task).dueDate, "节点日期不能晚于任务截止日期（2026-12-31）");
});

test("a milestone before the task's start, or with a bad target, is refused", () => {
  assert.equal(milestoneRuleErrors({ dueDate: "2026-02-28", target: 10 }, task).dueDate, "节点日期不能早于任务开始日期（2026-03-01）");
  assert.equal(milestoneRuleErrors({ dueDate: "2026-06-30", target: 0 }, task).target, "节点目标值必须大于 0");
  assert.equal(milestoneRuleErrors({ dueDate: "2026-06-30", target: -1 }, task).target, "节点目标值必须大于 0");
  assert.equal(milestoneRuleErrors({ dueDate: "2026-06-30", target: 121 }, task).target, "节点目标值不能超过任务目标值（120）");
});

test("a changed task must still hold its milestones", () => {
  const milestones = [
    { title: "上半年", dueDate: "2026-06-30", target: 60 },
    { title: "全年", dueDate: "2026-12-31", target: 120 },
  ];
  assert.deepEqual(milestonesFitErrors(task, milestones), {});
  const moved = milestonesFitErrors({ ...task, deadline: "2026-11-30" }, milestones);
  assert.match(moved.deadline!, /“全年”的日期（2026-12-31）晚于截止日期/);
  assert.match(milestonesFitErrors({ ...task, startDate: "2026-07-01" }, milestones).startDate!, /“上半年”/);
  assert.match(milestonesFitErrors({ ...task, target: 100 }, milestones).target!, /“全年”的目标值（120）大于任务目标值/);
});

test("a reported value may exceed the target but may not be negative", () => {
  assert.equal(progressValueError(130), null);
  assert.equal(progressValueError(0), null);
  assert.equal(progressValueError(-1), "完成值不能为负数");
  assert.equal(progressValueError(Number.NaN), "完成值必须是数字");
});
