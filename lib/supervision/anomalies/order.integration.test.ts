/**
 * Issue 10: the anomaly checks judge content by when it was added, through
 * the real submission path (submitSlot runs the checks after each save).
 *
 * One district timeline, each save at its own time:
 *   11-01  every unit: stock phrasing (so "common" is learned as in production)
 *   11-08  正西乡 (B): its own text and photo PB
 *   11-10  界河店乡 (A): the narrative and photo PA — the originals
 *   11-12  乙镇 (D): a copy of B's own photo PB
 *   11-18  B corrects its slot of the 8th: the narrative and a copy of PA, added by the edit
 *   11-20  甲镇 (C): the narrative and another copy of PA
 *   11-22  A touches up its own text and adds a new photo
 *   11-24  丙镇 (E): the narrative again
 *   11-26  丁镇 (F): its own text at 11:00, D's text by an edit at 12:30 (before the deadline)
 * Text times come from the slots' versions (ReportVersion), photo times from Photo.createdAt.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { SessionUser } from "@/lib/auth/roles";
import { submitSlot, type PhotoUpload } from "@/lib/reports/submit";
import { LocalDirStorage } from "@/lib/storage";
import { parseEvidence, type CopiedTextEvidence, type RecycledPhotoEvidence } from "@/lib/supervision/anomalies/evidence";
import { runAnomalyChecksFor } from "@/lib/supervision/anomalies/run";
import { createTestDb, type TestDb } from "@/lib/testing/test-db";
import { districtInstant } from "@/lib/time";
import { recycle, renderShot, shotFor, siteFor } from "@/prisma/seed/photo-scenes";
import { rngFor } from "@/prisma/seed/rng";

let t: TestDb;
let photoDir: string;
let storage: LocalDirStorage;
const users: Record<string, SessionUser> = {};
const slotOf: Record<string, string> = {};
const photoIds: Record<string, string> = {};
const images: Record<string, Buffer> = {};

const NARRATIVE =
  "上午在兴业路拆迁现场召开推进会，区交运局和区自然资源和规划局到场，逐户核对地上附着物清单，现场确定三户补偿标准；下午组织评估公司入户评估，完成评估两户，剩余一户户主在外地务工，已电话约定周六回村签字。";
const OWN_TEXT = "今天到兴业路逐户走访，与两户拆迁户谈补偿方案，其中一户已同意签约，另一户对评估价格有意见，约定明天由区房屋征收与补偿中心再次解释政策。";
const D_TEXT =
  "乙镇今日在镇区开展环境整治，清理路边垃圾堆放点两处，督促沿街商户落实门前三包；下午对西环路两侧违规广告牌逐一登记，拆除破损广告牌五块，其余限期三天内自行整改。";
const STOCK = "今日主要工作：走访包联企业，已召开现场调度会，明确责任人和时限；开展安全生产检查。";

const UNITS = { A: "界河店乡", B: "正西乡", C: "甲镇", D: "乙镇", E: "丙镇", F: "丁镇" } as const;
type UnitKey = keyof typeof UNITS;

/** One save of a unit's noon slot of `date`, at `date2 hhmm` (a correction when later than the deadline). */
async function save(unit: UnitKey, date: string, when: [string, string], note: string, photos: string[] = [], reason?: string) {
  const uploads: PhotoUpload[] = photos.map((name) => ({ name: `${name}.jpg`, data: images[name] }));
  const { slot } = await submitSlot(t.db, storage, {
    user: users[unit],
    date,
    slot: "noon",
    input: { note, revisionReason: reason },
    photos: uploads,
    now: districtInstant(when[0], when[1]),
  });
  slotOf[`${unit}:${date}`] = slot.id;
  // The photos this save added: the newest ones of the slot.
  const stored = await t.db.photo.findMany({ where: { slotId: slot.id }, orderBy: { sortOrder: "asc" }, select: { id: true } });
  photos.forEach((name, i) => (photoIds[name] = stored[stored.length - photos.length + i].id));
  return slot.id;
}

async function flagsOf(slotId: string) {
  const rows = await t.db.anomaly.findMany({ where: { slotId } });
  const photo = rows.filter((r) => r.kind === "RECYCLED_PHOTO");
  const text = rows.filter((r) => r.kind === "COPIED_TEXT");
  return {
    rows,
    photo,
    text,
    photoEvidence: (id: string) => {
      const parsed = parseEvidence("RECYCLED_PHOTO", photo.find((r) => r.id === id)!.evidence);
      assert.ok(parsed?.kind === "RECYCLED_PHOTO");
      return parsed.evidence as RecycledPhotoEvidence;
    },
    textEvidence: () => {
      assert.equal(text.length, 1, "one copied-text flag per text");
      const parsed = parseEvidence("COPIED_TEXT", text[0].evidence);
      assert.ok(parsed?.kind === "COPIED_TEXT");
      return parsed.evidence as CopiedTextEvidence;
    },
  };
}

const iso = (date: string, hhmm: string) => districtInstant(date, hhmm).toISOString();

before(async () => {
  t = await createTestDb();
  photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-order-"));
  storage = new LocalDirStorage(photoDir);
  for (const [i, [key, name]] of Object.entries(UNITS).entries()) {
    const unit = await t.db.unit.create({ data: { code: `13040830${i}`, name, kind: "TOWN" } });
    const user = await t.db.user.create({ data: { username: `rep-${key}`, name: `${name}信息员`, role: "REPORTER", unitId: unit.id, passwordHash: "x" } });
    users[key] = { id: user.id, username: user.username, name: user.name, role: "REPORTER", unitId: unit.id, unitName: name, groupIds: [], sessionId: null };
  }
  const rng = rngFor("order-test");
  images.PA = await renderShot(siteFor("order", "A"), shotFor(rng));
  images.PB = await renderShot(siteFor("order", "B"), shotFor(rng));
  images.PA_B = await recycle(images.PA, "reencode", rng);
  images.PA_C = await recycle(images.PA, "stamp", rng);
  images.PB_D = await recycle(images.PB, "reencode", rng);
  images.A_NEW = await renderShot(siteFor("order", "A-new"), shotFor(rng));
  images.B_NEW = await renderShot(siteFor("order", "B-new"), shotFor(rng));

  for (const key of Object.keys(UNITS) as UnitKey[]) await save(key, "2026-11-01", ["2026-11-01", "12:00"], `${UNITS[key]}${STOCK}`);
  await save("B", "2026-11-08", ["2026-11-08", "12:00"], OWN_TEXT, ["PB"]);
  await save("A", "2026-11-10", ["2026-11-10", "12:00"], NARRATIVE, ["PA"]);
  await save("D", "2026-11-12", ["2026-11-12", "12:00"], D_TEXT, ["PB_D"]);
  await save("B", "2026-11-08", ["2026-11-18", "10:00"], NARRATIVE.replace("三户", "四户"), ["PA_B"], "补充现场情况");
});

after(async () => {
  await t.cleanup();
  fs.rmSync(photoDir, { recursive: true, force: true });
});

test("a copy added by an edit to an older slot is flagged, dated by the edit, against the original", async () => {
  const b = await flagsOf(slotOf["B:2026-11-08"]);
  assert.deepEqual(
    b.photo.map((f) => [f.photoId, f.relatedSlotId]),
    [[photoIds.PA_B, slotOf["A:2026-11-10"]]],
    "only the photo the edit added; B's own photo of the 8th is not a copy",
  );
  const photo = b.photoEvidence(b.photo[0].id);
  assert.equal(photo.relatedPhotoId, photoIds.PA);
  assert.equal(photo.addedAt, iso("2026-11-18", "10:00"), "the photo's time is the edit's, not the slot's first submission");
  assert.equal(photo.version, 2);
  assert.equal(photo.related.version, 1);

  const text = b.textEvidence();
  assert.equal(b.text[0].relatedSlotId, slotOf["A:2026-11-10"]);
  assert.equal(text.addedAt, iso("2026-11-18", "10:00"));
  assert.equal(text.version, 2);
  assert.deepEqual([text.related.unitName, text.related.date, text.related.slot, text.related.version], ["界河店乡", "2026-11-10", "NOON", 1]);
  assert.deepEqual(text.others, []);
});

test("a third unit posting the same content is flagged against the original, not the copier, which is listed beside it", async () => {
  const c = await flagsOf(await save("C", "2026-11-20", ["2026-11-20", "12:00"], NARRATIVE, ["PA_C"]));
  assert.deepEqual(
    c.photo.map((f) => f.relatedSlotId),
    [slotOf["A:2026-11-10"]],
  );
  const photo = c.photoEvidence(c.photo[0].id);
  assert.equal(photo.relatedPhotoId, photoIds.PA);
  assert.deepEqual(
    photo.others.map((o) => [o.photoId, o.related.unitName, o.related.version, o.related.addedAt]),
    [[photoIds.PA_B, "正西乡", 2, iso("2026-11-18", "10:00")]],
  );
  const text = c.textEvidence();
  assert.equal(c.text[0].relatedSlotId, slotOf["A:2026-11-10"]);
  assert.equal(text.relatedText.trim(), NARRATIVE);
  assert.deepEqual(
    text.others.map((o) => [o.related.slotId, o.related.version]),
    [[slotOf["B:2026-11-08"], 2]],
  );
});

test("the original author editing its own slot is not flagged for content that was first theirs", async () => {
  const slotId = await save("A", "2026-11-10", ["2026-11-22", "10:00"], NARRATIVE.replace("周六", "周日"), ["A_NEW"], "更正签字日期");
  const a = await flagsOf(slotId);
  assert.deepEqual(
    a.rows.map((f) => f.kind),
    [],
    "neither PA (first shown by A) nor the touched-up narrative is a copy of B's or C's",
  );
  // Re-running any number of times, alone or with the others, changes nothing.
  await runAnomalyChecksFor(t.db, [slotId, slotOf["B:2026-11-08"], slotOf["C:2026-11-20"]], { storage });
  assert.equal((await flagsOf(slotId)).rows.length, 0);
});

test("an edit neither backdates what it adds nor re-dates what was there: B's own photo of the 8th stays the original of D's copy", async () => {
  const d = await flagsOf(slotOf["D:2026-11-12"]);
  assert.deepEqual(
    d.photo.map((f) => [f.photoId, f.relatedSlotId]),
    [[photoIds.PB_D, slotOf["B:2026-11-08"]]],
  );
  assert.equal(d.photoEvidence(d.photo[0].id).related.addedAt, iso("2026-11-08", "12:00"));
  // B was corrected on the 18th: its old photo keeps the 8th (not a copy of D's), its new text the 18th
  // (after A's of the 10th, so a copy; before C's of the 20th, so not C's original).
  await runAnomalyChecksFor(t.db, [slotOf["B:2026-11-08"]], { storage });
  const b = await flagsOf(slotOf["B:2026-11-08"]);
  assert.deepEqual(
    b.photo.map((f) => f.photoId),
    [photoIds.PA_B],
  );
  assert.equal(b.textEvidence().addedAt, iso("2026-11-18", "10:00"));
});

test("the flag names the earliest original and lists the other matches, earliest first", async () => {
  const e = await flagsOf(await save("E", "2026-11-24", ["2026-11-24", "12:00"], NARRATIVE));
  const text = e.textEvidence();
  assert.deepEqual([text.related.unitName, text.related.version, text.related.addedAt], ["界河店乡", 1, iso("2026-11-10", "12:00")]);
  assert.deepEqual(
    text.others.map((o) => [o.related.unitName, o.related.date, o.related.version, o.related.addedAt]),
    [
      ["正西乡", "2026-11-08", 2, iso("2026-11-18", "10:00")],
      ["甲镇", "2026-11-20", 1, iso("2026-11-20", "12:00")],
    ],
  );
});

test("re-checking after an edit adds no second flag: the reviewed text flag keeps its decision, only the new photo is judged new", async () => {
  const slotId = slotOf["B:2026-11-08"];
  const before = await flagsOf(slotId);
  await t.db.anomaly.update({ where: { id: before.text[0].id }, data: { status: "DISMISSED", reviewedAt: new Date() } });
  await save("B", "2026-11-08", ["2026-11-19", "09:00"], NARRATIVE.replace("三户", "四户").replace("周六", "周日"), ["B_NEW"], "补充照片");
  const after = await flagsOf(slotId);
  assert.deepEqual(after.rows.map((f) => f.id).sort(), before.rows.map((f) => f.id).sort(), "the same flags, none added");
  assert.equal(after.text[0].status, "DISMISSED");
  assert.equal(after.photo[0].photoId, photoIds.PA_B);
});

test("text copied in by an edit before the deadline is dated by that edit's version, which the flag names", async () => {
  const own = "丁镇上午组织镇村干部对辖区企业开展消防安全检查，检查企业三家，发现隐患两处，已下达整改通知书并明确整改时限。";
  const slotId = await save("F", "2026-11-26", ["2026-11-26", "11:00"], own);
  assert.equal((await flagsOf(slotId)).rows.length, 0);
  // Before the 13:30 deadline: an edit, no reason needed — and still a version of its own.
  await save("F", "2026-11-26", ["2026-11-26", "12:30"], D_TEXT.replace("乙镇", "丁镇"));
  const f = await flagsOf(slotId);
  const text = f.textEvidence();
  const versions = await t.db.reportVersion.findMany({ where: { slotId }, orderBy: { number: "asc" }, select: { id: true, number: true } });
  assert.deepEqual(
    versions.map((v) => v.number),
    [1, 2],
  );
  assert.equal(text.addedAt, iso("2026-11-26", "12:30"));
  assert.equal(text.version, 2);
  assert.equal(text.related.unitName, "乙镇");
  const original = await t.db.reportVersion.findFirstOrThrow({ where: { slotId: slotOf["D:2026-11-12"], number: 1 }, select: { id: true } });
  assert.equal(text.related.versionId, original.id);
  // The flag itself records the version the check saw.
  assert.equal(f.text[0].versionId, versions[1].id);
});
