import assert from "node:assert/strict";
import { test } from "node:test";
import { dHash, hammingDistance } from "@/lib/photos/dhash";
import { COPIED_TEXT_RULES, detectCopiedText, phrasingStats, shingleReport, textFirstAdded, type TextReport } from "@/lib/supervision/anomalies/copied-text";
import { detectExifTime } from "@/lib/supervision/anomalies/exif-time";
import { detectLocation, type Fix } from "@/lib/supervision/anomalies/location";
import { RECYCLED_PHOTO_RULES, detectRecycledPhotos, isInformativeHash, type HashedPhoto } from "@/lib/supervision/anomalies/recycled-photo";
import { haversineKm } from "@/lib/supervision/geo";
import { districtInstant } from "@/lib/time";
import { recycle, renderShot, shotFor, siteFor } from "@/prisma/seed/photo-scenes";
import { rngFor } from "@/prisma/seed/rng";

// ── Recycled photos ─────────────────────────────────────────────────────────

test("dHash threshold on known pairs: re-encoded, resized, retouched and stamped copies match; another site does not; a cropped copy is a known miss", async () => {
  const rng = rngFor("test-photos");
  const site = siteFor("test", 1);
  const original = await renderShot(site, shotFor(rng));
  const hash = await dHash(original);
  const distance = async (transform: "reencode" | "resize" | "crop" | "retouch" | "stamp") =>
    hammingDistance(hash, await dHash(await recycle(original, transform, rng)));
  for (const transform of ["reencode", "resize", "retouch", "stamp"] as const) {
    const d = await distance(transform);
    assert.ok(d <= RECYCLED_PHOTO_RULES.maxDistance, `${transform}: ${d}`);
  }
  // dHash compares neighbouring pixels of the whole frame: trimming the edges shifts it (README, bench).
  assert.ok((await distance("crop")) > RECYCLED_PHOTO_RULES.maxDistance);
  const elsewhere = await dHash(await renderShot(siteFor("test", 2), shotFor(rng)));
  assert.ok(hammingDistance(hash, elsewhere) > 3 * RECYCLED_PHOTO_RULES.maxDistance, `other site: ${hammingDistance(hash, elsewhere)}`);
});

const at = (date: string, hhmm: string) => districtInstant(date, hhmm);
const photo = (id: string, dHashHex: string, over: Partial<HashedPhoto> = {}): HashedPhoto => ({
  photoId: id,
  slotId: `slot-${id}`,
  cardId: `card-${id}`,
  unitId: "u1",
  addedAt: at("2026-11-20", "12:00"),
  dHash: dHashHex,
  ...over,
});

test("recycled photo: every earlier photo within the distance, of the unit or of another unit; the earliest is the original", () => {
  const subject = [photo("new", "f0f0f0f0f0f0f0f0", { addedAt: at("2026-11-25", "12:00") })];
  const earlier = [
    photo("far", "0f0f0f0f0f0f0f0f"),
    photo("near", "f0f0f0f0f0f0f0f3", { unitId: "u2", addedAt: at("2026-11-21", "12:00") }), // 2 bits
    photo("nearer", "f0f0f0f0f0f0f0f1", { addedAt: at("2026-11-22", "12:00") }), // 1 bit
    photo("at-limit", "f0f0f0f0f0f0f3ff", { unitId: "u3", addedAt: at("2026-11-10", "12:00") }), // 6 bits, but first
  ];
  const [finding] = detectRecycledPhotos(subject, earlier);
  assert.equal(finding.photoId, "new");
  // Not the closest (a copy can be closer than its source): the one shown first.
  assert.deepEqual(finding.original, {
    photoId: "at-limit",
    slotId: "slot-at-limit",
    unitId: "u3",
    addedAt: at("2026-11-10", "12:00"),
    distance: 6,
    sameUnit: false,
  });
  assert.deepEqual(
    finding.others.map((m) => [m.photoId, m.distance, m.sameUnit]),
    [
      ["near", 2, false],
      ["nearer", 1, true],
    ],
  );
  assert.deepEqual(detectRecycledPhotos(subject, [photo("over", "f0f0f0f0f0f0f7ff")]), [], "7 bits is over the threshold");
});

test("recycled photo: not against photos added later (or at the same time), the same card, or nearly flat images", () => {
  const subject = [photo("new", "f0f0f0f0f0f0f0f0", { cardId: "c", addedAt: at("2026-11-20", "12:00") })];
  assert.deepEqual(detectRecycledPhotos(subject, [photo("later", "f0f0f0f0f0f0f0f0", { addedAt: at("2026-11-21", "12:00") })]), []);
  assert.deepEqual(detectRecycledPhotos(subject, [photo("same-time", "f0f0f0f0f0f0f0f0", { addedAt: at("2026-11-20", "12:00") })]), []);
  assert.deepEqual(detectRecycledPhotos(subject, [photo("morning", "f0f0f0f0f0f0f0f0", { cardId: "c", addedAt: at("2026-11-20", "08:00") })]), []);
  const flat = [photo("dark", "0000000000000001", { addedAt: at("2026-11-25", "12:00") })];
  assert.equal(isInformativeHash("0000000000000001"), false);
  assert.deepEqual(detectRecycledPhotos(flat, [photo("other-dark", "0000000000000000")]), []);
});

// ── Copied text ─────────────────────────────────────────────────────────────

const NARRATIVE =
  "上午在兴业路拆迁现场召开推进会，区交运局和区自然资源和规划局到场，逐户核对地上附着物清单，现场确定三户补偿标准；下午组织评估公司入户评估，完成评估两户，剩余一户户主在外地务工，已电话约定周六回村签字。";

function report(id: string, unitId: string, unitName: string, date: string, text: string, itemTexts: string[] = []): TextReport {
  return {
    slotId: id,
    cardId: `card-${id}`,
    unitId,
    unitName,
    date,
    slot: "EVENING",
    version: 1,
    versionId: null,
    addedAt: at(date, "19:00"),
    text,
    itemTexts,
  };
}

/** Stock phrasing many units use, so that "common" is learned from a corpus as in production. */
function stockCorpus() {
  const units = ["甲镇", "乙镇", "丙镇", "丁镇", "戊镇", "己镇"];
  return units.map((name, i) =>
    report(`stock-${i}`, `s${i}`, name, "2026-11-01", `${name}今日主要工作：走访包联企业，已召开现场调度会，明确责任人和时限；开展安全生产检查。`),
  );
}

test("copied text: another unit's report with the name swapped and a number changed is flagged", () => {
  const source = shingleReport(report("src", "u1", "界河店乡", "2026-11-10", `界河店乡${NARRATIVE}`));
  const copy = shingleReport(report("copy", "u2", "正西乡", "2026-11-18", `正西乡${NARRATIVE.replace("三户", "四户")}请区里协调。`));
  const corpus = [...stockCorpus().map(shingleReport), source, copy];
  const [finding] = detectCopiedText(copy, corpus, phrasingStats(corpus));
  assert.equal(finding?.relatedSlotId, "src");
  assert.ok(finding.similarity >= COPIED_TEXT_RULES.threshold && finding.similarity < 1, String(finding.similarity));
  assert.equal(finding.sameUnit, false);
});

test("copied text: a different report on the same task, in the same vocabulary, is not flagged", () => {
  const source = shingleReport(report("src", "u1", "界河店乡", "2026-11-10", NARRATIVE));
  const other = shingleReport(
    report(
      "other",
      "u2",
      "正西乡",
      "2026-11-18",
      "今天到兴业路拆迁现场逐户走访，与两户拆迁户谈补偿方案，其中一户已同意签约，另一户对评估价格有意见，约定明天由区房屋征收与补偿中心再次解释政策；现场清运建筑垃圾十二车。",
    ),
  );
  const corpus = [...stockCorpus().map(shingleReport), source, other];
  assert.deepEqual(detectCopiedText(other, corpus, phrasingStats(corpus)), []);
});

test("copied text: stock phrasing many units use, and short texts, are never flagged", () => {
  const templated = shingleReport(
    report("t", "u9", "庚镇", "2026-11-02", "庚镇今日主要工作：走访包联企业，已召开现场调度会，明确责任人和时限；开展安全生产检查。"),
  );
  const corpus = [...stockCorpus().map(shingleReport), templated];
  assert.deepEqual(detectCopiedText(templated, corpus, phrasingStats(corpus)), []);
  const short = shingleReport(report("short", "u9", "庚镇", "2026-11-02", "兴业路拆迁现场召开推进会。"));
  const shortSource = shingleReport(report("short-src", "u8", "辛镇", "2026-11-01", "兴业路拆迁现场召开推进会。"));
  const shortCorpus = [...stockCorpus().map(shingleReport), short, shortSource];
  assert.deepEqual(detectCopiedText(short, [shortSource], phrasingStats(shortCorpus)), []);
});

test("copied text: the unit's own carried-over items do not make today a copy of yesterday", () => {
  const items = ["兴业路沿线地上附着物清点和补偿标准核对工作", "协调拆迁户签订补偿安置协议并组织入户评估"];
  const yesterday = shingleReport(
    report("y", "u1", "界河店乡", "2026-11-10", `今日完成：${items[0]}，完成一半；${items[1]}，两户已签约。另外接待群众来访三人次，均已答复。`, items),
  );
  const today = shingleReport(
    report("t", "u1", "界河店乡", "2026-11-11", `今日完成：${items[0]}，全部完成；${items[1]}，又签约一户。下午参加全乡安全生产大检查，检查企业五家。`, items),
  );
  const background = stockCorpus().map(shingleReport);
  assert.deepEqual(detectCopiedText(today, [yesterday], phrasingStats([...background, yesterday, today])), []);
  // …but the same narrative again a week later is.
  const again = shingleReport(report("again", "u1", "界河店乡", "2026-11-17", NARRATIVE, items));
  const before = shingleReport(report("before", "u1", "界河店乡", "2026-11-10", NARRATIVE, items));
  assert.equal(detectCopiedText(again, [before], phrasingStats([...background, before, again]))[0]?.sameUnit, true);
});

test("copied text: the earlier report is the source, never the later one", () => {
  const a = shingleReport(report("a", "u1", "界河店乡", "2026-11-10", NARRATIVE));
  const b = shingleReport(report("b", "u2", "正西乡", "2026-11-12", NARRATIVE));
  const stats = phrasingStats([...stockCorpus().map(shingleReport), a, b]);
  assert.equal(detectCopiedText(b, [a], stats).length, 1);
  assert.equal(detectCopiedText(a, [b], stats).length, 0);
});

test("copied text: by the time the text was added — a copy added by an edit to an older slot is the copy; the earliest match is the original", () => {
  const a = shingleReport(report("a", "u1", "界河店乡", "2026-11-10", NARRATIVE));
  // 正西乡's slot of the 8th: its own text first, the copy added by a correction on the 18th.
  const own = "今天到兴业路逐户走访，与两户拆迁户谈补偿方案，其中一户已同意签约，另一户对评估价格有意见，约定明天由区房屋征收与补偿中心再次解释政策。";
  const b1 = shingleReport(report("b", "u2", "正西乡", "2026-11-08", own));
  const b2 = shingleReport({ ...report("b", "u2", "正西乡", "2026-11-08", NARRATIVE), version: 2, addedAt: at("2026-11-18", "10:00") });
  const c = shingleReport(report("c", "u3", "甲镇", "2026-11-20", NARRATIVE));
  const corpus = [...stockCorpus().map(shingleReport), a, b1, b2, c];
  const stats = phrasingStats(corpus);
  assert.deepEqual(
    detectCopiedText(b2, corpus, stats).map((f) => f.relatedSlotId),
    ["a"],
  );
  assert.deepEqual(detectCopiedText(a, corpus, stats), [], "the original is never the copy, whatever the copier's slot date");
  const third = detectCopiedText(c, corpus, stats);
  assert.deepEqual(
    third.map((f) => [f.relatedSlotId, f.version]),
    [
      ["a", 1],
      ["b", 2],
    ],
  );
});

test("copied text: a slot's text dates from the first version that already said it — a touch-up keeps it, a rewrite starts anew", () => {
  const v1 = shingleReport(report("a", "u1", "界河店乡", "2026-11-10", NARRATIVE));
  const touchedUp = shingleReport({
    ...report("a", "u1", "界河店乡", "2026-11-10", NARRATIVE.replace("周六", "周日")),
    version: 2,
    addedAt: at("2026-11-22", "10:00"),
  });
  const rewritten = shingleReport({
    ...report(
      "a",
      "u1",
      "界河店乡",
      "2026-11-10",
      "今天到兴业路逐户走访，与两户拆迁户谈补偿方案，其中一户已同意签约，另一户对评估价格有意见，约定明天由区房屋征收与补偿中心再次解释政策。",
    ),
    version: 2,
    addedAt: at("2026-11-22", "10:00"),
  });
  const stats = phrasingStats([...stockCorpus().map(shingleReport), v1, touchedUp, rewritten]);
  assert.equal(textFirstAdded([v1, touchedUp], stats), v1);
  assert.equal(textFirstAdded([v1, rewritten], stats), rewritten);
});

// ── Photo time ──────────────────────────────────────────────────────────────

test("EXIF time: an old or future photo is flagged, a fresh one is not", () => {
  const submittedAt = at("2026-11-20", "12:00");
  const input = (takenAt: Date | null) => ({ slot: "NOON" as const, submittedAt, photos: [{ photoId: "p", exifTakenAt: takenAt }], photoTasks: [] });
  assert.deepEqual(detectExifTime(input(at("2026-11-20", "10:30"))), []);
  assert.deepEqual(detectExifTime(input(at("2026-11-20", "00:01"))), [], "11 h 59 min is within the 12 h");
  assert.equal(detectExifTime(input(at("2026-11-19", "23:59")))[0]?.reason, "FAR");
  assert.equal(detectExifTime(input(at("2026-11-17", "12:00")))[0]?.reason, "FAR");
  assert.equal(detectExifTime(input(at("2026-11-20", "12:45")))[0]?.reason, "FAR", "taken 45 minutes after it was sent");
  assert.deepEqual(detectExifTime(input(null)), [], "no EXIF is fine where no photo is required");
  // A photo added by an edit two days later is judged by the edit: taken then, it is fresh.
  const added = {
    slot: "NOON" as const,
    submittedAt,
    photos: [{ photoId: "p", exifTakenAt: at("2026-11-22", "09:00"), addedAt: at("2026-11-22", "10:00") }],
    photoTasks: [],
  };
  assert.deepEqual(detectExifTime(added), []);
});

test("EXIF time: where a task needs photos, a noon or evening report without one (or without a time) is flagged", () => {
  const submittedAt = at("2026-11-20", "19:00");
  assert.deepEqual(detectExifTime({ slot: "EVENING", submittedAt, photos: [], photoTasks: ["兴业路占地拆迁60户"] }), [
    { reason: "NO_PHOTO", tasks: ["兴业路占地拆迁60户"] },
  ]);
  assert.equal(detectExifTime({ slot: "EVENING", submittedAt, photos: [{ photoId: "p", exifTakenAt: null }], photoTasks: ["x"] })[0]?.reason, "NO_EXIF");
  assert.deepEqual(detectExifTime({ slot: "MORNING", submittedAt, photos: [], photoTasks: ["x"] }), [], "a morning plan needs no photo");
});

// ── Location ────────────────────────────────────────────────────────────────

const SEAT = { lat: 36.774, lng: 114.517 }; // 临洺关
const LIUYING = { lat: 36.815, lng: 114.596 }; // 刘营

test("haversine：临洺关 to 刘营 is about 8 km", () => {
  const km = haversineKm(SEAT, LIUYING);
  assert.ok(km > 7.5 && km < 8.5, String(km));
  assert.equal(haversineKm(SEAT, SEAT), 0);
});

const fix = (where: { lat: number; lng: number }, when: Date, slotId = "s"): Fix => ({ ...where, at: when, source: "REPORT", slotId });
const site = { ...SEAT, taskId: "t", title: "城中村改造", place: "拆迁现场" };

test("location: a noon report 8 km from its task's site is flagged; 1 km is not; a morning plan never", () => {
  const noon = at("2026-11-20", "12:00");
  const far = detectLocation({ slot: "NOON", fixes: [fix(LIUYING, noon)], sites: [site], previous: [] });
  assert.equal(far[0]?.reason, "FAR_FROM_SITE");
  assert.ok(far[0].reason === "FAR_FROM_SITE" && far[0].km > 7);
  assert.deepEqual(detectLocation({ slot: "NOON", fixes: [fix({ lat: SEAT.lat + 0.009, lng: SEAT.lng }, noon)], sites: [site], previous: [] }), []);
  assert.deepEqual(detectLocation({ slot: "MORNING", fixes: [fix(LIUYING, noon)], sites: [site], previous: [] }), []);
});

test("location: 8 km in 3 minutes between consecutive positions is too fast; in an hour it is not", () => {
  const noon = at("2026-11-20", "12:00");
  const fast = detectLocation({ slot: "NOON", fixes: [fix(LIUYING, noon)], sites: [], previous: [fix(SEAT, at("2026-11-20", "11:57"), "before")] });
  assert.equal(fast[0]?.reason, "TOO_FAST");
  assert.ok(fast[0].reason === "TOO_FAST" && fast[0].kmh > 120 && fast[0].from.slotId === "before");
  assert.deepEqual(detectLocation({ slot: "NOON", fixes: [fix(LIUYING, noon)], sites: [], previous: [fix(SEAT, at("2026-11-20", "11:00"))] }), []);
  // A photo taken at the site, then the report sent from 8 km away two minutes later.
  const photoThenReport = detectLocation({
    slot: "NOON",
    fixes: [fix(LIUYING, noon), { ...SEAT, at: at("2026-11-20", "11:58"), source: "PHOTO", slotId: "s", photoId: "p" }],
    sites: [],
    previous: [],
  });
  assert.equal(photoThenReport[0]?.reason, "TOO_FAST");
});
