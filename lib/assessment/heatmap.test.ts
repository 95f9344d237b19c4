import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyDay } from "@/lib/assessment/heatmap";

const onTime = { late: false };
const late = { late: true };

test("three slots on time, one late, one missing, and a day nobody reported", () => {
  assert.equal(classifyDay([onTime, onTime, onTime], true), "ON_TIME");
  assert.equal(classifyDay([onTime, late, onTime], true), "LATE");
  assert.equal(classifyDay([onTime, late], true), "MISSING");
  assert.equal(classifyDay([], true), "MISSING");
  assert.equal(classifyDay([], false), "NONE");
});
