/**
 * The copied-text index (issue 18, item 4) against the linear scan it
 * replaces, on a seeded set of reports: for every slot, the index finds
 * exactly the matches the scan finds (the same originals, versions and
 * similarities), while reading fewer texts. Also: the data migration indexes
 * texts saved before the index, and a copy sent through the submission path
 * is flagged (the index is written in the saving transaction).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { DATA_MIGRATIONS } from "@/lib/data-migrations";
import { submitSlot } from "@/lib/reports/submit";
import { LocalDirStorage } from "@/lib/storage";
import { ANY_TEXT, copiedTextByIndex, copiedTextByScan, type TextLookup } from "@/lib/supervision/anomalies/text-index";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { addDays, districtInstant } from "@/lib/time";
import { TOPICS, copyWithEdits, writeNarrative } from "@/prisma/seed/narratives";
import { rngFor } from "@/prisma/seed/rng";
import { FREE_ITEMS, NOON_GENERIC } from "@/prisma/seed/task-templates";

let t: TestDb;
let photoDir: string;
const UNITS = ["界河店乡", "正西乡", "甲镇", "乙镇", "丙镇", "丁镇", "戊镇", "己镇"];
const PLACES = ["兴业路", "东街村", "西环路", "南关", "弘济桥", "北关村", "前进街", "开发区"];
const FIRST = "2026-10-20";
const DAYS = 20;
type Row = { slotId: string; cardId: string; unitId: string; date: string; text: string };
const rows: Row[] = [];
const unitIds: string[] = [];
let authorId = "";

before(async () => {
  t = await createTestDb();
  photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-text-index-"));
  const db = t.db;
  for (const [i, name] of UNITS.entries()) unitIds.push((await db.unit.create({ data: { code: `13040840${i}`, name, kind: "TOWN" } })).id);
  authorId = (await db.user.create({ data: { username: "rep", name: "信息员", role: "REPORTER", passwordHash: "x", unitId: unitIds[0] } })).id;
  const rng = rngFor("text-index-test");
  const written: { unit: number; text: string }[] = [];
  // Written directly (as the seed does), so only the data migration indexes them.
  for (let day = 0; day < DAYS; day++) {
    const date = addDays(FIRST, day);
    for (const [u, unitId] of unitIds.entries()) {
      const card = await db.reportCard.create({ data: { unitId, date } });
      const items = rng.sample(FREE_ITEMS.TOWN, 2);
      for (const [n, text] of items.entries()) await db.reportItem.create({ data: { cardId: card.id, addedIn: "MORNING", text, sortOrder: n } });
      const context = { topic: TOPICS[(u + day) % TOPICS.length], place: PLACES[u] };
      let text: string;
      const earlier = written.filter((w) => w.unit !== u);
      if (day > 3 && rng.chance(0.15) && earlier.length > 0) {
        // A copy of another unit's report: names swapped, a number changed, perhaps a sentence moved.
        const source = rng.pick(earlier);
        text = copyWithEdits(
          rng,
          source.text,
          rng.chance(0.5) ? "light" : "medium",
          { from: [UNITS[source.unit], PLACES[source.unit]], to: [UNITS[u], PLACES[u]] },
          context,
        );
      } else if (rng.chance(0.3)) {
        // Stock phrasing and the card's item titles, as many units write.
        text = `${items.join("，")}：${rng.pick(NOON_GENERIC).replace("{pct}", `${rng.int(3, 9)}0%`)}。`;
      } else text = `${UNITS[u]}${writeNarrative(rng, context)}`;
      written.push({ unit: u, text });
      const slot = await db.reportSlot.create({ data: { cardId: card.id, slot: "NOON", authorId, text, submittedAt: districtInstant(date, "12:00") } });
      rows.push({ slotId: slot.id, cardId: card.id, unitId, date, text });
    }
  }
  // A unit repeating itself a day later (its own report again), and a version history: a text rewritten by an edit.
  const last = rows[rows.length - 1];
  const empty = { items: "[]", photoIds: "[]", addedPhotoIds: "[]", removedPhotoIds: "[]" };
  await db.reportVersion.create({
    data: {
      slotId: last.slotId,
      number: 1,
      kind: "SUBMIT",
      authorId,
      text: rows[rows.length - 9].text,
      createdAt: districtInstant(last.date, "12:00"),
      ...empty,
    },
  });
  await db.reportVersion.create({
    data: { slotId: last.slotId, number: 2, kind: "EDIT", authorId, text: last.text, createdAt: districtInstant(last.date, "13:00"), ...empty },
  });
});

after(async () => {
  await t.cleanup();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

const found = (lookup: TextLookup) =>
  lookup.check?.matches.map((m) => ({
    slot: m.relatedSlotId,
    version: m.version,
    similarity: m.similarity,
    sameUnit: m.sameUnit,
    shared: [...m.shared].sort(),
  })) ?? null;

test("the data migration indexes every text saved before the index", async () => {
  assert.equal(await t.db.textPhraseUnit.count(), 0, "texts written directly are not indexed");
  const step = DATA_MIGRATIONS.find((s) => s.name === "2026-11-30 report texts into the copied-text index");
  assert.ok(step);
  await t.db.$transaction((tx) => step.run(tx));
  const units = await t.db.textPhraseUnit.findMany({ where: { shingle: ANY_TEXT }, select: { unitId: true, lastDate: true } });
  assert.deepEqual(units.map((u) => u.unitId).sort(), [...unitIds].sort());
  assert.ok(units.every((u) => u.lastDate === addDays(FIRST, DAYS - 1)));
  // A phrase of one unit's own place, used by that unit only.
  const place = await t.db.textPhraseUnit.findMany({ where: { shingle: "兴业路拆" } });
  assert.ok(place.every((p) => p.unitId === unitIds[0]));
  // Idempotent: a second run changes nothing.
  const before = await t.db.textPhraseUnit.count();
  await t.db.$transaction((tx) => step.run(tx));
  assert.equal(await t.db.textPhraseUnit.count(), before);
});

test("the index finds exactly what the linear scan finds, for every slot, reading fewer texts", async () => {
  const unitNames = new Map(UNITS.map((name, i) => [unitIds[i], name]));
  let flagged = 0;
  let readByIndex = 0;
  let readByScan = 0;
  for (const row of rows) {
    const subject = {
      id: row.slotId,
      cardId: row.cardId,
      unitId: row.unitId,
      date: row.date,
      text: (await t.db.reportSlot.findUniqueOrThrow({ where: { id: row.slotId } })).text,
    };
    const [byIndex, byScan] = [await copiedTextByIndex(t.db, subject, unitNames), await copiedTextByScan(t.db, subject, unitNames)];
    assert.deepEqual(found(byIndex), found(byScan), `slot of ${row.date}: ${row.text}`);
    if (byScan.check?.text) assert.equal(byIndex.check?.text.addedAt.getTime(), byScan.check.text.addedAt.getTime());
    if ((byScan.check?.matches.length ?? 0) > 0) flagged++;
    readByIndex += byIndex.read;
    readByScan += byScan.read;
  }
  assert.ok(flagged >= 5, `the set holds copies the check flags (${flagged})`);
  assert.ok(readByIndex < readByScan / 2, `the index reads fewer texts: ${readByIndex} against ${readByScan}`);
});

test("a copy sent through the submission path is indexed as it is saved and flagged", async () => {
  const storage = new LocalDirStorage(photoDir);
  const reporter = async (i: number) => {
    const user = await t.db.user.create({ data: { username: `rep-${i}`, name: `${UNITS[i]}信息员`, role: "REPORTER", passwordHash: "x", unitId: unitIds[i] } });
    return {
      id: user.id,
      username: user.username,
      name: user.name,
      role: "REPORTER" as const,
      unitId: unitIds[i],
      unitName: UNITS[i],
      groupIds: [],
      sessionId: null,
    };
  };
  const date = addDays(FIRST, DAYS);
  const original =
    "上午在兴业路拆迁现场召开推进会，区交运局和区自然资源和规划局到场，逐户核对地上附着物清单，现场确定三户补偿标准；下午组织评估公司入户评估，完成评估两户，剩余一户户主在外地务工，已电话约定周六回村签字。";
  const send = async (i: number, note: string, hhmm: string) =>
    (await submitSlot(t.db, storage, { user: await reporter(i), date, slot: "noon", input: { note }, photos: [], now: districtInstant(date, hhmm) })).slot.id;
  const source = await send(0, original, "11:00");
  assert.ok((await t.db.textPhraseUnit.count({ where: { shingle: "周六回村", unitId: unitIds[0], lastDate: date } })) === 1, "indexed with the save");
  const copy = await send(1, original.replace("三户", "四户").replace("两户", "三户"), "12:00");
  const flags = await t.db.anomaly.findMany({ where: { slotId: copy, kind: "COPIED_TEXT" } });
  assert.deepEqual(
    flags.map((f) => f.relatedSlotId),
    [source],
  );
  assert.equal(await t.db.anomaly.count({ where: { slotId: source, kind: "COPIED_TEXT" } }), 0, "the original is not the copy");
});
