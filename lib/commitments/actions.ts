"use server";

/** Server actions of the unit's public commitment: authedAction (session, role, zod), then lib/commitments/writes.ts. */
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { refusalState } from "@/lib/write-result";
import { authedAction } from "@/lib/auth/action";
import { commitmentDraftInput, commitmentIdInput } from "@/lib/commitments/schemas";
import { deleteCommitmentDraft, saveCommitmentDraft, startCommitmentDraft } from "@/lib/commitments/writes";
import { districtToday } from "@/lib/time";
import { z } from "@/lib/validation";

function revalidateCommitmentPages(): void {
  revalidatePath("/unit/commitment");
  revalidatePath("/public/commitments", "layout");
}

export const startCommitmentDraftAction = authedAction({ roles: ["UNIT_HEAD"], input: z.object({}) }, async (user) => {
  const result = await startCommitmentDraft(db, user, Number(districtToday().slice(0, 4)));
  if (!result.ok) return refusalState(result);
  revalidateCommitmentPages();
  return { ok: true, message: "已新建草稿。" };
});

export const saveCommitmentAction = authedAction({ roles: ["UNIT_HEAD"], input: commitmentDraftInput }, async (user, data) => {
  const result = await saveCommitmentDraft(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateCommitmentPages();
  return { ok: true, message: result.value.published ? "已发布。发布后的承诺书不能再修改，已在公开页面展示。" : "草稿已保存（尚未公开）。" };
});

export const deleteCommitmentDraftAction = authedAction({ roles: ["UNIT_HEAD"], input: commitmentIdInput }, async (user, data) => {
  const result = await deleteCommitmentDraft(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateCommitmentPages();
  return { ok: true, message: "草稿已删除。" };
});
