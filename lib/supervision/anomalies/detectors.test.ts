import assert from "node:assert/strict";
import { test } from "node:test";
import { COPIED_TEXT_RULES, detectCopiedText, phrasingStats, shingleReport, textFirstAdded, type TextReport } from "@/lib/supervision/anomalies/copied-text";
import { detectExifTime } from "@/lib/supervision/anomalies/exif-time";
import { LOCATION_RULES, detectLocation, type Fix } from "@/lib/supervision/anomalies/location";
import { recycledPhotoFinding, type PhotoMatch } from "@/lib/supervision/anomalies/recycled-photo";
import { districtBoundary } from "@/lib/supervision/anomalies/district";
import { describePhotoMatch } from "@/lib/supervision/anomalies/evidence";
import { distanceToBoundaryKm, haversineKm, isInside } from "@/lib/supervision/geo";
import { districtInstant } from "@/lib/time";

// ── Recycled photos (the transformations: photo-match.test.ts) ──────────────

const at = (date: string, hhmm: string) => districtInstant(date, hhmm);
const match = (id: string, over: Partial<PhotoMatch> = {}): PhotoMatch => ({
  photoId: id,
  slotId: `slot-${id}`,
  cardId: `card-${id}`,
  unitId: "u1",
  addedAt: at("2026-11-20", "12:00"),
  distance: 4,
  sameUnit: true,
  match: { correlation: 0.99, orientation: 0, crop: [0, 0, 0, 0], holder: "EARLIER" },
  ...over,
});

test("recycled photo: the earliest verified match is the original, the others are listed earliest first", () => {
  const subject = { photoId: "new", cardId: "card-new", addedAt: at("2026-11-25", "12:00") };
  const finding = recycledPhotoFinding(subject, [
    match("near", { unitId: "u2", sameUnit: false, addedAt: at("2026-11-21", "12:00"), distance: 2 }),
    match("nearer", { addedAt: at("2026-11-22", "12:00"), distance: 1 }),
    match("first", { unitId: "u3", sameUnit: false, addedAt: at("2026-11-10", "12:00"), distance: 9 }),
  ]);
  assert.ok(finding);
  // Not the closest (a copy can be closer than its source): the one shown first.
  assert.equal(finding.original.photoId, "first");
  assert.deepEqual(
    finding.others.map((m) => [m.photoId, m.distance, m.sameUnit]),
    [
      ["near", 2, false],
      ["nearer", 1, true],
    ],
  );
});

test("recycled photo: not against photos added later (or at the same time), or on the same card", () => {
  const subject = { photoId: "new", cardId: "c", addedAt: at("2026-11-20", "12:00") };
  assert.equal(recycledPhotoFinding(subject, [match("later", { addedAt: at("2026-11-21", "12:00") })]), null);
  assert.equal(recycledPhotoFinding(subject, [match("same-time", { addedAt: at("2026-11-20", "12:00") })]), null);
  assert.equal(recycledPhotoFinding(subject, [match("morning", { cardId: "c", addedAt: at("2026-11-20", "08:00") })]), null);
  assert.equal(recycledPhotoFinding(subject, []), null);
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

// ── Places (issue 18) ───────────────────────────────────────────────────────

const yongnian = districtBoundary();
const BEIJING = { lat: 39.9042, lng: 116.4074 };
const HANDAN = { lat: 36.6093, lng: 114.4906 };
const GUANGFU = { lat: 36.728, lng: 114.735 };

test("the district's outline: its townships inside, Handan and Beijing outside, with the distance", () => {
  assert.equal(yongnian.name, "永年区");
  for (const p of [SEAT, LIUYING, GUANGFU]) assert.ok(isInside(yongnian, p), `${p.lat},${p.lng}`);
  assert.ok(!isInside(yongnian, HANDAN));
  assert.ok(!isInside(yongnian, BEIJING));
  const km = distanceToBoundaryKm(yongnian, BEIJING);
  assert.ok(km > 300 && km < 400, `Beijing ${km} km outside`);
  const handan = distanceToBoundaryKm(yongnian, HANDAN);
  assert.ok(handan > 5 && handan < 15, `Handan ${handan} km outside`);
});

test("location: a photo located in Beijing, on a township's task with no site, is outside the district", () => {
  const noon = at("2026-11-20", "12:00");
  const photo: Fix = { ...BEIJING, at: at("2026-11-20", "11:30"), source: "PHOTO", slotId: "s", photoId: "p" };
  const found = detectLocation({
    slot: "NOON",
    fixes: [photo, fix(SEAT, noon)],
    sites: [],
    unitSites: [],
    seat: { ...SEAT, unitName: "临洺关镇" },
    boundary: yongnian,
    previous: [],
  });
  const outside = found.find((f) => f.reason === "OUTSIDE_DISTRICT");
  assert.ok(outside && outside.reason === "OUTSIDE_DISTRICT" && outside.fix.photoId === "p" && outside.km > 300 && outside.district === "永年区");
  // The same in a morning plan: a photo's position is judged whatever the slot; the report's own is not.
  assert.equal(detectLocation({ slot: "MORNING", fixes: [photo], sites: [], boundary: yongnian, previous: [] })[0]?.reason, "OUTSIDE_DISTRICT");
  assert.deepEqual(detectLocation({ slot: "MORNING", fixes: [fix(BEIJING, noon)], sites: [], boundary: yongnian, previous: [] }), []);
});

test("location: a position up to 1 km outside the simplified outline counts as inside; beyond it is flagged", () => {
  const noon = at("2026-11-20", "12:00");
  // Walk from 临洺关 towards Handan until the given distance outside the outline.
  const outsideBy = (km: number) => {
    for (let t = 0; t <= 1; t += 0.0005) {
      const p = { lat: SEAT.lat + t * (HANDAN.lat - SEAT.lat), lng: SEAT.lng + t * (HANDAN.lng - SEAT.lng) };
      if (!isInside(yongnian, p) && distanceToBoundaryKm(yongnian, p) >= km) return p;
    }
    throw new Error(`no point ${km} km outside`);
  };
  assert.equal(LOCATION_RULES.outsideToleranceKm, 1);
  const judge = (p: { lat: number; lng: number }) =>
    detectLocation({ slot: "NOON", fixes: [fix(p, noon)], sites: [], boundary: yongnian, previous: [] }).find((f) => f.reason === "OUTSIDE_DISTRICT");
  for (const km of [0.4, 0.95]) assert.equal(judge(outsideBy(km)), undefined, `${km} km outside is within the tolerance`);
  for (const km of [1.05, 2]) {
    const found = judge(outsideBy(km));
    assert.ok(found && found.reason === "OUTSIDE_DISTRICT" && found.km >= 1 && found.km <= km + 0.1, `${km} km outside: ${JSON.stringify(found)}`);
  }
});

test("location: inside the district but far from both the township's seat and its tasks' sites", () => {
  const noon = at("2026-11-20", "12:00");
  const seat = { ...SEAT, unitName: "临洺关镇" };
  // 广府 is about 20 km from 临洺关.
  const far = detectLocation({ slot: "NOON", fixes: [fix(GUANGFU, noon)], sites: [], unitSites: [site], seat, boundary: yongnian, previous: [] });
  assert.equal(far.length, 1);
  assert.ok(far[0].reason === "FAR_FROM_HOME" && far[0].seatKm! > 12 && far[0].site?.taskId === site.taskId);
  // Near a site of one of its tasks: not far from home.
  const guangfuSite = { ...site, taskId: "t-guangfu", lat: GUANGFU.lat + 0.01, lng: GUANGFU.lng };
  assert.deepEqual(
    detectLocation({ slot: "NOON", fixes: [fix(GUANGFU, noon)], sites: [], unitSites: [guangfuSite], seat, boundary: yongnian, previous: [] }),
    [],
  );
  // Near the seat: nothing.
  assert.deepEqual(detectLocation({ slot: "NOON", fixes: [fix(LIUYING, noon)], sites: [], unitSites: [], seat, boundary: yongnian, previous: [] }), []);
  // A department (no seat rule): only the outline applies.
  assert.deepEqual(detectLocation({ slot: "NOON", fixes: [fix(GUANGFU, noon)], sites: [], unitSites: [], seat: null, boundary: yongnian, previous: [] }), []);
});

test("location: an old photo in the slot does not hide a jump; every position of the day counts in time order", () => {
  const noon = at("2026-11-20", "12:00");
  // The author was at the seat at 11:57 (an earlier report); this report comes from 刘营 at 12:00 with a photo of 2025.
  const oldPhoto: Fix = { ...HANDAN, at: at("2025-06-01", "10:00"), source: "PHOTO", slotId: "s", photoId: "old", timely: false };
  const found = detectLocation({ slot: "NOON", fixes: [oldPhoto, fix(LIUYING, noon)], sites: [], previous: [fix(SEAT, at("2026-11-20", "11:57"), "before")] });
  const fast = found.find((f) => f.reason === "TOO_FAST");
  assert.ok(fast && fast.reason === "TOO_FAST" && fast.from.slotId === "before" && fast.to.slotId === "s" && fast.kmh > 120);
  // Positions of the day in time order: seat 09:00, 刘营 11:00 (another report), seat 11:03 — the jump back is this report's.
  const day = detectLocation({
    slot: "NOON",
    fixes: [fix(SEAT, at("2026-11-20", "11:03"))],
    sites: [],
    previous: [fix(SEAT, at("2026-11-20", "09:00"), "a"), fix(LIUYING, at("2026-11-20", "11:00"), "b")],
  });
  assert.ok(day[0]?.reason === "TOO_FAST" && day[0].from.slotId === "b");
  // A jump between two other reports is not this report's flag.
  assert.deepEqual(
    detectLocation({
      slot: "NOON",
      fixes: [fix(LIUYING, at("2026-11-20", "15:00"))],
      sites: [],
      previous: [fix(SEAT, at("2026-11-20", "09:00"), "a"), fix(LIUYING, at("2026-11-20", "09:02"), "b")],
    }),
    [],
  );
});

test("the photo match in words: what was done to the original", () => {
  assert.equal(
    describePhotoMatch({ correlation: 0.99, minCorrelation: 0.97, orientation: 1, crop: [0.12, 0, 0, 0.05], holder: "EARLIER" }),
    "左右镜像，裁去左 12%、下 5%",
  );
  assert.equal(
    describePhotoMatch({ correlation: 0.99, minCorrelation: 0.97, orientation: 0, crop: [0, 0, 0, 0], holder: "EARLIER" }),
    "未改动构图（可能重新压缩、缩放、调色或加了水印）",
  );
  assert.match(
    describePhotoMatch({ correlation: 0.99, minCorrelation: 0.97, orientation: 2, crop: [0, 0.3, 0, 0.3], holder: "LATER" }),
    /^旋转 180°，原图被放进更大的画面/,
  );
});
