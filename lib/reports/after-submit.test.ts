import assert from "node:assert/strict";
import { test } from "node:test";
import { createBatchQueue } from "@/lib/reports/after-submit";

/** A runner whose batches finish only when the test says so. */
function gatedRunner() {
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  const run = (batch: string[]) => {
    batches.push(batch);
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const release = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()!();
  };
  return { run, batches, release };
}

test("ids queued while a batch runs are run together in the next batch, each once", async () => {
  const { run, batches, release } = gatedRunner();
  const queue = createBatchQueue(run);
  const first = queue("a");
  const more = [queue("b"), queue("c"), queue("b")];
  await release();
  await release();
  await Promise.all([first, ...more]);
  assert.deepEqual(batches, [["a"], ["b", "c"]]);
});

test("a batch is at most maxBatch ids; the rest follow", async () => {
  const { run, batches, release } = gatedRunner();
  const queue = createBatchQueue(run, { maxBatch: 2 });
  const all = ["a", "b", "c", "d"].map(queue);
  for (let i = 0; i < 3; i++) await release();
  await Promise.all(all);
  assert.deepEqual(batches, [["a"], ["b", "c"], ["d"]]);
});

test("with a pause, the ids that arrive during it are one batch", async () => {
  const batches: string[][] = [];
  const queue = createBatchQueue(async (batch) => void batches.push(batch), { pauseMs: 30 });
  const first = queue("a");
  await new Promise((r) => setTimeout(r, 5));
  const second = queue("b");
  await Promise.all([first, second]);
  assert.deepEqual(batches, [["a", "b"]]);
});

test("a failing batch is logged and the queue goes on", async () => {
  const seen: string[][] = [];
  const errors: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    const queue = createBatchQueue(async (batch) => {
      seen.push(batch);
      if (batch.includes("bad")) throw new Error("boom");
    });
    await queue("bad");
    await queue("good");
  } finally {
    console.error = original;
  }
  assert.deepEqual(seen, [["bad"], ["good"]]);
  assert.equal(errors.length, 1);
});
