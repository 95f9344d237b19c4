/**
 * What runs after a slot is saved and committed: the supervision office's
 * anomaly checks (recycled photos, copied text, EXIF time, location — issue 5).
 * It runs outside the submission's transaction, so a failing check can never
 * undo or fail a report that was shown; a flag is for a human, never a penalty.
 */
import type { Db } from "@/lib/db-client";
import { runAnomalyChecks } from "@/lib/supervision/anomalies/run";

export async function afterSlotSubmitted(db: Db, slotId: string): Promise<void> {
  await runAnomalyChecks(db, slotId);
}
