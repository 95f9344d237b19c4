/** The slot deadlines read from the settings rows: stored values win, malformed ones fall back to the defaults. SQLite and PostgreSQL. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { readSlotDeadlines } from "@/lib/reports/deadline-settings";
import { DEFAULT_SLOT_DEADLINES, SLOT_SETTING_KEYS } from "@/lib/reports/slots";
import { type TestDb, createTestDb } from "@/lib/testing/test-db";

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(() => t.cleanup());

test("no rows: the defaults", async () => {
  assert.deepEqual(await readSlotDeadlines(t.db), DEFAULT_SLOT_DEADLINES);
});

test("a stored HH:mm replaces its slot's default; a malformed value is ignored", async () => {
  await t.db.setting.createMany({
    data: [
      { key: SLOT_SETTING_KEYS.MORNING, value: "08:45" },
      { key: SLOT_SETTING_KEYS.EVENING, value: "25:00" },
    ],
  });
  assert.deepEqual(await readSlotDeadlines(t.db), { ...DEFAULT_SLOT_DEADLINES, MORNING: "08:45" });
  assert.notEqual(DEFAULT_SLOT_DEADLINES.MORNING, "08:45");
});
