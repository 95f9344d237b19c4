"use server";

/**
 * Writes around the cards: leaders' instructions (批示), the units' answers,
 * their closing (采纳办结) or 追问, and reminders (催报). The factory checks the session, role and input; the
 * unit scope is in the queries of lib/reports/follow-up.ts.
 */
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { UNIT_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { closeInstruction, reaskInstruction, recordInstruction, recordInstructionAnswer, recordReminders } from "@/lib/reports/follow-up";
import { messageState } from "@/lib/write-result";
import { instructionAnswerInput, instructionCloseInput, instructionInput, instructionReaskInput, reminderInput } from "@/lib/reports/schemas";

export const createInstruction = authedAction({ roles: ["LEADER"], input: instructionInput }, async (user, data) => {
  const result = await recordInstruction(db, user, data);
  revalidatePath("/feed");
  return messageState(result);
});

// The leader who wrote the 批示, or the office; the write checks which 批示 (lib/reports/follow-up.ts).
// No revalidation either: the confirmation stays on the 批示 (revalidating would take a closed one off the open list at once).
export const acceptInstruction = authedAction({ roles: ["LEADER", "ADMIN"], input: instructionCloseInput }, async (user, data) =>
  messageState(await closeInstruction(db, user, data)),
);

export const askInstructionAgain = authedAction({ roles: ["LEADER", "ADMIN"], input: instructionReaskInput }, async (user, data) =>
  messageState(await reaskInstruction(db, user, data)),
);

// No revalidation: the answer's confirmation stays on screen; the list is fresh on the next visit (every page here is dynamic).
export const answerInstruction = authedAction({ roles: UNIT_ROLES, input: instructionAnswerInput }, async (user, data) =>
  messageState(await recordInstructionAnswer(db, user, data)),
);

export const remindUnits = authedAction({ roles: ["ADMIN", "UNIT_HEAD"], input: reminderInput }, async (user, data) => {
  const result = await recordReminders(db, user, data);
  revalidatePath("/admin/reminders");
  revalidatePath("/unit");
  return messageState(result);
});
