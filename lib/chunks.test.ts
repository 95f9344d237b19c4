import assert from "node:assert/strict";
import { test } from "node:test";
import { chunks } from "@/lib/chunks";

test("chunks: consecutive runs of at most `size`, nothing lost, none empty", () => {
  assert.deepEqual(chunks([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(chunks([], 2), []);
  const many = Array.from({ length: 1201 }, (_, i) => i);
  const parts = chunks(many);
  assert.deepEqual(
    parts.map((p) => p.length),
    [500, 500, 201],
  );
  assert.deepEqual(parts.flat(), many);
});
