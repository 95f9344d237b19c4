/**
 * Keeps a checked slot's reversal equal to its checks' results, in the
 * caller's transaction: called when a check is recorded or re-recorded (the
 * report path does the same through lib/reports/task-progress.ts). Idempotent:
 * a second call with nothing changed writes nothing. The rules are in
 * ./reversal-plan.ts.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { moveTaskProgress } from "@/lib/reports/task-progress";
import { planSlotReversal, type ReversalMove } from "@/lib/supervision/spot-checks/reversal-plan";

export async function syncSlotReversal(tx: Prisma.TransactionClient, slotId: string, context: { actorId: string | null; now: Date }): Promise<ReversalMove[]> {
  const plan = await planSlotReversal(tx, slotId);
  if (!plan || plan.moves.length === 0) return [];
  await moveTaskProgress(
    tx,
    plan.moves.map((m) => ({ taskId: m.taskId, delta: m.amount, source: "REVERSAL", spotCheckId: m.spotCheckId })),
    { slotId, cardDate: plan.claims.cardDate, ...context },
  );
  return plan.moves;
}
