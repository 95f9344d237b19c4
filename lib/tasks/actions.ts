"use server";

/**
 * Server actions of the task lists: each goes through authedAction (session,
 * role, zod) and then a write in lib/tasks/writes.ts (scope in the query,
 * rules, audit). redirect/revalidatePath run after the write returns.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { authedAction } from "@/lib/auth/action";
import { UNIT_ROLES } from "@/lib/auth/roles";
import {
  milestoneCreateInput,
  milestoneDeleteInput,
  milestoneProgressInput,
  milestoneUpdateInput,
  taskArchiveInput,
  taskCreateInput,
  taskProgressInput,
  taskUpdateInput,
} from "@/lib/tasks/schemas";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import {
  addMilestone,
  createTask,
  deleteMilestone,
  reportMilestoneProgress,
  reportTaskProgress,
  setTaskArchived,
  updateMilestone,
  updateTask,
} from "@/lib/tasks/writes";
import { refusalState } from "@/lib/write-result";
import type { TaskStatus } from "@/lib/generated/prisma/enums";

function revalidateTaskPages(taskId?: string): void {
  revalidatePath("/admin/tasks");
  revalidatePath("/tasks");
  revalidatePath("/unit/tasks");
  if (taskId) revalidatePath(`/admin/tasks/${taskId}`);
}

/** A milestone's change shows on the lists and on its task's page (any task's: the path is revalidated as a pattern). */
function revalidateMilestonePages(): void {
  revalidateTaskPages();
  revalidatePath("/admin/tasks/[taskId]", "page");
}

export const createTaskAction = authedAction({ roles: ["ADMIN"], input: taskCreateInput }, async (user, data) => {
  const result = await createTask(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateTaskPages();
  redirect(`/admin/tasks/${result.value.id}?created=1`);
});

export const updateTaskAction = authedAction({ roles: ["ADMIN"], input: taskUpdateInput }, async (user, data) => {
  const result = await updateTask(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateTaskPages(data.id);
  return { ok: true, message: "已保存。" };
});

export const archiveTaskAction = authedAction({ roles: ["ADMIN"], input: taskArchiveInput }, async (user, data) => {
  const result = await setTaskArchived(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateTaskPages(data.id);
  return { ok: true, message: data.archived ? "已归档：这项任务不再出现在各单位和领导的清单里。" : "已恢复。" };
});

export const addMilestoneAction = authedAction({ roles: ["ADMIN"], input: milestoneCreateInput }, async (user, data) => {
  const result = await addMilestone(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateTaskPages(data.taskId);
  return { ok: true, message: `已添加节点“${data.title}”。` };
});

export const updateMilestoneAction = authedAction({ roles: ["ADMIN"], input: milestoneUpdateInput }, async (user, data) => {
  const result = await updateMilestone(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateMilestonePages();
  return { ok: true, message: "节点已保存。" };
});

export const deleteMilestoneAction = authedAction({ roles: ["ADMIN"], input: milestoneDeleteInput }, async (user, data) => {
  const result = await deleteMilestone(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateMilestonePages();
  return { ok: true, message: "节点已删除。" };
});

function savedMessage(status: TaskStatus): string {
  return `已保存，当前状态：${TASK_STATUS_LABELS[status]}。`;
}

export const reportTaskProgressAction = authedAction({ roles: UNIT_ROLES, input: taskProgressInput }, async (user, data) => {
  const result = await reportTaskProgress(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateTaskPages();
  revalidatePath(`/unit/tasks/${data.taskId}`);
  revalidatePath("/unit");
  return { ok: true, message: savedMessage(result.value.status) };
});

export const reportMilestoneProgressAction = authedAction({ roles: UNIT_ROLES, input: milestoneProgressInput }, async (user, data) => {
  const result = await reportMilestoneProgress(db, user, data);
  if (!result.ok) return refusalState(result);
  revalidateTaskPages();
  revalidatePath("/unit/tasks/[taskId]", "page");
  return { ok: true, message: savedMessage(result.value.status) };
});
