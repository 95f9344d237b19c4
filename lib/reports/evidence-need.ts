/**
 * What the card's photo and place fields say about being required (issue 14): exactly when the
 * evidence is needed, never "必填" where the slot can be sent without it. The rule is the server's
 * (evidenceIssues in card-rules.ts): in the evening, a task the office marked as needing a photo (or
 * a place) and marked ✓ needs one on the day's card — any slot's photo of the same day counts.
 */
import type { SlotKind } from "@/lib/generated/prisma/enums";

export type EvidenceKind = "photo" | "place";

export type EvidenceNeed = {
  /** the words in the field's label after its name: 照片（必填） */
  label: string;
  /** the evidence must be added before this slot can be sent as it is marked now */
  required: boolean;
  /** which tasks ask for it and what counts, or null when no task does */
  hint: string | null;
};

const NOUN: Record<EvidenceKind, string> = { photo: "现场照片", place: "位置" };

/**
 * `done`: the titles (quoted) of the tasks that ask for it and are marked ✓; `open`: those not marked
 * yet (neither ✓ nor ?); a task marked ? needs nothing. At noon every such task is listed in `open`.
 * `dayCount`: the photos already on the day's card (for a place: 1 if one is there, else 0).
 */
export function evidenceNeed(kind: EvidenceKind, slot: SlotKind, tasks: { done: string[]; open: string[] }, dayCount: number): EvidenceNeed {
  const noun = NOUN[kind];
  const titles = [...tasks.done, ...tasks.open].join("、");
  const counts = kind === "photo" ? "今天任一时段上传的都算" : "今天任一时段填写的都算";
  if (slot === "MORNING" || !titles) return { label: "可选", required: false, hint: null };
  if (slot === "NOON")
    return {
      label: "可选，晚晒标记完成时须有",
      required: false,
      hint: `${titles}在晚晒标记完成时须有${noun}（${counts}），可以现在${kind === "photo" ? "上传" : "定位"}。`,
    };
  if (dayCount > 0) {
    const already = kind === "photo" ? `今天已上传的 ${dayCount} 张照片` : "今天已填写的位置";
    return {
      label: "可选，今天已有",
      required: false,
      hint: `${titles}标记完成须有${noun}：${already}可以作为证明，无须再${kind === "photo" ? "传" : "填"}。`,
    };
  }
  if (tasks.done.length) return { label: "必填", required: true, hint: `${tasks.done.join("、")}标记完成须有${noun}（${counts}），或改标 ? 并写明原因。` };
  return { label: "标记 ✓ 时必填", required: false, hint: `${titles}标记 ✓ 时须有${noun}（${counts}）；标记 ? 则不需要。` };
}
