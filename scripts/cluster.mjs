// The production server on every core: Node's cluster module runs one
// `next start` per worker, all listening on PORT (the primary hands out
// connections round-robin). Correct because every piece of shared state lives
// in the database — sessions, idempotency keys, the anomaly checks still owed,
// the board's versioned caches — exactly as with several app servers behind a
// proxy (README, "Throughput"). WEB_CONCURRENCY sets the number of workers
// (default: the cores available; 1 = a single `next start` without cluster).
import cluster from "node:cluster";
import { createRequire } from "node:module";
import os from "node:os";

const port = process.env.PORT || "3000";
const requested = Number(process.env.WEB_CONCURRENCY || os.availableParallelism());
const workers = Number.isInteger(requested) && requested > 0 ? requested : 1;
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

let stopping = false;
cluster.setupPrimary({ exec: nextBin, args: ["start", "-p", port] });
for (let i = 0; i < workers; i++) cluster.fork();
console.log(`Shaitai: ${workers} worker${workers > 1 ? "s" : ""} on port ${port}`);

cluster.on("exit", (worker, code, signal) => {
  if (stopping) {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    return;
  }
  // A worker that died (out of memory, a crash) is replaced; requests it was
  // serving fail as a dropped connection would, and every write is one
  // transaction, so nothing half-written remains.
  console.error(`Shaitai: worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
  cluster.fork();
});

for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
