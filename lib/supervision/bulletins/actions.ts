"use server";

/**
 * The office's bulletin editor (ADMIN only). A draft is edited freely; a
 * published bulletin is frozen. Every change is audited.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { audit } from "@/lib/audit";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { currentVersionId } from "@/lib/reports/versions";
import {
  bulletinAddInput,
  bulletinDraftInput,
  bulletinHeaderInput,
  bulletinItemInput,
  bulletinMoveInput,
  bulletinRefInput,
  bulletinRemoveInput,
} from "@/lib/supervision/bulletins/schemas";
import { BulletinError, defaultTitle, draftBulletinFromCards, excerptOf, publishBulletin } from "@/lib/supervision/bulletins/service";
import { districtToday } from "@/lib/time";

const OFFICE = ["ADMIN"] as const;
const NOT_A_DRAFT = "没有找到这期草稿(已发布的快讯不能再修改)。";

/** Drafts a bulletin from the cards of a day and opens it in the editor. */
export const draftBulletin = authedAction({ roles: OFFICE, input: bulletinDraftInput }, async (user, data) => {
  if (data.date > districtToday()) return { message: "不能为将来的日期起草快讯。", fieldErrors: { date: ["请选择今天或以前的日期"] } };
  const { id } = await draftBulletinFromCards(db, { date: data.date, actorId: user.id });
  redirect(`/admin/bulletins/${id}`);
});

/** An empty draft for today, to fill by hand. */
export const createBlankBulletin = authedAction({ roles: OFFICE, input: bulletinDraftInput }, async (user, data) => {
  const id = await db.$transaction(async (tx) => {
    const b = await tx.bulletin.create({ data: { year: Number(data.date.slice(0, 4)), date: data.date, title: defaultTitle(data.date), summary: "", createdById: user.id }, select: { id: true } });
    await audit(tx, { actorId: user.id, action: "bulletin.create", entity: "Bulletin", entityId: b.id, after: { date: data.date } });
    return b.id;
  });
  redirect(`/admin/bulletins/${id}`);
});

export const saveBulletinHeader = authedAction({ roles: OFFICE, input: bulletinHeaderInput }, async (user, data) => {
  const saved = await db.$transaction(async (tx) => {
    const before = await tx.bulletin.findFirst({ where: { id: data.bulletinId, status: "DRAFT" }, select: { date: true, title: true, summary: true } });
    if (!before) return false;
    await tx.bulletin.update({ where: { id: data.bulletinId }, data: { date: data.date, year: Number(data.date.slice(0, 4)), title: data.title, summary: data.summary } });
    await audit(tx, { actorId: user.id, action: "bulletin.edit", entity: "Bulletin", entityId: data.bulletinId, before, after: { date: data.date, title: data.title, summary: data.summary } });
    return true;
  });
  if (!saved) return { message: NOT_A_DRAFT };
  revalidatePath(`/admin/bulletins/${data.bulletinId}`);
  return { ok: true, message: "已保存。" };
});

export const addBulletinItem = authedAction({ roles: OFFICE, input: bulletinAddInput }, async (user, data) => {
  const slot = await db.reportSlot.findUnique({ where: { id: data.slotId }, select: { text: true, card: { select: { unit: { select: { name: true } } } } } });
  if (!slot) return { message: "没有找到这条晒报。" };
  const result = await db.$transaction(async (tx) => {
    if (!(await tx.bulletin.count({ where: { id: data.bulletinId, status: "DRAFT" } }))) return NOT_A_DRAFT;
    if (await tx.bulletinItem.count({ where: { bulletinId: data.bulletinId, slotId: data.slotId } })) return "这条晒报已在本期中。";
    const last = await tx.bulletinItem.aggregate({ where: { bulletinId: data.bulletinId }, _max: { sortOrder: true } });
    const item = await tx.bulletinItem.create({
      data: { bulletinId: data.bulletinId, slotId: data.slotId, versionId: await currentVersionId(tx, data.slotId), excerpt: `【${slot.card.unit.name}】${excerptOf(slot.text)}`, sortOrder: (last._max.sortOrder ?? 0) + 1 },
      select: { id: true },
    });
    await audit(tx, { actorId: user.id, action: "bulletin.item.add", entity: "Bulletin", entityId: data.bulletinId, after: { itemId: item.id, slotId: data.slotId } });
    return null;
  });
  if (result) return { message: result };
  revalidatePath(`/admin/bulletins/${data.bulletinId}`);
  return { ok: true, message: "已选入本期。" };
});

export const updateBulletinItem = authedAction({ roles: OFFICE, input: bulletinItemInput }, async (user, data) => {
  const done = await db.$transaction(async (tx) => {
    const item = await tx.bulletinItem.findFirst({ where: { id: data.itemId, bulletinId: data.bulletinId, bulletin: { status: "DRAFT" } }, select: { excerpt: true } });
    if (!item) return false;
    await tx.bulletinItem.update({ where: { id: data.itemId }, data: { excerpt: data.excerpt } });
    await audit(tx, { actorId: user.id, action: "bulletin.item.edit", entity: "Bulletin", entityId: data.bulletinId, before: item, after: { itemId: data.itemId, excerpt: data.excerpt } });
    return true;
  });
  if (!done) return { message: NOT_A_DRAFT };
  revalidatePath(`/admin/bulletins/${data.bulletinId}`);
  return { ok: true, message: "摘编已保存。" };
});

export const moveBulletinItem = authedAction({ roles: OFFICE, input: bulletinMoveInput }, async (user, data) => {
  const done = await db.$transaction(async (tx) => {
    const items = await tx.bulletinItem.findMany({ where: { bulletinId: data.bulletinId, bulletin: { status: "DRAFT" } }, orderBy: { sortOrder: "asc" }, select: { id: true } });
    const at = items.findIndex((i) => i.id === data.itemId);
    if (at === -1) return false;
    const to = data.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= items.length) return true;
    [items[at], items[to]] = [items[to], items[at]];
    for (const [i, item] of items.entries()) await tx.bulletinItem.update({ where: { id: item.id }, data: { sortOrder: i + 1 } });
    await audit(tx, { actorId: user.id, action: "bulletin.item.move", entity: "Bulletin", entityId: data.bulletinId, after: { itemId: data.itemId, direction: data.direction } });
    return true;
  });
  if (!done) return { message: NOT_A_DRAFT };
  revalidatePath(`/admin/bulletins/${data.bulletinId}`);
  return { ok: true };
});

export const removeBulletinItem = authedAction({ roles: OFFICE, input: bulletinRemoveInput }, async (user, data) => {
  const done = await db.$transaction(async (tx) => {
    const item = await tx.bulletinItem.findFirst({ where: { id: data.itemId, bulletinId: data.bulletinId, bulletin: { status: "DRAFT" } }, select: { slotId: true, excerpt: true } });
    if (!item) return false;
    await tx.bulletinItem.delete({ where: { id: data.itemId } });
    await audit(tx, { actorId: user.id, action: "bulletin.item.remove", entity: "Bulletin", entityId: data.bulletinId, before: item });
    return true;
  });
  if (!done) return { message: NOT_A_DRAFT };
  revalidatePath(`/admin/bulletins/${data.bulletinId}`);
  return { ok: true, message: "已移出本期。" };
});

export const deleteBulletinDraft = authedAction({ roles: OFFICE, input: bulletinRefInput }, async (user, data) => {
  const done = await db.$transaction(async (tx) => {
    const draft = await tx.bulletin.findFirst({ where: { id: data.bulletinId, status: "DRAFT" }, select: { date: true, title: true } });
    if (!draft) return false;
    await tx.bulletin.delete({ where: { id: data.bulletinId } });
    await audit(tx, { actorId: user.id, action: "bulletin.delete-draft", entity: "Bulletin", entityId: data.bulletinId, before: draft });
    return true;
  });
  if (!done) return { message: NOT_A_DRAFT };
  redirect("/admin/bulletins");
});

/** Publishes: the number (第 N 期) is taken in the publishing transaction. */
export const publishBulletinAction = authedAction({ roles: OFFICE, input: bulletinRefInput }, async (user, data) => {
  try {
    await publishBulletin(db, { bulletinId: data.bulletinId, actorId: user.id });
  } catch (error) {
    if (error instanceof BulletinError) return { message: error.message };
    throw error;
  }
  revalidatePath("/bulletins");
  redirect(`/bulletins/${data.bulletinId}`);
});
