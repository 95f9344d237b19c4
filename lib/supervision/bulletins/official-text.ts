/**
 * The official Chinese of 要情快讯 (pure): one numbering style for headings
 * (一、二、…十、十一、), full-width punctuation, and no ✓/? marks — an item
 * is 已完成 or 未完成 with its reason, as a document of the office says it.
 */
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { formatAmount, noteOf } from "@/lib/reports/card-rules";

const DIGITS = "零一二三四五六七八九";
const POWERS = ["", "十", "百", "千"];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 23 → 二十三, 105 → 一百零五 (1 to 9999). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`chineseNumeral: ${n} is not an integer from 1 to 9999`);
  const digits = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  digits.forEach((d, i) => {
    const power = digits.length - 1 - i;
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += "零";
    zero = false;
    // 十一, not 一十一: the leading 一 is dropped before 十 only.
    out += (d === 1 && power === 1 && out === "" ? "" : DIGITS[d]) + POWERS[power];
  });
  return out;
}

/** The heading number of the n-th section (0-based): 一、 二、 … 十一、 */
export function sectionNumber(index: number): string {
  return `${chineseNumeral(index + 1)}、`;
}

const FULL_WIDTH: Record<string, string> = { ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）" };

/**
 * Official text: the card's ✓/? marks become 已完成 / 未完成（原因：…）, and
 * half-width punctuation becomes full-width — except inside numbers (1,000,
 * 09:30), which stay as written.
 */
export function officialText(text: string): string {
  const unmarked = text
    // The marks of an evening card as composed by composeSlotText: "… ✓" and "… ?(reason)".
    .replace(/[ \t]*[✓✔]/g, "，已完成")
    .replace(/[ \t]*[?？][ \t]*[(（]([^()（）]*)[)）]/g, "，未完成（原因：$1）")
    .replace(/[✗✘]/g, "未完成");
  return unmarked
    .replace(/[ \t]*([,;:?!()])[ \t]*/g, (match: string, p: string, at: number) => {
      const inNumber = (p === "," || p === ":") && /\d/.test(unmarked[at - 1] ?? "") && /\d/.test(unmarked[at + match.length] ?? "");
      return inNumber ? match : FULL_WIDTH[p];
    })
    .replace(/，{2,}/g, "，")
    .replace(/^，|(【[^】]*】)，/g, "$1");
}

/** The count of items the editor's note speaks of ("12条晒报"), made true for the items published. */
export function withItemCount(summary: string, count: number): string {
  return summary.replace(/\d+\s*条晒报/g, `${count}条晒报`);
}

export type SlotItem = {
  text: string;
  addedIn: SlotKind;
  progressNote: string | null;
  outcome: "DONE" | "OPEN" | null;
  reason: string | null;
  progressValue: number | null;
  task: { measure?: string; keyTask: { id: string; name: string; sortOrder: number } | null } | null;
};

/** The card's items a slot speaks of: the morning's plan, the noon's progress, the evening's results. */
export function itemsOfSlot<T extends SlotItem>(slot: SlotKind, items: readonly T[]): T[] {
  if (slot === "MORNING") return items.filter((i) => i.addedIn === "MORNING");
  if (slot === "NOON") return items.filter((i) => i.progressNote || i.addedIn === "NOON");
  return items.filter((i) => i.outcome);
}

/**
 * The key task a slot is about — taken from its items' tasks only: the one
 * key task every item's task belongs to. Items of several key tasks, an item
 * of a line (分线) or an item typed without a task make it null (其他工作):
 * a work-safety item is never put under 招商引资 by a guess.
 */
export function keyTaskOfSlot(slot: SlotKind, items: readonly SlotItem[]): { id: string; name: string; sortOrder: number } | null {
  const shown = itemsOfSlot(slot, items);
  const first = shown[0]?.task?.keyTask;
  if (!first) return null;
  return shown.every((i) => i.task?.keyTask?.id === first.id) ? first : null;
}

const NOTE_LENGTH = 160;

function clip(text: string, length: number): string {
  const trimmed = text.trim();
  return trimmed.length <= length ? trimmed : `${trimmed.slice(0, length - 1)}…`;
}

/**
 * A bulletin item's excerpt of a slot, in official Chinese: 【单位】, then
 * what the items say (已完成 / 未完成（原因：…）, never ✓/?), then the
 * author's own note. A slot without items is quoted from its text.
 */
export function excerptOfSlot(input: { unitName: string; slot: SlotKind; text: string; items: readonly SlotItem[] }): string {
  const shown = itemsOfSlot(input.slot, input.items);
  let summary = "";
  if (shown.length > 0) {
    const parts = shown.map((i) => {
      if (input.slot === "MORNING") return i.text;
      if (input.slot === "NOON") return i.progressNote ? `${i.text},${i.progressNote}` : i.text;
      const amount = i.progressValue ? `（完成${formatAmount(i.progressValue)}${i.task?.measure ?? ""}）` : "";
      return i.outcome === "DONE" ? `${i.text}${amount}，已完成` : `${i.text}${amount}，未完成${i.reason ? `（原因：${i.reason}）` : ""}`;
    });
    const lead = input.slot === "MORNING" ? "今日计划：" : input.slot === "NOON" ? "午间进展：" : "";
    summary = `${lead}${parts.join("；")}。`;
  }
  const note = clip(shown.length > 0 ? noteOf(input.text) : input.text, NOTE_LENGTH);
  return officialText(`【${input.unitName}】${summary}${note}`);
}
