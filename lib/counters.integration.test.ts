import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { nextNumber } from "@/lib/counters";
import { IdempotencyConflictError, withIdempotencyKey } from "@/lib/idempotency";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(() => t.cleanup());

test("numbers are consecutive per key, even when taken at once", async () => {
  const taken = await Promise.all(Array.from({ length: 10 }, () => t.db.$transaction((tx) => nextNumber(tx, "bulletin:2026"))));
  assert.deepEqual([...taken].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(await t.db.$transaction((tx) => nextNumber(tx, "bulletin:2027")), 1);
});

test("a number taken in a rolled-back transaction is not used up", async () => {
  await assert.rejects(
    t.db.$transaction(async (tx) => {
      await nextNumber(tx, "gapless");
      throw new Error("publish failed");
    }),
  );
  assert.equal(await t.db.$transaction((tx) => nextNumber(tx, "gapless")), 1);
});

test("the same idempotency key does the work once and replays the answer", async () => {
  const user = await t.db.user.create({ data: { username: "u", name: "u", role: "ADMIN", passwordHash: "x" } });
  let runs = 0;
  const work = async () => {
    runs += 1;
    return { saved: runs };
  };
  const first = await withIdempotencyKey(t.db, { key: "k1", userId: user.id, scope: "slot" }, work);
  const second = await withIdempotencyKey(t.db, { key: "k1", userId: user.id, scope: "slot" }, work);
  assert.deepEqual(first, { result: { saved: 1 }, replayed: false });
  assert.deepEqual(second, { result: { saved: 1 }, replayed: true });
  assert.equal(runs, 1);
  await assert.rejects(withIdempotencyKey(t.db, { key: "k1", userId: "someone-else", scope: "slot" }, work), IdempotencyConflictError);
});

test("a failed attempt leaves the key free for the retry", async () => {
  const user = await t.db.user.create({ data: { username: "v", name: "v", role: "ADMIN", passwordHash: "x" } });
  await assert.rejects(
    withIdempotencyKey(t.db, { key: "k2", userId: user.id, scope: "slot" }, async () => {
      throw new Error("upload failed");
    }),
  );
  const retry = await withIdempotencyKey(t.db, { key: "k2", userId: user.id, scope: "slot" }, async () => "ok");
  assert.deepEqual(retry, { result: "ok", replayed: false });
});
