"use server";

/** The office reviews a flag: confirmed (worth acting on) or dismissed. Never a penalty by itself. */
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/audit";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { z } from "@/lib/validation";

const reviewInput = z.object({
  anomalyId: z.string().min(1).max(40),
  decision: z.enum(["CONFIRMED", "DISMISSED"], { message: "请选择确认或排除" }),
});

export const reviewAnomaly = authedAction({ roles: ["ADMIN"], input: reviewInput }, async (user, data) => {
  const now = new Date();
  const done = await db.$transaction(async (tx) => {
    const changed = await tx.anomaly.updateMany({
      where: { id: data.anomalyId, status: "OPEN" },
      data: { status: data.decision, reviewedById: user.id, reviewedAt: now },
    });
    if (changed.count !== 1) return false;
    await audit(tx, {
      actorId: user.id,
      action: "anomaly.review",
      entity: "Anomaly",
      entityId: data.anomalyId,
      before: { status: "OPEN" },
      after: { status: data.decision, reviewedAt: now },
    });
    return true;
  });
  if (!done) return { message: "这条线索已经处理过了。" };
  revalidatePath("/admin/anomalies");
  return { ok: true, message: data.decision === "CONFIRMED" ? "已确认。" : "已排除。" };
});
