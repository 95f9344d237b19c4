"use server";

/**
 * Server actions of /admin/org: each goes through authedAction (session, the
 * office's role, zod) and then a write in lib/org/writes.ts.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { authedAction, type ActionState } from "@/lib/auth/action";
import { importUsers } from "@/lib/org/user-import";
import { importUnits } from "@/lib/org/unit-import";
import type { ImportFailure } from "@/lib/org/sheet-import";
import { z } from "@/lib/validation";
import { refusalState } from "@/lib/write-result";
import {
  channelCreateInput,
  channelMembersInput,
  groupCreateInput,
  groupMembersInput,
  keyTaskCreateInput,
  keyTaskInput,
  lineInput,
  rubricInput,
  scopeChangeInput,
  unitCreateInput,
  unitIdInput,
  unitMergeInput,
  unitUpdateInput,
  userActiveInput,
  userCreateInput,
  userIdInput,
  userUpdateInput,
} from "@/lib/org/schemas";
import {
  changeGroupScope,
  createChannel,
  createGroup,
  createKeyTask,
  createUnit,
  createUser,
  mergeUnits,
  resetUserPassword,
  retireUnit,
  saveRubric,
  saveLine,
  setChannelMembers,
  setGroupMembers,
  setUserActive,
  updateKeyTask,
  updateUnit,
  updateUser,
  type OrgResult,
} from "@/lib/org/writes";

const OFFICE = ["ADMIN"] as const;

function refused(result: Extract<OrgResult<unknown>, { ok: false }>): ActionState {
  return refusalState(result);
}

export const createUserAction = authedAction({ roles: OFFICE, input: userCreateInput }, async (user, data) => {
  const result = await createUser(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath("/admin/org/users");
  return {
    ok: true,
    message: `已创建账号 ${data.username}。请把一次性密码交给本人，登录后须立即修改。`,
    data: { id: result.value.id, username: data.username, password: result.value.password },
  };
});

export const updateUserAction = authedAction({ roles: OFFICE, input: userUpdateInput }, async (user, data) => {
  const result = await updateUser(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/users/${data.id}`);
  return { ok: true, message: result.value.revoked ? "已保存。角色或单位已变，此人需重新登录，原有的登录和 API 令牌已失效。" : "已保存。" };
});

export const resetPasswordAction = authedAction({ roles: OFFICE, input: userIdInput }, async (user, data) => {
  const result = await resetUserPassword(db, user, data.id);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/users/${data.id}`);
  return {
    ok: true,
    message: "密码已重置，原有的登录和 API 令牌已失效。一次性密码只显示这一次：",
    data: { username: result.value.username, password: result.value.password },
  };
});

export const setUserActiveAction = authedAction({ roles: OFFICE, input: userActiveInput }, async (user, data) => {
  const result = await setUserActive(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/users/${data.id}`);
  return { ok: true, message: data.active ? "账号已启用。" : "账号已停用，它的登录和 API 令牌已立即失效。" };
});

export const createUnitAction = authedAction({ roles: OFFICE, input: unitCreateInput }, async (user, data) => {
  const result = await createUnit(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath("/admin/org/units");
  redirect(`/admin/org/units/${result.value.id}?notice=created`);
});

export const updateUnitAction = authedAction({ roles: OFFICE, input: unitUpdateInput }, async (user, data) => {
  const result = await updateUnit(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/units/${data.id}`);
  return { ok: true, message: "已保存。" };
});

export const retireUnitAction = authedAction({ roles: OFFICE, input: unitIdInput }, async (user, data) => {
  const result = await retireUnit(db, user, data.id);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/units/${data.id}`);
  return { ok: true, message: "单位已撤销。它的晒报、评分和红黄旗仍以原名称保留。" };
});

export const mergeUnitAction = authedAction({ roles: OFFICE, input: unitMergeInput }, async (user, data) => {
  const result = await mergeUnits(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/units/${data.id}`);
  const { tasks, orders, users } = result.value;
  return { ok: true, message: `已合并：${tasks} 项任务、${orders} 件未办结督办件和 ${users} 个账号转入新单位；原单位已撤销，历史记录以原名称保留。` };
});

export const changeScopeAction = authedAction({ roles: OFFICE, input: scopeChangeInput }, async (user, data) => {
  const result = await changeGroupScope(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/groups/${data.groupId}`);
  return {
    ok: true,
    message: data.change === "ADD" ? `已加入考核范围，自 ${data.effectiveDate} 起生效。` : `已移出考核范围，自 ${data.effectiveDate} 起生效。`,
  };
});

export const saveLineAction = authedAction({ roles: OFFICE, input: lineInput }, async (user, data) => {
  const result = await saveLine(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath("/admin/org/lines");
  if (!data.id) redirect(`/admin/org/lines/${result.value.id}`);
  return { ok: true, message: "已保存。" };
});

export const createKeyTaskAction = authedAction({ roles: OFFICE, input: keyTaskCreateInput }, async (user, data) => {
  const result = await createKeyTask(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath("/admin/org/key-tasks");
  return { ok: true, message: `已新建重点工作“${data.name}”（${result.value.code}）。` };
});

export const createGroupAction = authedAction({ roles: OFFICE, input: groupCreateInput }, async (user, data) => {
  const result = await createGroup(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath("/admin/org/groups");
  redirect(`/admin/org/groups/${result.value.id}`);
});

export const createChannelAction = authedAction({ roles: OFFICE, input: channelCreateInput }, async (user, data) => {
  const result = await createChannel(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath("/admin/org/channels");
  redirect(`/admin/org/channels/${result.value.id}`);
});

export const updateKeyTaskAction = authedAction({ roles: OFFICE, input: keyTaskInput }, async (user, data) => {
  const result = await updateKeyTask(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath("/admin/org/key-tasks");
  return { ok: true, message: "已保存。" };
});

export const setGroupMembersAction = authedAction({ roles: OFFICE, input: groupMembersInput }, async (user, data) => {
  const result = await setGroupMembers(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/groups/${data.id}`);
  return { ok: true, message: "考核组成员已保存。" };
});

export const saveRubricAction = authedAction({ roles: OFFICE, input: rubricInput }, async (user, data) => {
  const result = await saveRubric(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/groups/${data.groupId}`);
  return { ok: true, message: `${data.year} 年的考核细则已保存（${result.value.count} 项）。` };
});

export const setChannelMembersAction = authedAction({ roles: OFFICE, input: channelMembersInput }, async (user, data) => {
  const result = await setChannelMembers(db, user, data);
  if (!result.ok) return refused(result);
  revalidatePath(`/admin/org/channels/${data.id}`);
  return { ok: true, message: "工作群成员已保存。" };
});

/** An uploaded .xlsx of a bulk import, or the refusal to show. */
async function uploadedSheet(formData: FormData): Promise<Buffer | ActionState> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { message: "请选择要导入的 .xlsx 文件。", fieldErrors: { file: ["请选择文件"] } };
  if (file.size > 5 * 1024 * 1024) return { message: "文件太大（最大 5 MB）。", fieldErrors: { file: ["文件太大"] } };
  return Buffer.from(await file.arrayBuffer());
}

/** A refused import: its message and each row to fix with its number. */
function importRefused(outcome: ImportFailure): ActionState {
  const rows = outcome.rowErrors?.map((e) => `第 ${e.row} 行：${e.message}`).join("\n");
  return rows ? { message: outcome.message, data: { rowErrors: rows } } : { message: outcome.message };
}

/** Bulk creation from an .xlsx: all or nothing; the one-time passwords come back once. */
export const importUsersAction = authedAction({ roles: OFFICE, input: z.object({}) }, async (user, _data, formData) => {
  const file = await uploadedSheet(formData);
  if (!Buffer.isBuffer(file)) return file;
  const outcome = await importUsers(db, user, file);
  if (!outcome.ok) return importRefused(outcome);
  revalidatePath("/admin/org/users");
  return {
    ok: true,
    message: `已导入 ${outcome.created.length} 个账号。一次性密码只显示这一次，请分发给本人：`,
    data: { created: outcome.created.map((c) => `${c.username}\t${c.name}\t${c.password}`).join("\n") },
  };
});

/** Bulk creation of units from an .xlsx: all or nothing. */
export const importUnitsAction = authedAction({ roles: OFFICE, input: z.object({}) }, async (user, _data, formData) => {
  const file = await uploadedSheet(formData);
  if (!Buffer.isBuffer(file)) return file;
  const outcome = await importUnits(db, user, file);
  if (!outcome.ok) return importRefused(outcome);
  revalidatePath("/admin/org/units");
  return {
    ok: true,
    message: `已导入 ${outcome.created.length} 个单位。`,
    data: { created: outcome.created.map((c) => `${c.code}\t${c.name}`).join("\n") },
  };
});
