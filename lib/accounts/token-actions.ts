"use server";

/** API tokens from the account page: created (shown once) and revoked by their owner only. */
import { revalidatePath } from "next/cache";
import { apiTokenCreateInput, apiTokenRevokeInput } from "@/lib/accounts/schemas";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { audit } from "@/lib/audit";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";

const MAX_LIVE_TOKENS = 10;

export const createToken = authedAction({ input: apiTokenCreateInput }, async (user, data) => {
  const live = await db.apiToken.count({ where: { userId: user.id, revokedAt: null } });
  if (live >= MAX_LIVE_TOKENS) return { message: `每个账号最多 ${MAX_LIVE_TOKENS} 个有效令牌，请先吊销不用的。` };
  const { id, token } = await createApiToken(db, user.id, data.name);
  await audit(db, { actorId: user.id, action: "api-token.create", entity: "ApiToken", entityId: id, after: { name: data.name } });
  revalidatePath("/account");
  return { ok: true, message: "令牌已创建。它只显示这一次，请现在复制保存。", data: { token } };
});

export const revokeToken = authedAction({ input: apiTokenRevokeInput }, async (user, data) => {
  // The owner is in the query: another user's token id revokes nothing.
  if (!(await revokeApiToken(db, user.id, data.id))) return { message: "没有找到这个有效令牌。" };
  await audit(db, { actorId: user.id, action: "api-token.revoke", entity: "ApiToken", entityId: data.id });
  revalidatePath("/account");
  return { ok: true, message: "令牌已吊销，使用它的请求将被拒绝。" };
});
