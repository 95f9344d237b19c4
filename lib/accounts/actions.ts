"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { authedAction, echoValues, type ActionState } from "@/lib/auth/action";
import { changeOwnPassword, createFirstAdmin as createAdmin } from "@/lib/accounts/writes";
import { refusalState } from "@/lib/write-result";
import { env } from "@/lib/env";
import { firstAdminInput, passwordChangeInput } from "@/lib/accounts/schemas";
import { fieldErrorsOf } from "@/lib/validation";

/** Changes the caller's password and ends every session and API token of theirs, this one included. */
export const changePassword = authedAction({ input: passwordChangeInput, passwordChange: true }, async (user, data) => {
  const outcome = await changeOwnPassword(db, user.id, data);
  if (outcome === "wrong-current-password") return { message: "当前密码不正确。", fieldErrors: { currentPassword: ["当前密码不正确"] } };
  redirect("/login?notice=changed");
});

/** Creates the first ADMIN of an empty database (never in demo mode, never twice). */
export async function createFirstAdmin(_previous: ActionState, formData: FormData): Promise<ActionState> {
  if (env().SHAITAI_DEMO) return { message: "演示模式下不能创建管理员。" };
  const parsed = firstAdminInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "请检查填写的内容。", fieldErrors: fieldErrorsOf(parsed.error), values: echoValues(formData) };
  const created = await createAdmin(db, parsed.data);
  if (!created.ok) return { ...refusalState(created), values: echoValues(formData) };
  redirect("/login?notice=created");
}
