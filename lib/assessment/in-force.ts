/**
 * Which group scores, 加减分 and vetoes are in force. None of them is changed
 * in place once it counts: a withdrawal or a correction is a new version that
 * points at the one it replaces (`previousId`, unique, so two corrections of
 * the same version cannot both succeed). The one in force is the latest of its
 * chain (no `next`), not withdrawn — and, for a group score, submitted.
 *
 * One home for that rule: the score's inputs (inputs.ts), the board and the
 * assessor's pages all filter with these clauses. Not server-only (the seed
 * and the benchmarks close quarters too).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** A group's submitted score that counts (drafts and withdrawn or replaced versions never do). */
export const groupScoreInForce = { status: "SUBMITTED", withdrawn: false, next: { is: null } } satisfies Prisma.GroupScoreWhereInput;

/** A 加减分 that counts. */
export const adjustmentInForce = { withdrawn: false, next: { is: null } } satisfies Prisma.ScoreAdjustmentWhereInput;

/** A 一票否决 that counts. */
export const vetoInForce = { withdrawn: false, next: { is: null } } satisfies Prisma.UnitVetoWhereInput;

/** The latest version of a group's score of a unit (draft, submitted or withdrawn): the one a new version follows. */
export const latestGroupScore = { next: { is: null } } satisfies Prisma.GroupScoreWhereInput;

/** The same rule over rows already read (with `next` selected): the latest of its chain, not withdrawn. */
export function isInForce(row: { next: unknown; withdrawn: boolean }): boolean {
  return !row.next && !row.withdrawn;
}
