"use server";

/**
 * The office's bulletin editor (ADMIN only). A draft is edited freely; a
 * published bulletin is frozen. The writes and their audit entries are in
 * ./writes.ts; this file only wires them to authedAction.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { bulletinAddInput, bulletinDraftInput, bulletinEditInput, bulletinRefInput } from "@/lib/supervision/bulletins/schemas";
import {
  addBulletinItem,
  createBlankBulletin as createBlank,
  deleteBulletinDraft as deleteDraft,
  draftBulletinFromCards,
  editBulletin,
  publishBulletin,
} from "@/lib/supervision/bulletins/writes";
import { refusalState } from "@/lib/write-result";
import { districtToday } from "@/lib/time";

const OFFICE = ["ADMIN"] as const;

/** Drafts a bulletin from the cards of a day and opens it in the editor. */
export const draftBulletin = authedAction({ roles: OFFICE, input: bulletinDraftInput }, async (user, data) => {
  if (data.date > districtToday()) return { message: "不能为将来的日期起草快讯。", fieldErrors: { date: ["请选择今天或以前的日期"] } };
  const { id } = await draftBulletinFromCards(db, { date: data.date, actorId: user.id });
  redirect(`/admin/bulletins/${id}`);
});

/** An empty draft for today, to fill by hand. */
export const createBlankBulletin = authedAction({ roles: OFFICE, input: bulletinDraftInput }, async (user, data) => {
  const { id } = await createBlank(db, { date: data.date, actorId: user.id });
  redirect(`/admin/bulletins/${id}`);
});

/**
 * The editor's one action: the text as the form shows it is saved first, then
 * the item moved or removed — or the bulletin published (number taken in the
 * same transaction as the text). Publishing never sends an older save.
 */
export const editBulletinAction = authedAction({ roles: OFFICE, input: bulletinEditInput }, async (user, data) => {
  if (data.intent === "publish") {
    const published = await publishBulletin(db, { bulletinId: data.bulletinId, actorId: user.id, text: data.text });
    if (!published.ok) return refusalState(published);
    revalidatePath("/bulletins");
    redirect(`/bulletins/${data.bulletinId}`);
  }
  const done = await editBulletin(db, { bulletinId: data.bulletinId, actorId: user.id, text: data.text, intent: data.intent, itemId: data.itemId });
  if (!done.ok) return refusalState(done);
  revalidatePath(`/admin/bulletins/${data.bulletinId}`);
  return { ok: true, message: data.intent === "save" ? "已保存。" : data.intent === "remove" ? "已保存文字，并移出本期。" : "已保存文字，并调整顺序。" };
});

export const addBulletinItemAction = authedAction({ roles: OFFICE, input: bulletinAddInput }, async (user, data) => {
  const result = await addBulletinItem(db, { ...data, actorId: user.id });
  if (!result.ok) return refusalState(result);
  revalidatePath(`/admin/bulletins/${data.bulletinId}`);
  return { ok: true, message: "已选入本期。" };
});

export const deleteBulletinDraft = authedAction({ roles: OFFICE, input: bulletinRefInput }, async (user, data) => {
  const result = await deleteDraft(db, { bulletinId: data.bulletinId, actorId: user.id });
  if (!result.ok) return refusalState(result);
  redirect("/admin/bulletins");
});
