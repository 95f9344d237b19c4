"use server";

/**
 * The work log (工作日志, the 2017 article: "一天的工作完成了打对号,未完成打问号"):
 * a person's own items of today, ✓ or ?, open ones carried to the next day.
 * The card's morning offers them, the evening closes them.
 */
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/audit";
import { authedAction } from "@/lib/auth/action";
import { UNIT_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { listWorkLogCarryOver } from "@/lib/worklog/queries";
import { workLogItemInput, workLogItemRef, workLogOutcomeInput } from "@/lib/worklog/schemas";
import { districtToday } from "@/lib/time";

const MAX_ITEMS_PER_DAY = 30;

export const addWorkLogItem = authedAction({ roles: UNIT_ROLES, input: workLogItemInput }, async (user, data) => {
  if (!user.unitId) return { message: "账号还没有所属单位。" };
  const date = districtToday();
  if (data.taskId) {
    const task = await db.task.findFirst({ where: { id: data.taskId, unitId: user.unitId, archivedAt: null }, select: { id: true } });
    if (!task) return { message: "关联的任务不是本单位的在办任务。", fieldErrors: { taskId: ["请选择本单位的任务"] } };
  }
  const count = await db.workLogItem.count({ where: { userId: user.id, date } });
  if (count >= MAX_ITEMS_PER_DAY) return { message: `一天最多记 ${MAX_ITEMS_PER_DAY} 项。` };
  await db.$transaction(async (tx) => {
    const item = await tx.workLogItem.create({ data: { userId: user.id, unitId: user.unitId!, date, text: data.text, taskId: data.taskId ?? null, sortOrder: count + 1 }, select: { id: true } });
    await audit(tx, { actorId: user.id, action: "worklog.add", entity: "WorkLogItem", entityId: item.id, after: data });
  });
  revalidatePath("/unit/log");
  return { ok: true, message: "已记下。" };
});

export const setWorkLogOutcome = authedAction({ roles: UNIT_ROLES, input: workLogOutcomeInput }, async (user, data) => {
  const outcome = data.outcome === "NONE" ? null : data.outcome;
  const reason = outcome === "OPEN" ? (data.reason ?? null) : null;
  // Only the person's own items: the owner is in the query.
  const { count } = await db.workLogItem.updateMany({ where: { id: data.id, userId: user.id }, data: { outcome, reason } });
  if (count === 0) return { message: "没有找到这一项。" };
  await audit(db, { actorId: user.id, action: "worklog.mark", entity: "WorkLogItem", entityId: data.id, after: { outcome, reason } });
  revalidatePath("/unit/log");
  return { ok: true, message: outcome === "DONE" ? "已打 ✓。" : outcome === "OPEN" ? "已打 ?,明天可结转。" : "已清除标记。" };
});

export const deleteWorkLogItem = authedAction({ roles: UNIT_ROLES, input: workLogItemRef }, async (user, data) => {
  const item = await db.workLogItem.findFirst({
    where: { id: data.id, userId: user.id, date: districtToday() },
    select: { id: true, text: true, _count: { select: { reportItems: true, carriedTo: true } } },
  });
  if (!item) return { message: "只能删除自己今天的事项。" };
  if (item._count.reportItems > 0) return { message: "这一项已列入晒报,不能删除。" };
  await db.$transaction(async (tx) => {
    await tx.workLogItem.delete({ where: { id: item.id } });
    await audit(tx, { actorId: user.id, action: "worklog.delete", entity: "WorkLogItem", entityId: item.id, before: { text: item.text } });
  });
  revalidatePath("/unit/log");
  return { ok: true, message: "已删除。" };
});

/** Carries the last log day's open items to today, once. */
export const carryOverWorkLog = authedAction({ roles: UNIT_ROLES, input: workLogItemRef.partial() }, async (user) => {
  if (!user.unitId) return { message: "账号还没有所属单位。" };
  const date = districtToday();
  const open = await listWorkLogCarryOver(user, date, new Set());
  const created = await db.$transaction(async (tx) => {
    // Re-read inside the transaction: a double tap carries each item once.
    const today = await tx.workLogItem.findMany({ where: { userId: user.id, date }, select: { carriedFromId: true } });
    const carried = new Set(today.map((i) => i.carriedFromId));
    const fresh = open.filter((item) => !carried.has(item.id));
    if (fresh.length === 0) return 0;
    await tx.workLogItem.createMany({
      data: fresh.map((item, i) => ({ userId: user.id, unitId: user.unitId!, date, text: item.text, taskId: item.taskId, carriedFromId: item.id, sortOrder: today.length + i + 1 })),
    });
    await audit(tx, { actorId: user.id, action: "worklog.carry", entity: "WorkLogItem", after: { date, from: fresh.map((i) => i.id) } });
    return fresh.length;
  });
  revalidatePath("/unit/log");
  revalidatePath("/unit");
  return created ? { ok: true, message: `已结转 ${created} 项。` } : { message: "没有需要结转的事项。" };
});
