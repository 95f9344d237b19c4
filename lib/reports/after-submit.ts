/**
 * What runs after a slot is saved and committed: the supervision office's
 * anomaly checks (recycled photos, copied text, EXIF time, location — issue 5).
 * It runs outside the submission's transaction, so a failing check can never
 * undo or fail a report that was shown; a flag is for a human, never a penalty.
 */
import type { Db } from "@/lib/db-client";
import { runAnomalyChecks, runAnomalyChecksFor } from "@/lib/supervision/anomalies/run";

export async function afterSlotSubmitted(db: Db, slotId: string): Promise<void> {
  await runAnomalyChecks(db, slotId);
}

/**
 * The same checks, batched per process: slots submitted while a check is
 * running wait and are then checked together, loading the window's reports
 * once (about 0.8 s on a district's year) instead of once per slot. Around a
 * deadline, when most units report within minutes, that is what keeps the
 * server answering. Checks are idempotent, so several servers may share slots.
 */
export function queueSlotChecks(db: Db, slotId: string): Promise<void> {
  let queue = queues.get(db);
  if (!queue) {
    queue = createBatchQueue((batch) => runAnomalyChecksFor(db, batch));
    queues.set(db, queue);
  }
  return queue(slotId);
}

const queues = new WeakMap<Db, (id: string) => Promise<void>>();

/**
 * A queue that runs `run` on one batch at a time: ids added while a batch runs
 * form the next batch (at most `maxBatch`). The promise returned for an id
 * settles once the queue is empty again; a failed batch is logged, not thrown.
 */
export function createBatchQueue(run: (batch: string[]) => Promise<unknown>, maxBatch = 200): (id: string) => Promise<void> {
  const pending = new Set<string>();
  let running: Promise<void> | null = null;
  const drain = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      while (pending.size > 0) {
        const batch = [...pending].slice(0, maxBatch);
        for (const id of batch) pending.delete(id);
        try {
          await run(batch);
        } catch (error) {
          console.error(`checks of ${batch.length} slot(s) failed`, error);
        }
      }
    })().finally(() => {
      running = null;
      // An id queued between the loop's last look and here still gets its run.
      if (pending.size > 0) void drain();
    });
    return running;
  };
  return (id) => {
    pending.add(id);
    return drain();
  };
}
