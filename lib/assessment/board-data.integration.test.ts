/**
 * The board's SQL aggregate on a real migrated database (SQLite, and
 * PostgreSQL under npm run test:postgres): the counts behind each heat-map
 * square. (Progress per key task: summarizeProgress in lib/tasks/status.test.ts.)
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { countSlotsByUnitDay } from "@/lib/assessment/board-data";
import { classifyDay } from "@/lib/assessment/heatmap";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";
import { districtInstant } from "@/lib/time";

let t: TestDb;
const ids: Record<string, string> = {};

before(async () => {
  t = await createTestDb();
  const db = t.db;
  for (const [i, name] of ["甲镇", "乙镇"].entries()) {
    ids[name] = (await db.unit.create({ data: { code: `T${i + 1}`, name, kind: "TOWN", sortOrder: i + 1 } })).id;
  }
  const author = await db.user.create({ data: { username: "head", name: "负责人", passwordHash: "x", role: "UNIT_HEAD", unitId: ids["甲镇"] } });
  const card = async (unit: string, date: string, slots: { slot: "MORNING" | "NOON" | "EVENING"; late?: boolean }[]) => {
    const c = await db.reportCard.create({ data: { unitId: ids[unit], date } });
    for (const s of slots) {
      await db.reportSlot.create({
        data: { cardId: c.id, slot: s.slot, authorId: author.id, submittedAt: districtInstant(date, "09:00"), late: s.late ?? false },
      });
    }
  };
  // 甲 reports all three on the 2nd and late once on the 3rd; 乙 only a morning on the 2nd, and an empty card on the 4th.
  await card("甲镇", "2026-11-02", [{ slot: "MORNING" }, { slot: "NOON" }, { slot: "EVENING" }]);
  await card("甲镇", "2026-11-03", [{ slot: "MORNING", late: true }, { slot: "NOON" }, { slot: "EVENING", late: true }]);
  await card("乙镇", "2026-11-02", [{ slot: "MORNING" }]);
  await card("乙镇", "2026-11-04", []);
  await card("甲镇", "2026-10-30", [{ slot: "MORNING" }]); // before the window
});
after(() => t.cleanup());

test("counts slots shown and shown late per unit and day, inside the window only", async () => {
  const { byUnitDay, reportingDays } = await countSlotsByUnitDay(t.db, "2026-11-01", "2026-11-05");
  assert.deepEqual(byUnitDay.get(`${ids["甲镇"]}|2026-11-02`), { shown: 3, late: 0 });
  assert.deepEqual(byUnitDay.get(`${ids["甲镇"]}|2026-11-03`), { shown: 3, late: 2 });
  assert.deepEqual(byUnitDay.get(`${ids["乙镇"]}|2026-11-02`), { shown: 1, late: 0 });
  assert.deepEqual(byUnitDay.get(`${ids["乙镇"]}|2026-11-04`), { shown: 0, late: 0 });
  assert.equal(byUnitDay.get(`${ids["甲镇"]}|2026-10-30`), undefined);
  assert.deepEqual([...reportingDays].sort(), ["2026-11-02", "2026-11-03", "2026-11-04"]);
  // What the squares then say.
  const cell = (unit: string, date: string) => classifyDay(byUnitDay.get(`${ids[unit]}|${date}`) ?? { shown: 0, late: 0 }, reportingDays.has(date));
  assert.deepEqual(
    ["2026-11-02", "2026-11-03", "2026-11-05"].map((d) => cell("甲镇", d)),
    ["ON_TIME", "LATE", "NONE"],
  );
  assert.deepEqual(
    ["2026-11-02", "2026-11-03", "2026-11-04"].map((d) => cell("乙镇", d)),
    ["MISSING", "MISSING", "MISSING"],
  );
});
