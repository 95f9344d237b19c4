import assert from "node:assert/strict";
import { test } from "node:test";
import { slotInput } from "@/lib/reports/schemas";

test("the API's texts refuse control characters, as the forms do (issue 13, finding 9)", () => {
  assert.equal(slotInput.safeParse({ items: [{ text: "巡查\u0000护栏" }] }).success, false);
  assert.equal(slotInput.safeParse({ note: "\u0007" }).success, false);
  assert.equal(slotInput.safeParse({ items: [{ text: "巡查\t护栏", progress: "第一段\n第二段" }], note: "说明" }).success, true);
});
