import { test } from "node:test";
import assert from "node:assert/strict";
import { cn } from "./cn";

test("cn skips empty parts", () => {
  assert.equal(cn("a", false, null, undefined, "", "b"), "a b");
});

test("a caller's class overrides the primitive's class for the same property", () => {
  // Th's own spacing and a caller's override: only the override is left.
  assert.equal(cn("px-3 py-2 font-medium", "px-1"), "py-2 font-medium px-1");
  assert.equal(cn("bg-stone-100 text-stone-700", "bg-transparent"), "text-stone-700 bg-transparent");
  assert.equal(cn("text-left", "text-right"), "text-right");
});

test("classes of different properties, variants and arbitrary variants are all kept", () => {
  assert.equal(cn("px-3", "sm:px-1", "[&_td]:px-0"), "px-3 sm:px-1 [&_td]:px-0");
  assert.equal(cn("w-full", "sm:min-w-(--table-min-width)"), "w-full sm:min-w-(--table-min-width)");
});
