import assert from "node:assert/strict";
import { test } from "node:test";
import { currentSlot, DEFAULT_SLOT_DEADLINES, lastPassedSlot, slotDeadline, slotState } from "@/lib/reports/slots";

const d = DEFAULT_SLOT_DEADLINES;
const at = (iso: string) => new Date(iso);

test("slot deadlines are Shanghai wall-clock times", () => {
  assert.equal(slotDeadline("2026-11-27", "MORNING", d).toISOString(), "2026-11-27T01:30:00.000Z");
  assert.equal(slotDeadline("2026-11-27", "EVENING", d).toISOString(), "2026-11-27T13:00:00.000Z");
});

test("a slot submitted by its deadline is on time; after it, late", () => {
  assert.equal(slotState(at("2026-11-27T01:30:00Z"), "2026-11-27", "MORNING", d), "SUBMITTED");
  assert.equal(slotState(at("2026-11-27T01:30:01Z"), "2026-11-27", "MORNING", d), "LATE");
});

test("an empty slot is pending until its deadline, then missing", () => {
  assert.equal(slotState(null, "2026-11-27", "NOON", d, at("2026-11-27T05:29:00Z")), "PENDING");
  assert.equal(slotState(null, "2026-11-27", "NOON", d, at("2026-11-27T05:31:00Z")), "MISSING");
});

test("yesterday's evening is missing after midnight in Shanghai even while the UTC date is still yesterday", () => {
  // 2026-11-27 16:30 UTC = 2026-11-28 00:30 Shanghai.
  assert.equal(slotState(null, "2026-11-27", "EVENING", d, at("2026-11-27T16:30:00Z")), "MISSING");
  assert.equal(slotState(null, "2026-11-28", "MORNING", d, at("2026-11-27T16:30:00Z")), "PENDING");
});

test("the office can move deadlines", () => {
  const custom = { ...d, MORNING: "10:00" };
  assert.equal(slotState(at("2026-11-27T01:45:00Z"), "2026-11-27", "MORNING", custom), "SUBMITTED");
});

test("the current slot follows the deadlines", () => {
  assert.equal(currentSlot(d, at("2026-11-27T00:00:00Z")), "MORNING"); // 08:00
  assert.equal(currentSlot(d, at("2026-11-27T02:00:00Z")), "NOON"); // 10:00
  assert.equal(currentSlot(d, at("2026-11-27T06:00:00Z")), "EVENING"); // 14:00
  assert.equal(currentSlot(d, at("2026-11-27T14:00:00Z")), "EVENING"); // 22:00
});

test("just after midnight in Shanghai the current slot is the new day's morning, whatever the server's zone", () => {
  // 2026-11-27 16:30 UTC = 00:30 on the 28th in Shanghai = 08:30 on the 27th in Los Angeles (the tests' zone).
  assert.equal(currentSlot(d, at("2026-11-27T16:30:00Z")), "MORNING");
  // 23:59 in Shanghai: the evening, past its deadline (late but still today's).
  assert.equal(currentSlot(d, at("2026-11-27T15:59:00Z")), "EVENING");
  assert.equal(slotState(null, "2026-11-27", "EVENING", d, at("2026-11-27T15:59:00Z")), "MISSING");
});

test("the slot whose deadline passed most recently: none before 09:30, then the morning's, the noon's, the evening's", () => {
  assert.equal(lastPassedSlot(d, at("2026-11-27T01:00:00Z")), null); // 09:00
  assert.equal(lastPassedSlot(d, at("2026-11-27T01:30:00Z")), null); // 09:30, the deadline itself
  assert.equal(lastPassedSlot(d, at("2026-11-27T03:00:00Z")), "MORNING"); // 11:00
  assert.equal(lastPassedSlot(d, at("2026-11-27T05:50:00Z")), "NOON"); // 13:50: not the evening, due 21:00
  assert.equal(lastPassedSlot(d, at("2026-11-27T12:59:00Z")), "NOON"); // 20:59
  assert.equal(lastPassedSlot(d, at("2026-11-27T15:59:00Z")), "EVENING"); // 23:59
  // 00:30 in Shanghai is a new day: nothing has passed yet, whatever the server's zone.
  assert.equal(lastPassedSlot(d, at("2026-11-27T16:30:00Z")), null);
});
