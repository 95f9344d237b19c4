import assert from "node:assert/strict";
import { test } from "node:test";
import { milestoneCreateInput, taskCreateInput, taskProgressInput } from "@/lib/tasks/schemas";
import { fieldErrorsOf } from "@/lib/validation";

const form = {
  unitId: "u1",
  year: "2026",
  externalKey: "",
  title: "城中村改造占地拆迁120户",
  description: "",
  keyTaskId: "",
  lineId: "",
  responsibleLeaderId: "",
  target: "120",
  measure: "户",
  startDate: "2026-03-01",
  deadline: "2026-12-31",
  weight: "1.5",
  requiresPhoto: "on",
  sitePlace: "南关村拆迁现场",
  siteLat: "36.77",
  siteLng: "",
  cooperatorIds: "c1,c2,c1",
  note: "",
};

test("a filled task form parses into typed values", () => {
  const parsed = taskCreateInput.parse(form);
  assert.equal(parsed.target, 120);
  assert.equal(parsed.weight, 1.5);
  assert.equal(parsed.year, 2026);
  assert.equal(parsed.requiresPhoto, true);
  assert.equal(parsed.requiresLocation, false);
  assert.equal(parsed.externalKey, null);
  assert.equal(parsed.keyTaskId, null);
  assert.equal(parsed.siteLat, 36.77);
  assert.equal(parsed.siteLng, null);
  assert.deepEqual(parsed.cooperatorIds, ["c1", "c2"]);
});

test("the domain rules surface as Chinese field errors", () => {
  const result = taskCreateInput.safeParse({ ...form, target: "-5", deadline: "2026-02-01" });
  assert.equal(result.success, false);
  const errors = fieldErrorsOf(result.error!);
  assert.deepEqual(errors.target, ["目标值必须大于 0"]);
  assert.deepEqual(errors.deadline, ["截止日期（2026-02-01）不能早于开始日期（2026-03-01）"]);
});

test("missing and malformed values are named", () => {
  const result = taskCreateInput.safeParse({ ...form, title: " ", target: "许多", deadline: "明年", siteLat: "200", unitId: undefined });
  const errors = fieldErrorsOf(result.error!);
  assert.deepEqual(errors.title, ["请填写任务名称"]);
  assert.deepEqual(errors.target, ["目标值必须是数字"]);
  assert.deepEqual(errors.deadline, ["截止日期不是有效日期"]);
  assert.deepEqual(errors.siteLat, ["纬度应在 -90 到 90 之间"]);
  assert.deepEqual(errors.unitId, ["请选择责任单位"]);
});

test("a milestone needs a title, a date and a number", () => {
  const result = milestoneCreateInput.safeParse({ taskId: "t1", title: "", dueDate: "2026-13-01", target: "" });
  const errors = fieldErrorsOf(result.error!);
  assert.deepEqual(errors.title, ["请填写节点内容"]);
  assert.deepEqual(errors.dueDate, ["节点日期不是有效日期"]);
  assert.deepEqual(errors.target, ["请填写节点目标值"]);
});

test("progress may not be negative", () => {
  const errors = fieldErrorsOf(taskProgressInput.safeParse({ taskId: "t1", valueReached: "-1" }).error!);
  assert.deepEqual(errors.valueReached, ["完成值不能为负数"]);
  assert.deepEqual(taskProgressInput.parse({ taskId: "t1", valueReached: "1,200", note: " 已签约 " }), { taskId: "t1", valueReached: 1200, note: "已签约" });
});
