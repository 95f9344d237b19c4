import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRubricScores } from "@/lib/assessment/rubric";

const rubric = [
  { id: "a", name: "签约项目数量", maxPoints: 30 },
  { id: "b", name: "资金到位", maxPoints: 70 },
];

test("a complete score with a reason for every deduction is accepted", () => {
  const result = parseRubricScores(rubric, { points_a: "30", points_b: "62.5", comment_b: "资金到位率偏低" }, "submit");
  assert.deepEqual(result.fieldErrors, {});
  assert.deepEqual(result.items, [
    { rubricItemId: "a", points: 30, comment: null },
    { rubricItemId: "b", points: 62.5, comment: "资金到位率偏低" },
  ]);
});

test("a deduction without a reason cannot be submitted", () => {
  const result = parseRubricScores(rubric, { points_a: "30", points_b: "60", comment_b: "  " }, "submit");
  assert.deepEqual(result.items, []);
  assert.deepEqual(result.fieldErrors, { comment_b: ["扣了 10 分，请写明扣分理由"] });
  assert.match(result.message ?? "", /还不能提交/);
});

test("every item must be scored before submitting; a draft may be partial and without reasons", () => {
  assert.deepEqual(parseRubricScores(rubric, { points_a: "20" }, "submit").fieldErrors, {
    comment_a: ["扣了 10 分，请写明扣分理由"],
    points_b: ["提交前请为这一项打分"],
  });
  const draft = parseRubricScores(rubric, { points_a: "20" }, "draft");
  assert.deepEqual(draft.fieldErrors, {});
  assert.deepEqual(draft.items, [{ rubricItemId: "a", points: 20, comment: null }]);
});

test("points above the item's maximum, negative or malformed are refused", () => {
  assert.deepEqual(parseRubricScores(rubric, { points_a: "31" }, "draft").fieldErrors, { points_a: ["不能超过本项满分 30 分"] });
  assert.ok(parseRubricScores(rubric, { points_a: "-1" }, "draft").fieldErrors.points_a);
  assert.ok(parseRubricScores(rubric, { points_a: "1.25" }, "draft").fieldErrors.points_a);
  assert.ok(parseRubricScores(rubric, { points_a: "三十" }, "draft").fieldErrors.points_a);
});

test("an empty draft is not saved", () => {
  const result = parseRubricScores(rubric, {}, "draft");
  assert.deepEqual(result.items, []);
  assert.match(result.message ?? "", /至少为一项打分/);
});

test("fields of items outside the rubric are ignored", () => {
  const result = parseRubricScores(rubric, { points_a: "30", points_b: "70", points_x: "99" }, "submit");
  assert.deepEqual(
    result.items.map((i) => i.rubricItemId),
    ["a", "b"],
  );
});
