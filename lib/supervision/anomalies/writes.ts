/**
 * The office's review of an anomaly flag: confirmed (worth acting on) or
 * dismissed — never a penalty by itself. Takes the database as an argument
 * (no server-only import), so the integration tests drive the same code the
 * server action (./actions.ts) does.
 */
import { audit } from "@/lib/audit";
import type { Db } from "@/lib/db-client";
import { refuse, succeed, type WriteResult } from "@/lib/write-result";

export type ReviewDecision = "CONFIRMED" | "DISMISSED";

/** One transaction: the flag's status (only while it is open) and its audit entry. */
export async function reviewAnomalyFlag(
  client: Db,
  user: { id: string },
  input: { anomalyId: string; decision: ReviewDecision },
  now = new Date(),
): Promise<WriteResult> {
  return client.$transaction(async (tx) => {
    const changed = await tx.anomaly.updateMany({
      where: { id: input.anomalyId, status: "OPEN" },
      data: { status: input.decision, reviewedById: user.id, reviewedAt: now },
    });
    if (changed.count !== 1) return refuse("这条线索已经处理过了。", { status: 409 });
    await audit(tx, {
      actorId: user.id,
      action: "anomaly.review",
      entity: "Anomaly",
      entityId: input.anomalyId,
      before: { status: "OPEN" },
      after: { status: input.decision, reviewedAt: now },
    });
    return succeed();
  });
}
