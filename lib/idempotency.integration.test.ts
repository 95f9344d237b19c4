/**
 * withIdempotencyKey on a real database: a retry gets the first response and
 * the work runs once — in one process and across two processes (servers).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { nextNumber } from "@/lib/counters";
import { IdempotencyKeyReusedError, requestFingerprint, withIdempotencyKey } from "@/lib/idempotency";
import { testDbForFile } from "@/lib/testing/file-db";
import { runWorkers } from "@/lib/testing/workers";

const t = testDbForFile();

/** The "work": takes a number from a counter, so we can count how often it ran. */
const submit = (counterKey: string) => async (tx: Parameters<Parameters<typeof withIdempotencyKey>[2]>[0]) => ({
  number: await nextNumber(tx, counterKey),
});

const counterValue = async (key: string) => (await t.db.counter.findUnique({ where: { key } }))?.value ?? 0;

test("a retry with the same key returns the first response without running again", async () => {
  const input = { key: "k-retry", userId: "u1", scope: "report:submit" };
  const first = await withIdempotencyKey(t.db, input, submit("work:retry"));
  const second = await withIdempotencyKey(t.db, input, submit("work:retry"));
  assert.deepEqual(first, { result: { number: 1 }, replayed: false });
  assert.deepEqual(second, { result: { number: 1 }, replayed: true });
  assert.equal(await counterValue("work:retry"), 1);
});

test("the same key from another user or for another operation is a different request", async () => {
  const a = await withIdempotencyKey(t.db, { key: "shared", userId: "u1", scope: "report:submit" }, submit("work:scoped"));
  const b = await withIdempotencyKey(t.db, { key: "shared", userId: "u2", scope: "report:submit" }, submit("work:scoped"));
  const c = await withIdempotencyKey(t.db, { key: "shared", userId: "u1", scope: "order:respond" }, submit("work:scoped"));
  assert.deepEqual(
    [a, b, c].map((r) => [r.result.number, r.replayed]),
    [
      [1, false],
      [2, false],
      [3, false],
    ],
  );
});

test("keys expire after the retention: each new key purges the expired ones, younger ones still answer", async () => {
  const day = 86_400_000;
  const start = new Date("2026-11-01T02:00:00Z");
  const old = { key: "k-old", userId: "u9", scope: "report:submit" };
  const recent = { key: "k-recent", userId: "u9", scope: "report:submit" };
  await withIdempotencyKey(t.db, old, submit("work:expiry"), start);
  await withIdempotencyKey(t.db, recent, submit("work:expiry"), new Date(start.getTime() + 3 * day));
  // Eight days after the first: the first key is gone, the second (five days old) is kept.
  await withIdempotencyKey(t.db, { key: "k-new", userId: "u9", scope: "report:submit" }, submit("work:expiry"), new Date(start.getTime() + 8 * day));
  const kept = await t.db.idempotencyKey.findMany({ where: { userId: "u9" }, select: { key: true } });
  assert.deepEqual(kept.map((k) => k.key).sort(), ["report:submit:u9:k-new", "report:submit:u9:k-recent"]);
  assert.deepEqual(await withIdempotencyKey(t.db, recent, submit("work:expiry")), { result: { number: 2 }, replayed: true });
});

test("a failed run keeps nothing: the retry runs", async () => {
  const input = { key: "k-fail", userId: "u1", scope: "report:submit" };
  await assert.rejects(
    withIdempotencyKey(t.db, input, async (tx) => {
      await nextNumber(tx, "work:fail");
      throw new Error("照片无法识别");
    }),
    /照片无法识别/,
  );
  assert.equal(await t.db.idempotencyKey.count({ where: { userId: "u1", key: { contains: "k-fail" } } }), 0);
  const retry = await withIdempotencyKey(t.db, input, submit("work:fail"));
  assert.deepEqual(retry, { result: { number: 1 }, replayed: false });
});

test("five concurrent requests with one key: the work runs once, all get its response", async () => {
  const input = { key: "k-burst", userId: "u1", scope: "report:submit" };
  const results = await Promise.all(Array.from({ length: 5 }, () => withIdempotencyKey(t.db, input, submit("work:burst"))));
  assert.equal(await counterValue("work:burst"), 1);
  for (const r of results) assert.deepEqual(r.result, { number: 1 });
  assert.equal(results.filter((r) => !r.replayed).length, 1);
});

test("two processes (two app servers) with one key: the work runs once", async () => {
  type Result = { result: { number: number; pid: number }; replayed: boolean };
  const [a, b] = await runWorkers<Result[]>(t.url, [
    ["idempotent", "k-servers", "u9"],
    ["idempotent", "k-servers", "u9"],
  ]);
  const all = [...a, ...b];
  assert.equal(await counterValue("idem:k-servers"), 1);
  assert.equal(all.filter((r) => !r.replayed).length, 1);
  for (const r of all) assert.deepEqual(r.result, all[0].result);
});

test("a key is for one request: the same key with another fingerprint is refused, not answered", async () => {
  const input = { key: "k-fp", userId: "u1", scope: "report:submit", fingerprint: requestFingerprint([{ a: 1, b: [2, 3] }]) };
  await withIdempotencyKey(t.db, input, submit("work:fp"));
  // Key order does not matter; the content does.
  const same = await withIdempotencyKey(t.db, { ...input, fingerprint: requestFingerprint([{ b: [2, 3], a: 1 }]) }, submit("work:fp"));
  assert.equal(same.replayed, true);
  await assert.rejects(
    withIdempotencyKey(t.db, { ...input, fingerprint: requestFingerprint([{ a: 1, b: [2, 4] }]) }, submit("work:fp")),
    IdempotencyKeyReusedError,
  );
  await assert.rejects(
    withIdempotencyKey(t.db, { ...input, fingerprint: requestFingerprint([{ a: 1, b: [2, 3] }, Buffer.from("photo")]) }, submit("work:fp")),
    IdempotencyKeyReusedError,
  );
  assert.equal(await counterValue("work:fp"), 1);
});
