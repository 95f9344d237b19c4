/** What a version changed, in words (pure). */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { CardItem } from "@/lib/reports/card-rules";
import { describeChanges } from "@/lib/reports/version-history";
import { cardItem } from "@/lib/testing/card-items";

const item = (text: string, over: Partial<CardItem> = {}) => cardItem(text, text, { sortOrder: 0, ...over });
const state = (text: string, items: CardItem[], place: string | null = null) => ({ text, place, lat: null, lng: null, items });

test("an evening rewritten from ✓ 100 to ? lists the item's changes, not only 'text changed'", () => {
  const before = state("今日完成1/1项", [item("拆除违建", { outcome: "DONE", progressValue: 100 })]);
  const after = state("今日完成0/1项", [item("拆除违建", { outcome: "OPEN", reason: "下雨" })]);
  assert.deepEqual(describeChanges("EVENING", before, after, { added: 0, removed: 0 }), [
    "「拆除违建」改为未完成",
    "「拆除违建」完成量 100 → 0",
    "「拆除违建」原因已改",
    "文字随之修改",
  ]);
});

test("items added and removed, a note, the place and photos", () => {
  const before = state("今日计划：1.走访企业。", [item("走访企业")], "东街");
  const after = state("今日计划：1.召开调度会。\n补充说明", [item("召开调度会")], "西街");
  assert.deepEqual(describeChanges("MORNING", before, after, { added: 2, removed: 1 }), [
    "新增事项「召开调度会」",
    "删去事项「走访企业」",
    "文字随之修改",
    "地点：东街 → 西街",
    "新增照片 2 张",
    "删除照片 1 张",
  ]);
  assert.deepEqual(describeChanges("MORNING", before, { ...before, text: "今日计划：1.走访企业。\n说明" }, { added: 0, removed: 0 }), ["文字已修改"]);
});

test("another slot's items do not count as this slot's changes", () => {
  const before = state("午间进展", [item("走访企业")]);
  const after = state("午间进展", [item("走访企业", { outcome: "DONE" })]);
  assert.deepEqual(describeChanges("NOON", before, after, { added: 0, removed: 0 }), []);
});
