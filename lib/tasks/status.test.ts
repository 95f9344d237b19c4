import assert from "node:assert/strict";
import { test } from "node:test";
import { deriveStatus, progressRatio } from "@/lib/tasks/status";

const today = "2026-11-27";

test("done when the target is reached, whatever the deadline", () => {
  assert.equal(deriveStatus({ target: 120, valueReached: 120, deadline: "2026-01-01" }, today), "DONE");
  assert.equal(deriveStatus({ target: 3, valueReached: 4, deadline: "2026-12-31" }, today), "DONE");
});

test("a deadline of today is not yet overdue; yesterday's is", () => {
  assert.equal(deriveStatus({ target: 10, valueReached: 2, deadline: today }, today), "IN_PROGRESS");
  assert.equal(deriveStatus({ target: 10, valueReached: 2, deadline: "2026-11-26" }, today), "OVERDUE");
  assert.equal(deriveStatus({ target: 10, valueReached: 0, deadline: "2026-11-26" }, today), "OVERDUE");
});

test("not started until some progress is reported", () => {
  assert.equal(deriveStatus({ target: 10, valueReached: 0, deadline: "2026-12-31" }, today), "NOT_STARTED");
});

test("progress ratio is clamped and safe for a zero target", () => {
  assert.equal(progressRatio({ target: 4, valueReached: 1 }), 0.25);
  assert.equal(progressRatio({ target: 4, valueReached: 9 }), 1);
  assert.equal(progressRatio({ target: 0, valueReached: 9 }), 0);
});
