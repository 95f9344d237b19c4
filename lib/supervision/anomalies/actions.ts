"use server";

/** The office reviews a flag (the write and its audit entry are in ./writes.ts). */
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { reviewAnomalyFlag } from "@/lib/supervision/anomalies/writes";
import { z } from "@/lib/validation";
import { refusalState } from "@/lib/write-result";

const reviewInput = z.object({
  anomalyId: z.string().min(1).max(40),
  decision: z.enum(["CONFIRMED", "DISMISSED"], { message: "请选择确认或排除" }),
});

export const reviewAnomaly = authedAction({ roles: ["ADMIN"], input: reviewInput }, async (user, data) => {
  const reviewed = await reviewAnomalyFlag(db, user, data);
  if (!reviewed.ok) return refusalState(reviewed);
  revalidatePath("/admin/anomalies");
  return { ok: true, message: data.decision === "CONFIRMED" ? "已确认。" : "已排除。" };
});
