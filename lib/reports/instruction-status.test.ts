import assert from "node:assert/strict";
import { test } from "node:test";
import { instructionState, isInstructionOverdue } from "@/lib/reports/instruction-status";

const at = new Date("2026-11-30T02:00:00Z");

test("a 批示 waits for the unit, then for the leader, then is closed; 追问 (answeredAt cleared) puts it back with the unit", () => {
  assert.equal(instructionState({ answeredAt: null, closedAt: null, deadline: null }), "WAITING");
  assert.equal(instructionState({ answeredAt: at, closedAt: null, deadline: null }), "ANSWERED");
  assert.equal(instructionState({ answeredAt: at, closedAt: at, deadline: null }), "CLOSED");
  // Closed by its 督办件's 办结 without an answer of its own.
  assert.equal(instructionState({ answeredAt: null, closedAt: at, deadline: null }), "CLOSED");
});

test("overdue once the deadline's day has passed and the 批示 is not closed, answered or not; never without a deadline", () => {
  const open = { answeredAt: null, closedAt: null };
  assert.equal(isInstructionOverdue({ ...open, deadline: "2026-11-30" }, "2026-11-30"), false, "due today is not overdue");
  assert.equal(isInstructionOverdue({ ...open, deadline: "2026-11-29" }, "2026-11-30"), true);
  assert.equal(isInstructionOverdue({ answeredAt: at, closedAt: null, deadline: "2026-11-29" }, "2026-11-30"), true, "answered but not accepted");
  assert.equal(isInstructionOverdue({ answeredAt: at, closedAt: at, deadline: "2026-11-29" }, "2026-11-30"), false);
  assert.equal(isInstructionOverdue({ ...open, deadline: null }, "2026-11-30"), false);
});
