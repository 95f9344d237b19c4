"use server";

/** Marking notices read: only the recipient's own (the where clause holds the session's user). */
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/audit";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { markRead } from "@/lib/notifications/notices";
import { z } from "@/lib/validation";

const markReadInput = z.object({ id: z.string().trim().min(1).max(64).optional() });

export const markNotificationsRead = authedAction({ input: markReadInput }, async (user, data) => {
  const count = await db.$transaction(async (tx) => {
    const changed = await markRead(tx, user.id, data.id, new Date());
    await audit(tx, { actorId: user.id, action: "notification.read", entity: "Notification", entityId: data.id ?? null, after: { count: changed } });
    return changed;
  });
  revalidatePath("/notifications");
  return { ok: true, message: count > 0 ? `已标为已读 ${count} 条。` : "没有未读通知。" };
});
