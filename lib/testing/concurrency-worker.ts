/**
 * A second (third…) process for the concurrency tests: what another app server
 * would do against the same database. Connects, prints "ready", waits for a
 * line on stdin (workers.ts releases all at once), runs the job and prints its
 * results as JSON.
 *
 *   tsx lib/testing/concurrency-worker.ts <url> counter <key> <count>
 *   tsx lib/testing/concurrency-worker.ts <url> idempotent <key> <userId>
 */
import { once } from "node:events";
import { nextNumber } from "@/lib/counters";
import { createClient } from "@/lib/db-client";
import { withIdempotencyKey } from "@/lib/idempotency";

async function main([url, job, key, arg]: string[]): Promise<unknown> {
  const db = createClient(url);
  try {
    await db.counter.count(); // connect before the start line
    process.stdout.write("ready\n");
    await once(process.stdin, "data");
    if (job === "counter") {
      return await Promise.all(Array.from({ length: Number(arg) }, () => db.$transaction((tx) => nextNumber(tx, key), { maxWait: 20_000, timeout: 20_000 })));
    }
    if (job === "idempotent") {
      return await Promise.all(
        Array.from({ length: 3 }, () =>
          withIdempotencyKey(db, { key, userId: arg, scope: "test:worker" }, async (tx) => ({ number: await nextNumber(tx, `idem:${key}`), pid: process.pid })),
        ),
      );
    }
    throw new Error(`unknown job ${job}`);
  } finally {
    await db.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
