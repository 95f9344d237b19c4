"use server";

/**
 * The work log (工作日志, the 2017 article: "一天的工作完成了打对号,未完成打问号"):
 * a person's own items of today, ✓ or ?, open ones carried to the next day.
 * The card's morning offers them, the evening closes them. The writes are in
 * ./writes.ts; this file wires them to authedAction.
 */
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { UNIT_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { districtToday } from "@/lib/time";
import { refusalState } from "@/lib/write-result";
import { listWorkLogCarryOver } from "@/lib/worklog/queries";
import { workLogItemInput, workLogItemRef, workLogOutcomeInput } from "@/lib/worklog/schemas";
import * as writes from "@/lib/worklog/writes";

export const addWorkLogItem = authedAction({ roles: UNIT_ROLES, input: workLogItemInput }, async (user, data) => {
  const result = await writes.addWorkLogItem(db, user, data, districtToday());
  if (!result.ok) return refusalState(result);
  revalidatePath("/unit/log");
  return { ok: true, message: "已记下。" };
});

export const setWorkLogOutcome = authedAction({ roles: UNIT_ROLES, input: workLogOutcomeInput }, async (user, data) => {
  const result = await writes.setWorkLogOutcome(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidatePath("/unit/log");
  const { outcome } = result.value;
  return { ok: true, message: outcome === "DONE" ? "已打 ✓。" : outcome === "OPEN" ? "已打 ?，明天可结转。" : "已清除标记。" };
});

export const deleteWorkLogItem = authedAction({ roles: UNIT_ROLES, input: workLogItemRef }, async (user, data) => {
  const result = await writes.deleteWorkLogItem(db, user, data, districtToday());
  if (!result.ok) return refusalState(result);
  revalidatePath("/unit/log");
  return { ok: true, message: "已删除。" };
});

/** Carries the last log day's open items to today, once. */
export const carryOverWorkLog = authedAction({ roles: UNIT_ROLES, input: workLogItemRef.partial() }, async (user) => {
  const date = districtToday();
  const result = await writes.carryOverWorkLog(db, user, await listWorkLogCarryOver(user, date, new Set()), date);
  if (!result.ok) return refusalState(result);
  revalidatePath("/unit/log");
  revalidatePath("/unit");
  return result.value.carried ? { ok: true, message: `已结转 ${result.value.carried} 项。` } : { message: "没有需要结转的事项。" };
});
