/**
 * Every write of the work log (工作日志): a person's own items only (the owner
 * is in every query), each with its audit entry in the same transaction.
 * Plain functions over a client; lib/worklog/actions.ts wires them to
 * authedAction.
 */
import type { Db } from "@/lib/db-client";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { DistrictDate } from "@/lib/time";
import { refuse, succeed, type WriteResult } from "@/lib/write-result";
import type { WorkLogOutcomeInput } from "@/lib/worklog/schemas";

export const MAX_WORKLOG_ITEMS_PER_DAY = 30;
const NO_UNIT = "账号还没有所属单位。";

/** Adds an item to the person's log of `date`, optionally linked to one of the unit's live tasks. */
export async function addWorkLogItem(db: Db, user: SessionUser, data: { text: string; taskId?: string }, date: DistrictDate): Promise<WriteResult> {
  const unitId = user.unitId;
  if (!unitId) return refuse(NO_UNIT, { status: 403 });
  if (data.taskId) {
    const task = await db.task.findFirst({ where: { id: data.taskId, unitId, archivedAt: null }, select: { id: true } });
    if (!task) return refuse("关联的任务不是本单位的在办任务。", { fieldErrors: { taskId: ["请选择本单位的任务"] } });
  }
  const count = await db.workLogItem.count({ where: { userId: user.id, date } });
  if (count >= MAX_WORKLOG_ITEMS_PER_DAY) return refuse(`一天最多记 ${MAX_WORKLOG_ITEMS_PER_DAY} 项。`);
  await db.$transaction(async (tx) => {
    const item = await tx.workLogItem.create({
      data: { userId: user.id, unitId, date, text: data.text, taskId: data.taskId ?? null, sortOrder: count + 1 },
      select: { id: true },
    });
    await audit(tx, { actorId: user.id, action: "worklog.add", entity: "WorkLogItem", entityId: item.id, after: data });
  });
  return succeed();
}

/** Marks one of the person's own items ✓ (DONE), ? (OPEN, with a reason) or clears the mark. */
export async function setWorkLogOutcome(db: Db, user: SessionUser, data: WorkLogOutcomeInput): Promise<WriteResult<{ outcome: "DONE" | "OPEN" | null }>> {
  const outcome = data.outcome === "NONE" ? null : data.outcome;
  const reason = outcome === "OPEN" ? (data.reason ?? null) : null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.workLogItem.updateMany({ where: { id: data.id, userId: user.id }, data: { outcome, reason } });
    if (count === 0) return refuse("没有找到这一项。", { status: 404 });
    await audit(tx, { actorId: user.id, action: "worklog.mark", entity: "WorkLogItem", entityId: data.id, after: { outcome, reason } });
    return succeed({ outcome });
  });
}

/** Deletes one of the person's own items of `date`, unless a card already lists it. */
export async function deleteWorkLogItem(db: Db, user: SessionUser, data: { id: string }, date: DistrictDate): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const item = await tx.workLogItem.findFirst({
      where: { id: data.id, userId: user.id, date },
      select: { id: true, text: true, _count: { select: { reportItems: true } } },
    });
    if (!item) return refuse("只能删除自己今天的事项。", { status: 404 });
    if (item._count.reportItems > 0) return refuse("这一项已列入晒报，不能删除。", { status: 409 });
    await tx.workLogItem.delete({ where: { id: item.id } });
    await audit(tx, { actorId: user.id, action: "worklog.delete", entity: "WorkLogItem", entityId: item.id, before: { text: item.text } });
    return succeed();
  });
}

type OpenItem = { id: string; text: string; taskId: string | null };

/** Carries the given open items (lib/worklog/queries.ts) to `date`, each once; the number carried. */
export async function carryOverWorkLog(db: Db, user: SessionUser, open: readonly OpenItem[], date: DistrictDate): Promise<WriteResult<{ carried: number }>> {
  const unitId = user.unitId;
  if (!unitId) return refuse(NO_UNIT, { status: 403 });
  return db.$transaction(async (tx) => {
    // Re-read inside the transaction: a double tap carries each item once.
    const today = await tx.workLogItem.findMany({ where: { userId: user.id, date }, select: { carriedFromId: true } });
    const carried = new Set(today.map((i) => i.carriedFromId));
    const fresh = open.filter((item) => !carried.has(item.id));
    if (fresh.length === 0) return succeed({ carried: 0 });
    await tx.workLogItem.createMany({
      data: fresh.map((item, i) => ({
        userId: user.id,
        unitId,
        date,
        text: item.text,
        taskId: item.taskId,
        carriedFromId: item.id,
        sortOrder: today.length + i + 1,
      })),
    });
    await audit(tx, { actorId: user.id, action: "worklog.carry", entity: "WorkLogItem", after: { date, from: fresh.map((i) => i.id) } });
    return succeed({ carried: fresh.length });
  });
}
