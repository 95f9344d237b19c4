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
 * The same checks, batched per process: a slot waits a moment, and the slots
 * submitted meanwhile are checked together, loading the window's reports once
 * (about 0.8 s of the server's single thread on a district's year; 20 slots
 * take 1.05 s, 1 slot 0.9 s — bench/report-load.ts) instead of once per slot.
 * Around a deadline, when most units report within minutes, the pause between
 * batches is what keeps the server answering them. A flag is a sign for the
 * office to read later, so seconds of delay cost nothing. Checks are
 * idempotent, so several servers may share slots.
 */
export function queueSlotChecks(db: Db, slotId: string): Promise<void> {
  let queue = queues.get(db);
  if (!queue) {
    queue = createBatchQueue((batch) => runAnomalyChecksFor(db, batch), { pauseMs: 2000 });
    queues.set(db, queue);
  }
  return queue(slotId);
}

const queues = new WeakMap<Db, (id: string) => Promise<void>>();

/**
 * A queue that runs `run` on one batch at a time, each after a pause of
 * `pauseMs`: the ids added until then form the batch (at most `maxBatch`).
 * The promise returned for an id settles once the queue is empty again; a
 * failed batch is logged, not thrown.
 */
export function createBatchQueue(run: (batch: string[]) => Promise<unknown>, { maxBatch = 200, pauseMs = 0 } = {}): (id: string) => Promise<void> {
  const pending = new Set<string>();
  let running: Promise<void> | null = null;
  const drain = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      while (pending.size > 0) {
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
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
