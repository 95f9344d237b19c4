import assert from "node:assert/strict";
import { test } from "node:test";
import { answeredInTime, daysLeft, isOverdue, nextFeedbackDate, orderColour, type OrderFacts } from "@/lib/supervision/order-status";
import { districtInstant } from "@/lib/time";

// The suite runs with the server in America/Los_Angeles: every boundary below is Shanghai's.
const at = (date: string, hhmm: string) => districtInstant(date, hhmm);

/** Issued on the 10th at 10:00, due on the 22nd at 18:00 (Shanghai). */
const order = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  status: "OPEN",
  createdAt: at("2026-11-10", "10:00"),
  deadline: at("2026-11-22", "18:00"),
  responses: [],
  ...over,
});

test("blue from the third-to-last day at Shanghai midnight, not before", () => {
  const o = order({ createdAt: at("2026-11-19", "10:00") });
  assert.equal(orderColour(o, at("2026-11-19", "23:59")), "ON_TRACK");
  assert.equal(daysLeft(o, at("2026-11-19", "23:59")), 3);
  assert.equal(orderColour(o, at("2026-11-20", "00:01")), "BLUE");
  assert.equal(daysLeft(o, at("2026-11-20", "00:01")), 2);
});

test("red one minute after the deadline, and it counts as overdue", () => {
  const o = order({ createdAt: at("2026-11-21", "09:00") });
  assert.equal(orderColour(o, at("2026-11-22", "17:59")), "YELLOW", "past half its time, not yet overdue");
  assert.equal(isOverdue(o, at("2026-11-22", "18:00")), false, "at the deadline it is still on time");
  assert.equal(orderColour(o, at("2026-11-22", "18:01")), "RED");
  assert.equal(isOverdue(o, at("2026-11-22", "18:01")), true);
});

test("yellow once half the time has gone without an answer, or when returned", () => {
  // Half of 10th 10:00 → 22nd 18:00 is the 16th at 14:00.
  assert.equal(orderColour(order(), at("2026-11-16", "13:59")), "ON_TRACK");
  assert.equal(orderColour(order(), at("2026-11-16", "14:01")), "YELLOW");
  const returned = order({ status: "RETURNED", responses: [{ createdAt: at("2026-11-12", "09:00"), decision: "RETURNED" }] });
  assert.equal(orderColour(returned, at("2026-11-13", "09:00")), "YELLOW");
  assert.equal(orderColour(returned, at("2026-11-23", "09:00")), "RED", "a returned answer is no answer");
});

test("an answer in time waits for the issuer and never turns red; acceptance closes the order", () => {
  const responded = order({ status: "RESPONDED", responses: [{ createdAt: at("2026-11-22", "17:00"), decision: null }] });
  assert.equal(orderColour(responded, at("2026-11-25", "09:00")), "WAITING");
  assert.equal(isOverdue(responded, at("2026-11-25", "09:00")), false);
  const accepted = order({ status: "ACCEPTED", responses: [{ createdAt: at("2026-11-20", "09:00"), decision: "ACCEPTED" }] });
  assert.equal(orderColour(accepted, at("2026-12-25", "09:00")), "CLOSED");
  assert.equal(answeredInTime(accepted), true);
});

test("a late answer stays overdue, even once accepted", () => {
  const late = order({ status: "ACCEPTED", responses: [{ createdAt: at("2026-11-23", "09:00"), decision: "ACCEPTED" }] });
  assert.equal(orderColour(late, at("2026-11-24", "09:00")), "CLOSED");
  assert.equal(isOverdue(late, at("2026-11-24", "09:00")), true);
  const lateWaiting = order({ status: "RESPONDED", responses: [{ createdAt: at("2026-11-23", "09:00"), decision: null }] });
  assert.equal(orderColour(lateWaiting, at("2026-11-24", "09:00")), "RED");
});

test("a feedback rhythm turns the order yellow the day before a 反馈 is due, until it is given", () => {
  const o = order({
    status: "SIGNED",
    createdAt: at("2026-11-01", "10:00"),
    deadline: at("2026-12-30", "18:00"),
    signedAt: at("2026-11-02", "09:00"),
    feedbackEveryDays: 7,
  });
  assert.equal(nextFeedbackDate(o), "2026-11-09");
  assert.equal(orderColour(o, at("2026-11-07", "23:59")), "ON_TRACK");
  assert.equal(orderColour(o, at("2026-11-08", "00:01")), "YELLOW");
  assert.equal(orderColour(o, at("2026-11-10", "12:00")), "YELLOW", "past due");
  const fed = { ...o, lastFeedbackAt: at("2026-11-10", "12:30") };
  assert.equal(nextFeedbackDate(fed), "2026-11-17");
  assert.equal(orderColour(fed, at("2026-11-10", "13:00")), "ON_TRACK");
  assert.equal(nextFeedbackDate({ ...o, status: "RESPONDED" }), null, "no rhythm while awaiting review");
});
