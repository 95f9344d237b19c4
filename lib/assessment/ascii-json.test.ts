import assert from "node:assert/strict";
import { test } from "node:test";
import { asciiJson } from "@/lib/assessment/close";

test("asciiJson writes only ASCII and JSON.parse reads the same value back", () => {
  const value = {
    label: "甲镇 · 招商引资，逾期完成（计 50%）",
    detail: '表情 😀 和 \u007f、\u0080、\uffff；引号 " 与反斜杠 \\ 照旧',
    list: [1, 2.5, null, true, "ASCII only"],
  };
  const text = asciiJson(value);
  assert.match(text, /^[\x20-\x7e]*$/);
  assert.deepEqual(JSON.parse(text), value);
  assert.equal(asciiJson("ab"), JSON.stringify("ab"), "ASCII is left as it is");
});
