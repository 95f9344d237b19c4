/**
 * nextNumber on a real database (SQLite, and PostgreSQL under
 * TEST_DATABASE=postgres): consecutive, never duplicated under concurrency —
 * in one process and across two processes on one database.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { nextNumber } from "@/lib/counters";
import { testDbForFile } from "@/lib/testing/file-db";
import { runWorkers } from "@/lib/testing/workers";

const t = testDbForFile();

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const sorted = (numbers: number[]) => [...numbers].sort((a, b) => a - b);

test("a new key starts at 1 and counts up; keys are independent", async () => {
  assert.deepEqual([await nextNumber(t.db, "seq:a"), await nextNumber(t.db, "seq:a"), await nextNumber(t.db, "seq:a")], [1, 2, 3]);
  assert.equal(await nextNumber(t.db, "seq:b"), 1);
  assert.equal((await t.db.counter.findUnique({ where: { key: "seq:a" } }))?.value, 3);
});

test("continues from an existing counter (the seed's last bulletin number)", async () => {
  await t.db.counter.create({ data: { key: "bulletin:2031", value: 41 } });
  assert.equal(await t.db.$transaction((tx) => nextNumber(tx, "bulletin:2031")), 42);
});

test("20 concurrent transactions get 1…20, each once", async () => {
  const numbers = await Promise.all(range(20).map(() => t.db.$transaction((tx) => nextNumber(tx, "seq:parallel"))));
  assert.deepEqual(sorted(numbers), range(20));
});

test("a second transaction waits for the first to end and takes the next number", async () => {
  const events: string[] = [];
  const first = t.db.$transaction(async (tx) => {
    const n = await nextNumber(tx, "seq:held");
    events.push(`first took ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    events.push("first commits");
    return n;
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const second = t.db.$transaction(async (tx) => {
    const n = await nextNumber(tx, "seq:held");
    events.push(`second took ${n}`);
    return n;
  });
  assert.deepEqual(await Promise.all([first, second]), [1, 2]);
  assert.deepEqual(events, ["first took 1", "first commits", "second took 2"]);
});

test("a rolled-back transaction gives its number back", async () => {
  await nextNumber(t.db, "seq:rollback");
  await assert.rejects(
    t.db.$transaction(async (tx) => {
      assert.equal(await nextNumber(tx, "seq:rollback"), 2);
      throw new Error("publishing failed");
    }),
    /publishing failed/,
  );
  assert.equal(await nextNumber(t.db, "seq:rollback"), 2);
});

test("two processes on one database (two app servers) get consecutive numbers, none twice", async () => {
  const [a, b] = await runWorkers<number[]>(t.url, [
    ["counter", "seq:servers", "15"],
    ["counter", "seq:servers", "15"],
  ]);
  assert.equal(a.length, 15);
  assert.equal(b.length, 15);
  assert.deepEqual(sorted([...a, ...b]), range(30));
});
