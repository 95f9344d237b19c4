/**
 * The anomaly runner against a real database: flags are written with their
 * evidence, re-running changes nothing, a reviewed flag keeps its decision, a
 * sign that is gone takes its open flag with it. (What spot checks and orders
 * give the quarter score is tested with its inputs: lib/assessment/as-of.integration.test.ts.)
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { processPhoto } from "@/lib/photos/process";
import { SWEEP_AFTER_MS, queueSlotChecks, sweepPendingChecks } from "@/lib/reports/after-submit";
import { runAnomalyChecks } from "@/lib/supervision/anomalies/run";
import { parseEvidence } from "@/lib/supervision/anomalies/evidence";
import { rebuildTextIndex } from "@/lib/supervision/anomalies/text-index";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { createSlot } from "@/lib/testing/slots";
import { LocalDirStorage } from "@/lib/storage/index";
import { districtInstant } from "@/lib/time";
import { recycle, renderShot, shotFor, siteFor } from "@/prisma/seed/photo-scenes";
import { rngFor } from "@/prisma/seed/rng";

// The queued and swept checks read photos from the configured store.
const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-supervision-"));
process.env.PHOTO_DIR = photoDir;
process.env.NEXTAUTH_SECRET ??= "integration-test-secret-integration-test";

let t: TestDb;
const ids: Record<string, string> = {};

const NARRATIVE =
  "上午在兴业路拆迁现场召开推进会，区交运局和区自然资源和规划局到场，逐户核对地上附着物清单，现场确定三户补偿标准；下午组织评估公司入户评估，完成评估两户，剩余一户户主在外地务工，已电话约定周六回村签字。";

before(async () => {
  t = await createTestDb();
  const db = t.db;
  const units = await Promise.all(
    ["界河店乡", "正西乡", "甲镇", "乙镇", "丙镇"].map((name, i) => db.unit.create({ data: { code: `13040820${i}`, name, kind: "TOWN" } })),
  );
  const author = await db.user.create({ data: { username: "rep", name: "信息员", role: "REPORTER", passwordHash: "x", unitId: units[0].id } });
  const admin = await db.user.create({ data: { username: "admin", name: "督查室", role: "ADMIN", passwordHash: "x" } });
  ids.admin = admin.id;
  ids.author = author.id;
  ids.third = units[2].id;
  ids.source = units[0].id;
  ids.copier = units[1].id;
  const slot = (unitIndex: number, date: string, text: string) =>
    createSlot(db, { unitId: units[unitIndex].id, date, slot: "NOON", authorId: author.id, text, submittedAt: districtInstant(date, "12:00") });
  // Stock phrasing every unit writes, so that "common" is learned as in production.
  for (const [i] of units.entries()) await slot(i, "2026-11-01", "今日主要工作：走访包联企业，已召开现场调度会，明确责任人和时限；开展安全生产检查。");
  const source = await slot(0, "2026-11-10", NARRATIVE);
  const copy = await slot(1, "2026-11-18", NARRATIVE.replace("三户", "四户"));
  ids.sourceSlot = source.id;
  ids.copySlot = copy.id;
  // The same photo twice: shown by 界河店乡 on the 10th, again by 正西乡 on the 18th, mirrored.
  const rng = rngFor("supervision-test");
  const original = await renderShot(siteFor("supervision", 1), shotFor(rng));
  ids.sourcePhoto = (await storePhoto(source, "a", original)).id;
  ids.copyPhoto = (await storePhoto(copy, "b", await recycle(original, "mirror", rng))).id;
  // Slots written directly, past the saving path that indexes their texts (as the seed does).
  await db.$transaction((tx) => rebuildTextIndex(tx));
});
after(async () => {
  await t.cleanup();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

/** `image` as the upload path keeps it: processed, stored under `key`, and filed by the author on `slot` when it was sent. */
async function storePhoto(
  slot: { id: string; submittedAt: Date },
  key: string,
  image: Buffer,
  extra: { exifLat?: number; exifLng?: number; exifTakenAt?: null } = {},
) {
  const p = await processPhoto(image);
  const storage = new LocalDirStorage(photoDir);
  await storage.put(`${key}.jpg`, p.full);
  await storage.put(`${key}-t.jpg`, p.thumb);
  return t.db.photo.create({
    data: {
      uploaderId: ids.author,
      slotId: slot.id,
      storageKey: `${key}.jpg`,
      thumbKey: `${key}-t.jpg`,
      mime: "image/jpeg",
      width: p.width,
      height: p.height,
      bytes: p.bytes,
      sha256: p.sha256,
      dHash: p.dHash,
      createdAt: slot.submittedAt,
      ...extra,
    },
  });
}

test("the runner flags a copied text and a recycled photo, with their evidence", async () => {
  const result = await runAnomalyChecks(t.db, ids.copySlot);
  assert.equal(result.created, 2);
  // Sorted here, not by the database: PostgreSQL orders an enum by declaration, SQLite by text.
  const flags = await t.db.anomaly.findMany({ where: { slotId: ids.copySlot } });
  assert.deepEqual(
    flags.map((f) => [f.kind, f.relatedSlotId, f.status]).sort(),
    [
      ["RECYCLED_PHOTO", ids.sourceSlot, "OPEN"],
      ["COPIED_TEXT", ids.sourceSlot, "OPEN"],
    ].sort(),
  );
  const text = parseEvidence("COPIED_TEXT", flags.find((f) => f.kind === "COPIED_TEXT")!.evidence);
  assert.ok(text?.kind === "COPIED_TEXT" && text.evidence.related.unitName === "界河店乡" && text.evidence.highlights.length > 0);
  const photo = parseEvidence("RECYCLED_PHOTO", flags.find((f) => f.kind === "RECYCLED_PHOTO")!.evidence);
  assert.ok(photo?.kind === "RECYCLED_PHOTO" && photo.evidence.relatedPhotoId === ids.sourcePhoto);
  // What matched: the mirror image, confirmed by the fine comparison.
  assert.equal(photo.evidence.match?.orientation, 1);
  assert.ok(photo.evidence.match.correlation >= photo.evidence.match.minCorrelation);
  // Both photos joined the index.
  assert.equal(await t.db.photo.count({ where: { hashedAt: null } }), 0);
  assert.ok((await t.db.photoHash.count({ where: { photoId: ids.sourcePhoto } })) > 1);
  // The earlier report is the source: checking it flags nothing.
  assert.equal((await runAnomalyChecks(t.db, ids.sourceSlot)).flags, 0);
});

test("slots queued after their submissions are checked in a batch with the same flags", async () => {
  await t.db.anomaly.deleteMany({ where: { slotId: ids.copySlot } });
  await Promise.all([queueSlotChecks(t.db, ids.copySlot), queueSlotChecks(t.db, ids.sourceSlot)]);
  const flags = await t.db.anomaly.findMany({ where: { slotId: { in: [ids.copySlot, ids.sourceSlot] } } });
  assert.deepEqual(flags.map((f) => [f.kind, f.slotId, f.relatedSlotId]).sort(), [
    ["COPIED_TEXT", ids.copySlot, ids.sourceSlot],
    ["RECYCLED_PHOTO", ids.copySlot, ids.sourceSlot],
  ]);
});

test("the sweep runs the checks a stopped server left owed, and leaves young ones to their queue", async () => {
  await t.db.anomaly.deleteMany({ where: { slotId: ids.copySlot } });
  const now = new Date();
  await t.db.pendingCheck.createMany({
    data: [
      { slotId: ids.copySlot, createdAt: new Date(now.getTime() - SWEEP_AFTER_MS - 60_000) },
      { slotId: ids.sourceSlot, createdAt: now },
    ],
  });
  assert.equal(await sweepPendingChecks(t.db, now), 1);
  const flags = await t.db.anomaly.findMany({ where: { slotId: ids.copySlot } });
  assert.deepEqual(flags.map((f) => f.kind).sort(), ["COPIED_TEXT", "RECYCLED_PHOTO"]);
  assert.deepEqual(
    (await t.db.pendingCheck.findMany()).map((p) => p.slotId),
    [ids.sourceSlot],
  );
  await t.db.pendingCheck.deleteMany();
});

test("re-running changes nothing; a dismissed flag stays dismissed and is not raised again", async () => {
  assert.deepEqual(await runAnomalyChecks(t.db, ids.copySlot), { slotId: ids.copySlot, flags: 2, created: 0, removed: 0 });
  await t.db.anomaly.updateMany({
    where: { slotId: ids.copySlot, kind: "RECYCLED_PHOTO" },
    data: { status: "DISMISSED", reviewedById: ids.admin, reviewedAt: new Date() },
  });
  await runAnomalyChecks(t.db, ids.copySlot);
  const flags = await t.db.anomaly.findMany({ where: { slotId: ids.copySlot } });
  assert.equal(flags.length, 2);
  assert.equal(flags.find((f) => f.kind === "RECYCLED_PHOTO")?.status, "DISMISSED");
});

test("when the sign is gone (the text corrected), its open flag goes too", async () => {
  await t.db.reportSlot.update({
    where: { id: ids.copySlot },
    data: { text: "今天到兴业路逐户走访，与两户拆迁户谈补偿方案，其中一户已同意签约，另一户对评估价格有意见，约定明天由区房屋征收与补偿中心再次解释政策。" },
  });
  await t.db.$transaction((tx) => rebuildTextIndex(tx));
  const result = await runAnomalyChecks(t.db, ids.copySlot);
  assert.equal(result.removed, 1);
  assert.deepEqual(
    (await t.db.anomaly.findMany({ where: { slotId: ids.copySlot } })).map((f) => f.kind),
    ["RECYCLED_PHOTO"],
  );
});

test("a photo with GPS but no EXIF time is still placed: taken in Beijing, it is flagged outside the district (stripping the time hides nothing)", async () => {
  const date = "2026-11-20";
  const text = "今天在村里查看秸秆禁烧情况。";
  const slot = await createSlot(t.db, { unitId: ids.third, date, slot: "NOON", authorId: ids.author, text, submittedAt: districtInstant(date, "12:00") });
  await storePhoto(slot, "beijing", await renderShot(siteFor("supervision", 7), shotFor(rngFor("untimed"))), {
    exifLat: 39.9042,
    exifLng: 116.4074,
    exifTakenAt: null,
  });
  await runAnomalyChecks(t.db, slot.id);
  const flag = await t.db.anomaly.findFirst({ where: { slotId: slot.id, kind: "LOCATION" } });
  const evidence = flag && parseEvidence("LOCATION", flag.evidence);
  assert.ok(evidence?.kind === "LOCATION" && evidence.evidence.reason === "OUTSIDE_DISTRICT", JSON.stringify(flag));
  assert.ok(evidence.evidence.km > 300);
  assert.deepEqual([evidence.evidence.fix.source, evidence.evidence.fix.untimed, evidence.evidence.fix.timely], ["PHOTO", true, false]);
});
