/**
 * The district-year volume's scores (issue 11): departments separate — no tie
 * at 100 among more than two of them, the top three not settled by a tie —
 * and the offices that run the assessment are listed, never ranked. Seeded
 * with the volume's full year of task lists (~44 tasks per unit, monthly
 * breakdowns), progress history, group scores and Q1–Q3 closed through
 * closeQuarter, but three weeks of 一日三晒 instead of a year
 * (SeedOptions.volumeHistoryDays): reports weigh nothing in the default rules,
 * so the scores are the full volume's, in a fraction of its time. The clock
 * is pinned to 20 December of last year, so three quarters are always closed.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { districtInstant, districtToday } from "@/lib/time";
import { HISTORY_DAYS, seed } from "./seed";
import { EXCLUDED_UNITS } from "./seed/assessment";

const year = Number(districtToday().slice(0, 4)) - 1;
const now = districtInstant(`${year}-12-20`, "15:00");

let t: TestDb;
const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-seed-volume-photos-"));

before(async () => {
  t = await createTestDb();
  await seed(t.db, { now, photoDir, volume: "district-year", volumeHistoryDays: HISTORY_DAYS });
});

after(async () => {
  await t?.cleanup();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

test("the volume holds the district's year: ~44 tasks per unit, Q1–Q3 closed for all 113 units", async () => {
  assert.ok((await t.db.task.count({ where: { year } })) >= 113 * 44, "the monthly breakdowns are there");
  const closed = await t.db.quarter.findMany({ where: { year, status: "CLOSED" }, orderBy: { number: "asc" } });
  assert.deepEqual(
    closed.map((q) => q.number),
    [1, 2, 3],
  );
  for (const q of closed) assert.equal(await t.db.quarterScore.count({ where: { quarterId: q.id, version: q.version } }), 113);
});

test("departments separate: no tie at 100 among more than 2 of them, the top three not shared by more than 4; the offices that run the assessment are not ranked", async () => {
  const closed = await t.db.quarter.findMany({ where: { year, status: "CLOSED" } });
  const excluded = await t.db.unit.findMany({ where: { name: { in: EXCLUDED_UNITS } }, select: { id: true } });
  assert.equal(excluded.length, 3);
  for (const q of closed) {
    const rows = await t.db.quarterScore.findMany({
      where: { quarterId: q.id, version: q.version, kind: "DEPARTMENT" },
      select: { unitId: true, total: true, rank: true },
    });
    const ranked = rows.filter((r) => r.rank > 0);
    assert.ok(ranked.length >= 90, `Q${q.number}: only ${ranked.length} departments ranked`);
    const atHundred = ranked.filter((r) => r.total === 100).length;
    assert.ok(atHundred <= 2, `Q${q.number}: ${atHundred} departments at 100`);
    // Nor a plateau above it (a 加减分 on top of full marks).
    const totals = new Map<number, number>();
    for (const r of ranked) if (r.total >= 100) totals.set(r.total, (totals.get(r.total) ?? 0) + 1);
    assert.ok(
      [...totals.values()].every((n) => n <= 2),
      `Q${q.number}: more than 2 departments share a total of 100 or more`,
    );
    const top = ranked.filter((r) => r.rank <= 3);
    assert.ok(top.length <= 4, `Q${q.number}: ${top.length} departments share the top three places`);
    for (const e of excluded) {
      const row = rows.find((r) => r.unitId === e.id);
      assert.ok(row, `Q${q.number}: an excluded office is listed`);
      assert.equal(row.rank, 0, `Q${q.number}: an excluded office is ranked`);
    }
    assert.equal(
      await t.db.flag.count({ where: { quarterId: q.id, unitId: { in: excluded.map((e) => e.id) } } }),
      0,
      `Q${q.number}: an excluded office holds a flag`,
    );
  }
});
