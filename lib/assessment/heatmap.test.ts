import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyDay } from "@/lib/assessment/heatmap";

test("three slots on time, one late, one missing, and a day nobody reported", () => {
  assert.equal(classifyDay({ shown: 3, late: 0 }, true), "ON_TIME");
  assert.equal(classifyDay({ shown: 3, late: 1 }, true), "LATE");
  assert.equal(classifyDay({ shown: 2, late: 1 }, true), "MISSING");
  assert.equal(classifyDay({ shown: 0, late: 0 }, true), "MISSING");
  assert.equal(classifyDay({ shown: 0, late: 0 }, false), "NONE");
});
