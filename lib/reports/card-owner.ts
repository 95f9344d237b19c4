/**
 * Who owns a card: a unit, or a district leader (分线作战, their own card).
 * Exactly one of `unitId` and `leaderId` is set; lib/reports/submit.ts, the
 * one writer, takes the owner from the account. Every reader of units' cards
 * (scoring, ranking, the board, reminders, spot checks, bulletins, anomaly
 * checks) selects them with `UNIT_CARD`, so a leader's card never reaches it;
 * `unitIdOf`/`unitOf` narrow the type where a unit's card is certain and fail
 * loudly if that promise is ever broken.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** The cards of units (not leaders): the filter of every unit-only reader. */
export const UNIT_CARD = { unitId: { not: null } } as const satisfies Prisma.ReportCardWhereInput;

/** The cards of district leaders. */
export const LEADER_CARD = { leaderId: { not: null } } as const satisfies Prisma.ReportCardWhereInput;

function leaderCardHere(): never {
  throw new Error("A leader's card reached a reader of units' cards; select cards with UNIT_CARD.");
}

export function unitIdOf(card: { unitId: string | null }): string {
  return card.unitId ?? leaderCardHere();
}

export function unitOf<U>(card: { unit: U | null }): U {
  return card.unit ?? leaderCardHere();
}
