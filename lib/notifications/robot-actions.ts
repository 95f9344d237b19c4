"use server";

/** The office's robot settings and lead times: authedAction wired to robot-admin.ts and lead-settings.ts. */
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { createRobot, deleteRobot, sendTestMessage, updateRobot } from "@/lib/notifications/robot-admin";
import { robotIdInput, robotInput, robotUpdateInput } from "@/lib/notifications/robot-schemas";
import { leadTimesInput, saveLeadTimes } from "@/lib/notifications/lead-settings";
import { refusalState } from "@/lib/write-result";

const OFFICE = ["ADMIN"] as const;
const PAGE = "/admin/robots";

export const createRobotAction = authedAction({ roles: OFFICE, input: robotInput }, async (user, data) => {
  const result = await createRobot(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidatePath(PAGE);
  return { ok: true, message: "已添加机器人。" };
});

export const updateRobotAction = authedAction({ roles: OFFICE, input: robotUpdateInput }, async (user, data) => {
  const result = await updateRobot(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidatePath(PAGE);
  return { ok: true, message: "已保存。" };
});

export const deleteRobotAction = authedAction({ roles: OFFICE, input: robotIdInput }, async (user, data) => {
  const result = await deleteRobot(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidatePath(PAGE);
  return { ok: true, message: "已删除。" };
});

export const testRobotAction = authedAction({ roles: OFFICE, input: robotIdInput }, async (user, data) => {
  const result = await sendTestMessage(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidatePath(PAGE);
  const answer = result.value;
  return answer.ok
    ? { ok: true, message: "测试消息已发出，请到群里查看。" }
    : { ok: false, message: `发送失败：${answer.errcode === null ? "" : `errcode ${answer.errcode}，`}${answer.errmsg || "无应答"}。` };
});

export const saveLeadTimesAction = authedAction({ roles: OFFICE, input: leadTimesInput }, async (user, data) => {
  const result = await saveLeadTimes(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidatePath(PAGE);
  return { ok: true, message: "已保存提醒时间。" };
});
