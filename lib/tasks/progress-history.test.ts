import assert from "node:assert/strict";
import { test } from "node:test";
import { dailyValues, progressSourceLabel, valueAsOf, valueSeries, type HistoryEvent } from "@/lib/tasks/progress-history";

let nextId = 1;
const ev = (date: string, delta: number, at = `${date}T10:00:00Z`): HistoryEvent => ({ id: nextId++, date, at: new Date(at), delta });

test("the value on a day is the sum of the changes dated on or before it", () => {
  const events = [ev("2026-03-01", 20), ev("2026-05-10", 30), ev("2026-08-02", 50)];
  assert.equal(valueAsOf(events, 100, "2026-02-28").value, 0);
  assert.equal(valueAsOf(events, 100, "2026-03-01").value, 20);
  assert.equal(valueAsOf(events, 100, "2026-06-30").value, 50);
  assert.equal(valueAsOf(events, 100, "2026-12-31").value, 100);
});

test("the day the target was reached, and null before it", () => {
  const events = [ev("2026-03-01", 60), ev("2026-07-15", 40), ev("2026-09-01", 5)];
  assert.deepEqual(valueAsOf(events, 100, "2026-06-30"), { value: 60, reachedOn: null });
  assert.deepEqual(valueAsOf(events, 100, "2026-07-15"), { value: 100, reachedOn: "2026-07-15" });
  // Going past the target later does not move the day it was reached.
  assert.deepEqual(valueAsOf(events, 100, "2026-12-31"), { value: 105, reachedOn: "2026-07-15" });
});

test("a reversal dated to the false claim's day counts from that day, though recorded later", () => {
  // +100 claimed on 9 Sep (reaching the target), +10 on 20 Sep; the claim is found false on 5 Oct and taken back, dated 9 Sep.
  const events = [ev("2026-09-09", 100, "2026-09-09T12:00:00Z"), ev("2026-09-20", 10, "2026-09-20T12:00:00Z"), ev("2026-09-09", -100, "2026-10-05T02:00:00Z")];
  assert.deepEqual(valueAsOf(events, 100, "2026-09-30"), { value: 10, reachedOn: null });
  assert.deepEqual(dailyValues(events), [
    { date: "2026-09-09", value: 0 },
    { date: "2026-09-20", value: 10 },
  ]);
});

test("a value that fell below the target and reached it again counts from the second time", () => {
  const events = [ev("2026-04-01", 100), ev("2026-05-01", -30), ev("2026-06-01", 30)];
  assert.equal(valueAsOf(events, 100, "2026-04-30").reachedOn, "2026-04-01");
  assert.equal(valueAsOf(events, 100, "2026-05-31").reachedOn, null);
  assert.equal(valueAsOf(events, 100, "2026-06-30").reachedOn, "2026-06-01");
});

test("changes within one day count by their end of day; the value never goes below 0", () => {
  const events = [ev("2026-04-01", 100, "2026-04-01T01:00:00Z"), ev("2026-04-01", -100, "2026-04-01T02:00:00Z"), ev("2026-04-02", -5)];
  assert.deepEqual(valueAsOf(events, 100, "2026-04-01"), { value: 0, reachedOn: null });
  assert.equal(valueAsOf(events, 100, "2026-04-02").value, 0);
});

test("a target of 0 is never reached", () => {
  assert.deepEqual(valueAsOf([ev("2026-04-01", 3)], 0, "2026-12-31"), { value: 3, reachedOn: null });
});

test("the chart's series starts at 0 on the task's start and ends with today's value", () => {
  const events = [ev("2026-03-01", 20), ev("2026-05-10", 30)];
  assert.deepEqual(valueSeries(events, "2026-01-05", "2026-11-30"), [
    { date: "2026-01-05", value: 0 },
    { date: "2026-03-01", value: 20 },
    { date: "2026-05-10", value: 50 },
    { date: "2026-11-30", value: 50 },
  ]);
  assert.deepEqual(valueSeries([], "2026-01-05", "2026-11-30"), [
    { date: "2026-01-05", value: 0 },
    { date: "2026-11-30", value: 0 },
  ]);
});

test("a reversal that gives back reads as such", () => {
  assert.equal(progressSourceLabel("REVERSAL", -10, -10), "抽查核减");
  assert.equal(progressSourceLabel("REVERSAL", 0, -10), "抽查核减");
  assert.equal(progressSourceLabel("REVERSAL", 10, 10), "抽查改判恢复");
  assert.equal(progressSourceLabel("REPORT", 10), "晚晒填报");
});
