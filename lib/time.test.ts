import assert from "node:assert/strict";
import { test } from "node:test";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import {
  DISTRICT_TZ,
  addDays,
  daysBetween,
  districtInstant,
  districtToday,
  formatDistrictDateLong,
  formatDistrictDateTime,
  isDistrictDate,
  isNearDistrictDate,
  quarterOf,
  quarterRange,
} from "@/lib/time";

// These run with TZ=America/Los_Angeles (package.json): a server far from
// Shanghai makes any use of the server's own zone fail here.

test("today is the Shanghai date, not the server's", () => {
  // 2026-11-26 17:00 UTC is already 2026-11-27 01:00 in Shanghai.
  assert.equal(districtToday(new Date("2026-11-26T17:00:00Z")), "2026-11-27");
  // 15:59 UTC is 23:59 in Shanghai, still the 26th.
  assert.equal(districtToday(new Date("2026-11-26T15:59:00Z")), "2026-11-26");
});

test("a wall-clock time on a district date is the right instant", () => {
  assert.equal(districtInstant("2026-11-27", "09:30").toISOString(), "2026-11-27T01:30:00.000Z");
  assert.equal(districtInstant("2026-01-01").toISOString(), "2025-12-31T16:00:00.000Z");
  assert.equal(formatDistrictDateTime(new Date("2026-11-27T13:00:00Z")), "2026-11-27 21:00");
});

test("date arithmetic crosses months and years", () => {
  assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(addDays("2026-03-01", -1), "2026-02-28");
  assert.equal(daysBetween("2026-11-27", "2026-12-01"), 4);
  assert.equal(daysBetween("2026-12-01", "2026-11-27"), -4);
});

test("quarters", () => {
  assert.deepEqual(quarterOf("2026-03-31"), { year: 2026, number: 1 });
  assert.deepEqual(quarterOf("2026-04-01"), { year: 2026, number: 2 });
  assert.deepEqual(quarterOf("2026-12-31"), { year: 2026, number: 4 });
  assert.deepEqual(quarterRange({ year: 2026, number: 1 }), { start: "2026-01-01", end: "2026-03-31" });
  assert.deepEqual(quarterRange({ year: 2026, number: 4 }), { start: "2026-10-01", end: "2026-12-31" });
});

test("validates calendar dates", () => {
  assert.equal(isDistrictDate("2026-02-28"), true);
  assert.equal(isDistrictDate("2026-02-30"), false);
  assert.equal(isDistrictDate("2026-2-3"), false);
  assert.equal(isDistrictDate("today"), false);
});

test("long date names the Shanghai weekday", () => {
  assert.equal(formatDistrictDateLong("2026-11-27"), "11月27日 星期五");
  assert.equal(formatDistrictDateLong("2026-11-29"), "11月29日 星期日");
});

test("a near date is within last year and next year, in district time", () => {
  const now = new Date("2026-11-30T02:00:00Z");
  assert.equal(isNearDistrictDate("2026-11-30", now), true);
  assert.equal(isNearDistrictDate("2025-01-01", now), true);
  assert.equal(isNearDistrictDate("2027-12-31", now), true);
  assert.equal(isNearDistrictDate("2024-12-31", now), false);
  assert.equal(isNearDistrictDate("9999-12-31", now), false);
  assert.equal(isNearDistrictDate("2026-02-30", now), false);
});

test("remembered answers are the library's answers, across midnights and in any order", () => {
  // Instants every 7 min 13 s over three days, twice (the second pass is all
  // remembered), against date-fns/tz computed afresh.
  for (let pass = 0; pass < 2; pass++) {
    for (let ms = Date.UTC(2026, 2, 30, 14); ms < Date.UTC(2026, 3, 2, 18); ms += 433_000) {
      const expected = format(new TZDate(ms, DISTRICT_TZ), "yyyy-MM-dd");
      assert.equal(districtToday(new Date(ms)), expected, new Date(ms).toISOString());
    }
  }
  for (const [date, hhmm] of [
    ["2026-04-01", "00:00"],
    ["2026-04-01", "23:59"],
    ["2026-12-31", "21:00"],
    ["2026-04-01", "00:00"],
  ] as const) {
    const [y, m, d] = date.split("-").map(Number);
    const [hh, mm] = hhmm.split(":").map(Number);
    assert.equal(districtInstant(date, hhmm).getTime(), new TZDate(y, m - 1, d, hh, mm, 0, DISTRICT_TZ).getTime());
  }
  // A returned Date is the caller's to change: changing it changes no later answer.
  districtInstant("2026-05-01", "08:00").setTime(0);
  assert.equal(districtInstant("2026-05-01", "08:00").toISOString(), "2026-05-01T00:00:00.000Z");
});
