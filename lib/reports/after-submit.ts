/**
 * What runs after a slot is saved and committed: the supervision office's
 * anomaly checks (recycled photos, copied text, EXIF time, location — issue 5).
 * It runs outside the submission's transaction, so a failing check can never
 * undo or fail a report that was shown; a flag is for a human, never a penalty.
 */
import type { Db } from "@/lib/db-client";
import type { PhotoStorage } from "@/lib/storage/index";
import { runAnomalyChecksFor } from "@/lib/supervision/anomalies/run";

/** The checks of one slot, awaited; `now` is the submission's time, `storage` where its photos are (default: PHOTO_DIR). */
export async function afterSlotSubmitted(db: Db, slotId: string, now = new Date(), storage?: PhotoStorage): Promise<void> {
  await checkSlots(db, [slotId], now, storage);
}

/**
 * Runs the checks and clears the slots' PendingCheck rows — only those
 * written before the run began: a correction saved meanwhile stays owed.
 */
export async function checkSlots(db: Db, slotIds: string[], now = new Date(), storage?: PhotoStorage): Promise<void> {
  await runAnomalyChecksFor(db, slotIds, { storage });
  await db.pendingCheck.deleteMany({ where: { slotId: { in: slotIds }, createdAt: { lte: now } } });
}

/** How old an owed check must be before the sweep takes it: younger ones are still in a live queue. */
export const SWEEP_AFTER_MS = 2 * 60_000;

/**
 * Queues the checks a stopped server left owed (PendingCheck rows older than
 * SWEEP_AFTER_MS); resolves when they have run. Every server sweeps on its
 * first submission and every few minutes after (queueSlotChecks); two sweeping
 * the same slot only repeat an idempotent check. Returns how many it queued.
 */
export async function sweepPendingChecks(db: Db, now = new Date()): Promise<number> {
  const owed = await db.pendingCheck.findMany({
    where: { createdAt: { lt: new Date(now.getTime() - SWEEP_AFTER_MS) } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { slotId: true },
  });
  await Promise.all(owed.map((p) => queueSlotChecks(db, p.slotId)));
  return owed.length;
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
  let state = queues.get(db);
  if (!state) {
    state = { add: createBatchQueue((batch) => checkSlots(db, batch), { pauseMs: 2000 }), sweptAt: 0 };
    queues.set(db, state);
  }
  // The first submission a server sees, and one every few minutes after, also
  // picks up what a stopped server left owed.
  const now = Date.now();
  if (now - state.sweptAt > SWEEP_EVERY_MS) {
    state.sweptAt = now;
    void sweepPendingChecks(db).catch((error: unknown) => console.error("sweeping owed anomaly checks failed", error));
  }
  return state.add(slotId);
}

const SWEEP_EVERY_MS = 5 * 60_000;
const queues = new WeakMap<Db, { add: (id: string) => Promise<void>; sweptAt: number }>();

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
