"use server";

/**
 * Server actions of 督办件: authedAction (session, role, zod) wired to the
 * writes in writes.ts (scope in the query, the state machine, one
 * transaction with the audit entry). Photos of a 办结申请 are stored before
 * the write and discarded if it fails.
 */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { issueOrderInput, orderStepInput } from "@/lib/supervision/orders/schemas";
import { applyOrderStep, issueOrder as writeIssueOrder } from "@/lib/supervision/orders/writes";
import { writeWithPhotos } from "@/lib/supervision/photo-uploads";
import { refusalState } from "@/lib/write-result";

// coUnitIds come one per checked box: zod reads them from getAll, not from Object.fromEntries.
const issueInput = issueOrderInput.omit({ coUnitIds: true });

export const issueOrder = authedAction({ roles: ["ADMIN", "LEADER", "ASSESSOR"], input: issueInput }, async (user, data, formData) => {
  const coUnitIds = issueOrderInput.shape.coUnitIds.safeParse(formData.getAll("coUnitIds").filter((v) => typeof v === "string" && v !== ""));
  if (!coUnitIds.success) return { message: "配合单位有误。", fieldErrors: { coUnitIds: ["请重新选择配合单位"] } };
  const result = await writeIssueOrder(db, user, { ...data, coUnitIds: coUnitIds.data });
  if (!result.ok) return refusalState(result);
  redirect(`/orders/${result.value}`);
});

export const orderStep = authedAction({ input: orderStepInput }, async (user, data, formData) => {
  const result = await writeWithPhotos(formData, "photos", (photos) => applyOrderStep(db, user, data, photos));
  if (!result.ok) return refusalState(result);
  revalidatePath(`/orders/${data.orderId}`);
  return { ok: true, message: result.value };
});
