/**
 * An assessment group's score of a unit against its rubric (domain.md): each
 * item scored from 0 to its maximum, and every deduction explained. A draft
 * may be partial; a submitted score is complete. Pure: the form's fields in,
 * the items or the field errors out.
 */
import { pointsText } from "@/lib/assessment/schemas";

export type RubricItemDef = { id: string; name: string; maxPoints: number };

export type ScoredItem = { rubricItemId: string; points: number; comment: string | null };

export type RubricParse = { items: ScoredItem[]; fieldErrors: Record<string, string[]>; message?: string };

export const MAX_COMMENT = 200;

export function parseRubricScores(rubric: readonly RubricItemDef[], fields: Record<string, unknown>, intent: "draft" | "submit"): RubricParse {
  const items: ScoredItem[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const item of rubric) {
    const pointsKey = `points_${item.id}`;
    const commentKey = `comment_${item.id}`;
    const raw = typeof fields[pointsKey] === "string" ? (fields[pointsKey] as string) : "";
    const comment = typeof fields[commentKey] === "string" ? (fields[commentKey] as string).trim() : "";
    const parsed = pointsText.safeParse(raw);
    if (!parsed.success) {
      fieldErrors[pointsKey] = [parsed.error.issues[0].message];
      continue;
    }
    if (comment.length > MAX_COMMENT) fieldErrors[commentKey] = [`理由最多 ${MAX_COMMENT} 字`];
    if (parsed.data === "") {
      if (intent === "submit") fieldErrors[pointsKey] = ["提交前请为这一项打分"];
      continue;
    }
    const points = Number(parsed.data);
    if (points > item.maxPoints) {
      fieldErrors[pointsKey] = [`不能超过本项满分 ${item.maxPoints} 分`];
      continue;
    }
    if (points < item.maxPoints && comment === "" && intent === "submit") {
      fieldErrors[commentKey] = [`扣了 ${round1(item.maxPoints - points)} 分，请写明扣分理由`];
    }
    items.push({ rubricItemId: item.id, points, comment: comment || null });
  }
  if (Object.keys(fieldErrors).length > 0) {
    return { items: [], fieldErrors, message: intent === "submit" ? "还不能提交：请补全每一项的分数和扣分理由。" : "请检查填写的内容。" };
  }
  if (items.length === 0) return { items, fieldErrors, message: "请至少为一项打分再保存草稿。" };
  return { items, fieldErrors };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
