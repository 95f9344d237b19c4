"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { authedAction } from "@/lib/auth/action";
import { clearLoginFailures } from "@/lib/accounts/writes";
import { loginUnlockInput } from "@/lib/accounts/schemas";

/** The office lifts the login limit from an account or a source (/admin/security/logins). */
export const unlockLogin = authedAction({ roles: ["ADMIN"], input: loginUnlockInput }, async (user, data) => {
  const target = data.kind === "account" ? { username: data.value } : { ip: data.value };
  const cleared = await clearLoginFailures(db, user.id, target);
  revalidatePath("/admin/security/logins");
  return cleared > 0 ? { ok: true, message: "已解除限制。" } : { ok: true, message: "该限制已过期，无需解除。" };
});
