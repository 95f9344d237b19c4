import { after } from "next/server";
import { ApiError, apiRoute } from "@/lib/api/handler";
import { readSlotSubmission } from "@/lib/api/submission";
import { ReportError } from "@/lib/reports/submit";
import { submitOwnSlot } from "@/lib/reports/writes";

/** Files a slot of the caller's own card: their unit's, or a district leader's own (the owner comes from the account). */
export const POST = apiRoute<{ date: string; slot: string }>({ roles: ["UNIT_HEAD", "REPORTER", "LEADER"] }, async ({ user, request, params }) => {
  const { input, photos } = await readSlotSubmission(request);
  try {
    const result = await submitOwnSlot({
      user,
      date: params.date,
      slot: params.slot,
      input,
      photos,
      idempotencyKey: request.headers.get("idempotency-key"),
      defer: after,
    });
    return Response.json(result.slot, { status: 201, headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined });
  } catch (error) {
    if (error instanceof ReportError) throw new ApiError(error.status, error.code, error.message, error.issues);
    throw error;
  }
});
