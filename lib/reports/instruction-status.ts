/**
 * Where a leader's 批示 stands (pure, safe in client components).
 *
 * - WAITING (待回复): the unit has not answered, or the leader asked again (追问).
 * - ANSWERED (待确认): the unit answered; the leader who wrote it (or the office)
 *   accepts it (采纳办结, closedAt) or asks again.
 * - CLOSED (已办结): accepted, or its 督办件 was closed (办结).
 *
 * Overdue (逾期): a deadline (a district date, Asia/Shanghai) whose day has
 * passed while the 批示 is not closed — answered or not, since only the
 * leader's acceptance closes it.
 */
import type { DistrictDate } from "@/lib/time";

export type InstructionState = "WAITING" | "ANSWERED" | "CLOSED";

export type InstructionFacts = { answeredAt: Date | null; closedAt: Date | null; deadline: string | null };

export const INSTRUCTION_STATE_LABELS: Record<InstructionState, string> = { WAITING: "待回复", ANSWERED: "已回复，待确认", CLOSED: "已办结" };

/** Badge tones as elsewhere in the app: red only for overdue, amber while the unit owes an answer, blue while it waits on the leader, green when closed. */
export const INSTRUCTION_STATE_TONES = { WAITING: "warn", ANSWERED: "info", CLOSED: "good" } as const satisfies Record<InstructionState, string>;

export function instructionState(i: InstructionFacts): InstructionState {
  if (i.closedAt) return "CLOSED";
  return i.answeredAt ? "ANSWERED" : "WAITING";
}

/** Past its deadline's day and not closed. */
export function isInstructionOverdue(i: InstructionFacts, today: DistrictDate): boolean {
  return i.closedAt === null && i.deadline !== null && i.deadline < today;
}
