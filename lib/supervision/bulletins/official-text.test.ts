import assert from "node:assert/strict";
import { test } from "node:test";
import {
  chineseNumeral,
  excerptOfSlot,
  keyTaskOfSlot,
  officialText,
  sectionNumber,
  withItemCount,
  type SlotItem,
} from "@/lib/supervision/bulletins/official-text";

test("headings are numbered in one style：一、…十、十一、…二十三、", () => {
  const expected = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三".split(" ");
  assert.deepEqual(
    expected.map((_, i) => chineseNumeral(i + 1)),
    expected,
  );
  assert.equal(sectionNumber(9), "十、");
  assert.equal(sectionNumber(10), "十一、");
  assert.equal(sectionNumber(22), "二十三、");
  assert.equal(chineseNumeral(30), "三十");
  assert.equal(chineseNumeral(99), "九十九");
  assert.equal(chineseNumeral(100), "一百");
  assert.equal(chineseNumeral(105), "一百零五");
  assert.equal(chineseNumeral(110), "一百一十");
  assert.equal(chineseNumeral(1001), "一千零一");
  assert.throws(() => chineseNumeral(0), RangeError);
});

test("official text has full-width punctuation, keeps numbers, and no ✓/? marks", () => {
  assert.equal(officialText("今日计划：走访企业；签约（2个）!"), "今日计划：走访企业；签约（2个）！");
  assert.equal(officialText("09:30 前完成 1,000 平方米，好吗？"), "09:30 前完成 1,000 平方米，好吗？");
  assert.equal(
    officialText("今日完成1/2项：1.拆除违建，完成100平方米 ✓;2.入户走访 ?（户主外出）。"),
    "今日完成1/2项：1.拆除违建，完成100平方米，已完成；2.入户走访，未完成（原因：户主外出）。",
  );
  assert.doesNotMatch(officialText("巡查 ✓"), /[✓?]/);
});

test("the count of items in the editor's note is the count published", () => {
  assert.equal(withItemCount("本期摘编招商引资等重点工作的12条晒报，请各单位对标学习。", 11), "本期摘编招商引资等重点工作的11条晒报，请各单位对标学习。");
  assert.equal(withItemCount("没有写条数。", 3), "没有写条数。");
});

const kt = (id: string, name: string, sortOrder = 1) => ({ id, name, sortOrder });
const item = (over: Partial<SlotItem>): SlotItem => ({
  text: "事项",
  addedIn: "MORNING",
  progressNote: null,
  outcome: "DONE",
  reason: null,
  progressValue: null,
  task: null,
  ...over,
});

test("a slot's key task comes from its items' tasks only, never a guess", () => {
  const invest = kt("k1", "招商引资");
  assert.deepEqual(keyTaskOfSlot("EVENING", [item({ task: { keyTask: invest } }), item({ task: { keyTask: invest } })]), invest);
  // A work-safety item (a line's task, no key task) beside two 招商引资 items: not 招商引资.
  assert.equal(keyTaskOfSlot("EVENING", [item({ task: { keyTask: invest } }), item({ task: { keyTask: invest } }), item({ task: { keyTask: null } })]), null);
  assert.equal(keyTaskOfSlot("EVENING", [item({ task: { keyTask: invest } }), item({ task: null })]), null);
  assert.equal(keyTaskOfSlot("EVENING", [item({ task: { keyTask: invest } }), item({ task: { keyTask: kt("k2", "项目建设") } })]), null);
  // Only the items the slot speaks of: an evening counts the items with an outcome.
  assert.deepEqual(keyTaskOfSlot("EVENING", [item({ task: { keyTask: invest } }), item({ outcome: null, task: null })]), invest);
  assert.equal(keyTaskOfSlot("EVENING", []), null);
});

test("an evening excerpt says 已完成 / 未完成 with the reason, in full-width punctuation", () => {
  const excerpt = excerptOfSlot({
    unitName: "临洺关镇",
    slot: "EVENING",
    text: "今日完成1/2项：1.拆除违建，完成100平方米 ✓;2.入户走访 ?（户主外出）。\n明日继续，争取完成。",
    items: [
      item({ text: "拆除违建", outcome: "DONE", progressValue: 100, task: { measure: "平方米", keyTask: null } }),
      item({ text: "入户走访", outcome: "OPEN", reason: "户主外出" }),
    ],
  });
  assert.equal(excerpt, "【临洺关镇】拆除违建（完成100平方米），已完成；入户走访，未完成（原因：户主外出）。明日继续，争取完成。");
  assert.doesNotMatch(excerpt, /[✓?,:;()]/);
});
