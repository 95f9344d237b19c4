import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeBurden } from "@/lib/reports/burden";

test("minutes per day over the last 7 and 30 full days; days without reports count as zero", () => {
  const rows = [
    { unitId: "a", date: "2026-11-26", effortSeconds: 300 }, // yesterday
    { unitId: "a", date: "2026-11-26", effortSeconds: 120 },
    { unitId: "a", date: "2026-11-20", effortSeconds: 420 }, // 7th day back: in the week
    { unitId: "a", date: "2026-11-19", effortSeconds: 600 }, // 8th day back: month only
    { unitId: "a", date: "2026-10-27", effortSeconds: 999 }, // 31st day back: out
    { unitId: "a", date: "2026-11-27", effortSeconds: 240 }, // today: shown apart
    { unitId: "b", date: "2026-11-26", effortSeconds: null }, // not measured (an API client without startedAt)
  ];
  const { units, daily, from, to } = summarizeBurden(rows, ["a", "b"], "2026-11-27");
  const a = units.find((u) => u.unitId === "a")!;
  assert.equal(from, "2026-10-28");
  assert.equal(to, "2026-11-26");
  assert.equal(a.week, Math.round((840 / 60 / 7) * 10) / 10);
  assert.equal(a.month, Math.round((1440 / 60 / 30) * 10) / 10);
  assert.equal(a.maxDay, 10);
  assert.equal(a.today, 4);
  assert.deepEqual([a.measured, a.slots], [4, 4]);
  const b = units.find((u) => u.unitId === "b")!;
  assert.deepEqual([b.week, b.measured, b.slots], [0, 0, 1]);
  assert.equal(daily.length, 30);
  assert.deepEqual(daily.at(-1), { date: "2026-11-26", minutes: 3.5 });
});
