import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The tasks a district leader's own card (分线作战) may point at: those of the
 * lines and key tasks they lead, and those they are the responsible leader
 * of. One home for the submission's check and the card form's picker.
 */
export function leaderTaskWhere(leaderId: string) {
  return {
    archivedAt: null,
    OR: [{ line: { leaderId } }, { responsibleLeaderId: leaderId }, { keyTask: { line: { leaderId } } }],
  } satisfies Prisma.TaskWhereInput;
}
