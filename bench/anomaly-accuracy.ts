/**
 * Precision and recall of the recycled-photo and copied-text checks.
 *
 *   npx tsx bench/anomaly-accuracy.ts            # both sets (a few minutes)
 *   npx tsx bench/anomaly-accuracy.ts --quick    # the seeded set only
 *   npx tsx bench/anomaly-accuracy.ts --only=photos|texts|seeded
 *
 * 1. The seeded labelled set: a fresh SQLite file seeded like the demo
 *    (prisma/seed/supervision-evidence.ts labels which photos are recycled and
 *    which texts copied); the flags the seed's anomaly run wrote are scored,
 *    and the detectors re-run at other thresholds.
 * 2. A larger generated set of photos, checked as the runner checks them (the
 *    index's rule, then the fine comparison), each photo against every photo
 *    before it: originals, hard negatives (a second shot of the same site on
 *    another day: the camera moved, with parallax, other light, clouds,
 *    machines and piles moved; the same kind of work at other sites) and
 *    copies made by every transformation (re-encoded, resized, brightened,
 *    watermarked, cropped ≤ 8 % and ≤ 20 %, mirrored, rotated 90° and 180°,
 *    screenshots); precision and recall per transformation, beside the rule
 *    before issue 18 (whole-image dHash within 6 bits). 500 texts (narratives, a unit's own daily reports on the same site,
 *    templated reports, and light/medium/heavy copies) scored as the runner
 *    does (each text against the earlier ones), with plain (unweighted)
 *    Jaccard beside it for comparison.
 *
 * Prints tables; writes bench/results/anomaly-accuracy.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { greyOf, hammingDistance, hashesOfGrey } from "@/lib/photos/dhash";
import { processPhoto } from "@/lib/photos/process";
import { PHOTO_INDEX_RULES, isFoundBy, pickForVerification, probeBandValues } from "@/lib/supervision/anomalies/photo-index";
import { PHOTO_MATCH_RULES, coarseCorrelation, comparePhotos, isSamePhoto, preparePhoto } from "@/lib/supervision/anomalies/photo-match";
import {
  COPIED_TEXT_RULES,
  detectCopiedText,
  shingleReport,
  phrasingStats,
  type PhrasingStats,
  type ShingledReport,
  type TextReport,
} from "@/lib/supervision/anomalies/copied-text";
import { createTestDb } from "@/lib/testing/test-db";
import { addDays, districtInstant, districtToday } from "@/lib/time";
import { seed } from "@/prisma/seed";
import { type CopyLevel, TOPICS, type Topic, copyWithEdits, writeNarrative } from "@/prisma/seed/narratives";
import { RECYCLE_LABELS, RECYCLE_TRANSFORMS, type RecycleTransform, recycle, renderShot, shotFor, siteFor } from "@/prisma/seed/photo-scenes";
import { rngFor } from "@/prisma/seed/rng";
import { COPIED_TEXTS, EVIDENCE_UNITS, RECYCLED_PHOTOS, evidenceDate, evidencePhotoKey } from "@/prisma/seed/supervision-evidence";
import { FREE_ITEMS, NOON_GENERIC } from "@/prisma/seed/task-templates";

type Score = { tp: number; fp: number; fn: number };
const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function table(title: string, header: string[], rows: (string | number)[][]): void {
  console.log(`\n${title}`);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

const TEXT_THRESHOLDS = [0.3, 0.4, 0.45, 0.5, 0.6, 0.7];
/** Every shingle weighs the same: plain Jaccard, for comparison. */
const UNWEIGHTED: PhrasingStats = { units: 1, unitsUsing: new Map() };
const results: Record<string, unknown> = {
  chosen: { photoMinCorrelation: PHOTO_MATCH_RULES.minCorrelation, photoIndex: PHOTO_INDEX_RULES, copiedTextThreshold: COPIED_TEXT_RULES.threshold },
};

// ── 1. The seeded labelled set ──────────────────────────────────────────────

async function seededSet(): Promise<void> {
  const t = await createTestDb();
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), "shaitai-bench-photos-"));
  try {
    const today = districtToday();
    const now = districtInstant(today, "15:00");
    const yesterday = addDays(today, -1);
    const started = performance.now();
    await seed(t.db, { now, photoDir });
    console.log(`Seeded a fresh database in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
    const units = await t.db.unit.findMany({ where: { name: { in: Object.keys(EVIDENCE_UNITS) } }, select: { name: true, code: true } });
    const codeOf = new Map(units.map((u) => [u.name, u.code]));
    const keyOf = (ref: { unit: string; day: number }) => evidencePhotoKey(codeOf.get(ref.unit)!, evidenceDate(yesterday, ref.day));

    // Photos.
    const photos = await t.db.photo.findMany({
      where: { storageKey: { startsWith: "seed/evidence/" } },
      select: { id: true, storageKey: true, slotId: true },
    });
    const idByKey = new Map(photos.map((p) => [p.storageKey, p.id]));
    const truth = new Map<string, string>(); // recycled photo id → its source photo id
    for (const r of RECYCLED_PHOTOS) {
      const target = idByKey.get(keyOf(r.target));
      const source = idByKey.get(keyOf(r.source));
      if (target && source) truth.set(target, source);
    }
    const flags = await t.db.anomaly.findMany({ where: { kind: "RECYCLED_PHOTO" }, select: { photoId: true, evidence: true } });
    const stored: Score = { tp: 0, fp: 0, fn: 0 };
    const hit = new Set<string>();
    for (const f of flags) {
      const related = (JSON.parse(f.evidence) as { relatedPhotoId: string }).relatedPhotoId;
      if (f.photoId && truth.get(f.photoId) === related) {
        stored.tp++;
        hit.add(f.photoId);
      } else stored.fp++;
    }
    stored.fn = truth.size - hit.size;

    const byTransform = RECYCLED_PHOTOS.map((r) => {
      const target = idByKey.get(keyOf(r.target));
      return [RECYCLE_LABELS[r.transform], hit.has(target ?? "") ? "caught" : "missed"];
    });
    table(
      `Seeded set — recycled photos (${photos.length} photos, ${truth.size} recycled). Flags the seed's run wrote: ${stored.tp} right, ${stored.fp} false, ${stored.fn} missed — precision ${pct(precision(stored))}, recall ${pct(recall(stored))}.`,
      ["copy", "flag"],
      byTransform,
    );

    // Texts: the evidence reports against every report of the window, as the runner does.
    const slotOfKey = new Map(photos.map((p) => [p.storageKey, p.slotId!]));
    const textTruth = new Map<string, string>();
    for (const c of COPIED_TEXTS) {
      const target = slotOfKey.get(keyOf(c.target));
      const source = slotOfKey.get(keyOf(c.source));
      if (target && source) textTruth.set(target, source);
    }
    const textFlags = await t.db.anomaly.findMany({ where: { kind: "COPIED_TEXT" }, select: { slotId: true, relatedSlotId: true } });
    const storedText: Score = { tp: 0, fp: 0, fn: 0 };
    for (const f of textFlags) {
      if (textTruth.get(f.slotId) === f.relatedSlotId) storedText.tp++;
      else storedText.fp++;
    }
    storedText.fn = textTruth.size - storedText.tp;

    const cards = await t.db.reportCard.findMany({
      where: { date: { gte: addDays(yesterday, -COPIED_TEXT_RULES.windowDays) } },
      select: {
        id: true,
        unitId: true,
        date: true,
        unit: { select: { name: true } },
        items: { select: { text: true } },
        slots: { select: { id: true, slot: true, text: true, submittedAt: true } },
      },
    });
    const corpus = cards.flatMap((c) =>
      c.slots.map((s) =>
        shingleReport({
          slotId: s.id,
          cardId: c.id,
          unitId: c.unitId,
          unitName: c.unit.name,
          date: c.date,
          slot: s.slot,
          version: 1,
          versionId: null,
          addedAt: s.submittedAt,
          text: s.text,
          itemTexts: c.items.map((i) => i.text),
        }),
      ),
    );
    const checked = new Set(slotOfKey.values());
    const subjects = corpus.filter((r) => checked.has(r.slotId));
    const stats = phrasingStats(corpus);
    const textRows = TEXT_THRESHOLDS.map((threshold) => {
      const s = scoreTexts(subjects, corpus, stats, textTruth, threshold);
      return [threshold === COPIED_TEXT_RULES.threshold ? `≥ ${threshold} (chosen)` : `≥ ${threshold}`, s.tp, s.fp, s.fn, pct(precision(s)), pct(recall(s))];
    });
    table(
      `Seeded set — copied text (${subjects.length} evidence reports against ${corpus.length} reports of the window, ${textTruth.size} copied). Flags the seed wrote: precision ${pct(precision(storedText))}, recall ${pct(recall(storedText))}.`,
      ["weighted Jaccard", "TP", "FP", "FN", "precision", "recall"],
      textRows,
    );
    results.seeded = {
      photos: { count: photos.length, recycled: truth.size, stored },
      texts: { count: subjects.length, corpus: corpus.length, copied: textTruth.size, stored: storedText },
    };
  } finally {
    await t.cleanup();
    fs.rmSync(photoDir, { recursive: true, force: true });
  }
}

/** Scores the copied-text detector: a flag is right when it points at the labelled source. */
function scoreTexts(subjects: ShingledReport[], corpus: ShingledReport[], stats: PhrasingStats, truth: Map<string, string>, threshold: number): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0 };
  const found = new Set<string>();
  for (const subject of subjects) {
    // One flag per text, naming the earliest match (run.ts); the other matches are only listed.
    for (const f of detectCopiedText(subject, corpus, stats, { ...COPIED_TEXT_RULES, threshold }).slice(0, 1)) {
      if (truth.get(subject.slotId) === f.relatedSlotId) {
        s.tp++;
        found.add(subject.slotId);
      } else s.fp++;
    }
  }
  s.fn = truth.size - found.size;
  return s;
}

// ── 2. The larger generated set ─────────────────────────────────────────────

/** The whole-image dHash as it was before issue 18 (sharp's 9×8 resize, no dead zone), for the "before" column. */
async function oldDHash(image: Buffer): Promise<string> {
  const { data } = await sharp(image).rotate().greyscale().resize(9, 8, { fit: "fill" }).raw().toBuffer({ resolveWithObject: true });
  let bits = 0n;
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits = (bits << 1n) | (data[y * 9 + x] > data[y * 9 + x + 1] ? 1n : 0n);
  return bits.toString(16).padStart(16, "0");
}

type Kind = "original" | "same site, another day" | RecycleTransform;

async function generatedPhotos(): Promise<void> {
  const rng = rngFor("bench-photos-18");
  const SITES = 60;
  const COPIES_PER_TRANSFORM = Number(process.argv.find((a) => a.startsWith("--copies="))?.slice("--copies=".length) ?? 20);
  type Item = { id: number; kind: Kind; site: number; source: number | null; old: string; seen: Awaited<ReturnType<typeof see>> };
  const see = async (thumb: Buffer) => {
    const grey = await greyOf(thumb);
    return { hashes: hashesOfGrey(grey), prepared: preparePhoto(grey) };
  };
  const items: Item[] = [];
  const originals: Buffer[] = [];
  const add = async (image: Buffer, kind: Kind, site: number, source: number | null) => {
    // Stored as an upload is: re-encoded by processPhoto; the checks read the thumbnail back.
    const processed = await processPhoto(image);
    items.push({ id: items.length, kind, site, source, old: await oldDHash(processed.full), seen: await see(processed.thumb) });
  };
  const started = performance.now();
  // 60 sites of the same kinds of work (the same generator), each shot once; 40 of them again on another day.
  for (let site = 0; site < SITES; site++) {
    const image = await renderShot(siteFor("bench-18", site), shotFor(rng));
    originals.push(image);
    await add(image, "original", site, null);
  }
  for (let site = 0; site < 40; site++) await add(await renderShot(siteFor("bench-18", site), shotFor(rng)), "same site, another day", site, null);
  for (const transform of RECYCLE_TRANSFORMS) {
    for (let i = 0; i < COPIES_PER_TRANSFORM; i++) {
      const source = rng.int(0, SITES - 1);
      await add(await recycle(originals[source], transform, rng), transform, source, source);
    }
  }
  console.log(`\nGenerated ${items.length} photos in ${((performance.now() - started) / 1000).toFixed(0)} s.`);

  // Each photo against every photo before it, as the runner does (the index's rule, then the fine comparison).
  const t0 = performance.now();
  let candidatesTotal = 0;
  let compared = 0;
  const flagged = new Map<number, number[]>(); // item → the earlier items it was confirmed against
  const misses: (string | number)[][] = [];
  const previousFlagged = new Map<number, number[]>();
  const oldFlagged = new Map<number, number[]>();
  for (const item of items) {
    const values = probeBandValues(item.seen.hashes.probes);
    const candidates: { other: Item; distance: number }[] = [];
    for (const other of items.slice(0, item.id)) {
      if (!other.seen.hashes.index.some((h) => isFoundBy(values, h))) continue;
      let distance = 64;
      for (const probe of item.seen.hashes.probes) for (const h of other.seen.hashes.index) distance = Math.min(distance, hammingDistance(probe, h));
      if (distance <= PHOTO_INDEX_RULES.maxDistance) candidates.push({ other, distance });
    }
    candidates.sort((a, b) => a.distance - b.distance || a.other.id - b.other.id);
    candidatesTotal += candidates.length;
    const confirmed: number[] = [];
    const picked = pickForVerification(
      candidates.map((c) => ({ photoId: String(c.other.id), distance: c.distance, other: c.other })),
      (c) => coarseCorrelation(c.other.seen.prepared, item.seen.prepared),
    );
    const fineOf = new Map<number, boolean>();
    const same = (other: Item) => {
      if (!fineOf.has(other.id)) {
        compared++;
        fineOf.set(other.id, isSamePhoto(comparePhotos(other.seen.prepared, item.seen.prepared)));
      }
      return fineOf.get(other.id)!;
    };
    for (const { other } of picked) if (same(other)) confirmed.push(other.id);
    flagged.set(item.id, confirmed);
    // The rule of the first version of the index (before the coarse ranking): the nearest 12 within 16 bits.
    previousFlagged.set(
      item.id,
      candidates
        .filter((c) => c.distance <= 16)
        .slice(0, 12)
        .filter((c) => same(c.other))
        .map((c) => c.other.id),
    );
    if (item.source !== null && !confirmed.includes(item.source)) {
      // Why a copy was missed: which stage lost its source.
      const at = candidates.findIndex((c) => c.other.id === item.source);
      const fine = comparePhotos(items[item.source].seen.prepared, item.seen.prepared).correlation;
      const why =
        at < 0
          ? "first stage: not a candidate"
          : !picked.some((p) => p.other.id === item.source)
            ? `not picked (candidate ${at + 1} of ${candidates.length}, ${candidates[at].distance} bits)`
            : `fine comparison ${fine}`;
      misses.push([`${item.kind} #${item.id}`, why, confirmed.some((h) => items[h].source === item.source) ? "yes" : "no", fine]);
    }
    oldFlagged.set(
      item.id,
      items
        .slice(0, item.id)
        .filter((o) => hammingDistance(o.old, item.old) <= 6)
        .map((o) => o.id),
    );
  }
  const seconds = (performance.now() - t0) / 1000;

  const rowFor = (kind: Kind, found: Map<number, number[]>) => {
    const mine = items.filter((i) => i.kind === kind);
    const s: Score = { tp: 0, fp: 0, fn: 0 };
    for (const item of mine) {
      const hits = found.get(item.id) ?? [];
      const right = item.source !== null && hits.includes(item.source);
      if (right) s.tp++;
      else if (item.source !== null) s.fn++;
      // A flag naming anything but the source (a copy's source may itself have copies: those count as right too).
      s.fp += hits.filter((h) => !(item.source !== null && (h === item.source || items[h].source === item.source))).length > 0 ? 1 : 0;
    }
    return { count: mine.length, s };
  };
  const kinds: Kind[] = ["original", "same site, another day", ...RECYCLE_TRANSFORMS];
  const rows = kinds.map((kind) => {
    const now = rowFor(kind, flagged);
    const before = rowFor(kind, oldFlagged);
    const previous = rowFor(kind, previousFlagged);
    const isCopy = kind !== "original" && kind !== "same site, another day";
    return [
      isCopy ? `${kind} (${RECYCLE_LABELS[kind as RecycleTransform]})` : kind,
      now.count,
      isCopy ? `${now.s.tp}/${now.count}` : "—",
      isCopy ? pct(recall(now.s)) : "—",
      now.s.fp,
      isCopy ? pct(precision(now.s)) : "—",
      isCopy ? `${pct(recall(previous.s))} (${previous.s.fp} false)` : `${previous.s.fp} false`,
      isCopy ? pct(recall(before.s)) : "—",
      before.s.fp,
    ];
  });
  const copies = items.filter((i) => i.source !== null);
  const all = (found: Map<number, number[]>) => {
    const s: Score = { tp: 0, fp: 0, fn: 0 };
    for (const kind of kinds) {
      const r = rowFor(kind, found).s;
      s.tp += r.tp;
      s.fp += r.fp;
      s.fn += r.fn;
    }
    return s;
  };
  table(
    `Generated set — recycled photos: ${items.length} photos (${SITES} sites, 40 shot again on another day, ${copies.length} copies); each checked against every photo before it. ` +
      `First stage: ${(candidatesTotal / items.length).toFixed(1)} candidates a photo, ${compared} fine comparisons in ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, compared)).toFixed(0)} ms each, on this loaded machine).`,
    [
      "photos",
      "n",
      "caught",
      "recall",
      "false flags",
      "precision",
      "recall with the nearest 12 within 16 bits (previous rule)",
      "recall before (dHash ≤ 6)",
      "false flags before",
    ],
    [
      ...rows,
      [
        "all",
        items.length,
        `${all(flagged).tp}/${copies.length}`,
        pct(recall(all(flagged))),
        all(flagged).fp,
        pct(precision(all(flagged))),
        `${pct(recall(all(previousFlagged)))} (${all(previousFlagged).fp} false)`,
        pct(recall(all(oldFlagged))),
        all(oldFlagged).fp,
      ],
    ],
  );
  table(
    "Copies whose source was not confirmed",
    ["copy", "where it was lost", "flagged against another copy of its source", "fine correlation with the source"],
    misses,
  );
  results.generatedPhotos = {
    misses,
    photos: items.length,
    copies: copies.length,
    candidatesPerPhoto: candidatesTotal / items.length,
    compared,
    seconds,
    rows,
  };
}

function generatedTexts(): void {
  const rng = rngFor("bench-texts");
  const units = Array.from({ length: 30 }, (_, i) => ({
    id: `u${i}`,
    name: `第${i + 1}镇`,
    topic: TOPICS[i % TOPICS.length] as Topic,
    place: `${"东西南北中"[i % 5]}${"关营庄店寨堡"[i % 6]}村项目现场`,
  }));
  const base = districtInstant("2026-10-01", "12:00").getTime();
  const reports: TextReport[] = [];
  const origin = new Map<string, { level: CopyLevel | null; source: string | null }>();
  const push = (unit: (typeof units)[number], day: number, text: string, level: CopyLevel | null, source: string | null) => {
    const slotId = `t${reports.length}`;
    reports.push({
      slotId,
      cardId: `c-${unit.id}-${day}`,
      unitId: unit.id,
      unitName: unit.name,
      date: addDays("2026-10-01", day),
      slot: "NOON",
      version: 1,
      versionId: null,
      addedAt: new Date(base + day * 86_400_000 + reports.length * 1000),
      text,
      itemTexts: [],
    });
    origin.set(slotId, { level, source });
  };
  // 300 narratives: each unit writes ten days about its own site (the unit's own reports are hard negatives for each other).
  for (let day = 0; day < 10; day++) for (const u of units) push(u, day, writeNarrative(rng, { topic: u.topic, place: u.place }), null, null);
  // 100 templated reports, stock phrasing only.
  for (let i = 0; i < 100; i++) {
    const u = units[i % units.length];
    const items = rng.sample([...FREE_ITEMS.TOWN, ...FREE_ITEMS.DEPARTMENT], rng.int(2, 3));
    push(u, 10 + (i % 5), `${u.name}今日主要工作：${items.map((it) => `${it},${rng.pick(NOON_GENERIC).replace("{pct}", "五成")}`).join(";")}。`, null, null);
  }
  // 100 copies: 40 light, 40 medium, 20 heavy; four in five from another unit.
  const narratives = reports.slice(0, 300);
  for (let i = 0; i < 100; i++) {
    const level: CopyLevel = i < 40 ? "light" : i < 80 ? "medium" : "heavy";
    const source = rng.pick(narratives);
    const sourceUnit = units.find((u) => u.id === source.unitId)!;
    const unit = rng.chance(0.8) ? rng.pick(units.filter((u) => u.id !== sourceUnit.id)) : sourceUnit;
    const text = copyWithEdits(rng, source.text, level, { from: [sourceUnit.place], to: [unit.place] }, { topic: unit.topic, place: unit.place });
    push(unit, 15 + (i % 5), text, level, source.slotId);
  }
  const shingled = reports.map(shingleReport);
  const truth = new Map([...origin.entries()].flatMap(([id, o]) => (o.source ? [[id, o.source] as [string, string]] : [])));
  const stats = phrasingStats(shingled);
  const rows = TEXT_THRESHOLDS.map((threshold) => {
    const s = scoreTexts(shingled, shingled, stats, truth, threshold);
    const plain = scoreTexts(shingled, shingled, UNWEIGHTED, truth, threshold);
    const byLevel = (["light", "medium", "heavy"] as CopyLevel[]).map((level) => {
      const targets = shingled.filter((r) => origin.get(r.slotId)?.level === level);
      const found = targets.filter((r) => detectCopiedText(r, shingled, stats, { ...COPIED_TEXT_RULES, threshold })[0]?.relatedSlotId === truth.get(r.slotId));
      return pct(found.length / targets.length);
    });
    return [
      threshold === COPIED_TEXT_RULES.threshold ? `≥ ${threshold} (chosen)` : `≥ ${threshold}`,
      s.tp,
      s.fp,
      s.fn,
      pct(precision(s)),
      pct(recall(s)),
      ...byLevel,
      `${pct(precision(plain))} / ${pct(recall(plain))}`,
    ];
  });
  table(
    `Generated set — copied text: ${reports.length} texts (300 narratives by 30 units over 10 days, 100 templated, 100 copies: 40 light, 40 medium, 20 heavy paraphrases).`,
    ["weighted Jaccard", "TP", "FP", "FN", "precision", "recall", "recall light", "recall medium", "recall heavy", "plain Jaccard: precision / recall"],
    rows,
  );
  results.generatedTexts = { texts: reports.length, copies: truth.size, rows };
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
  if (!only || only === "seeded") await seededSet();
  if (!quick && (!only || only === "photos")) await generatedPhotos();
  if (!quick && (!only || only === "texts")) generatedTexts();
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync(`bench/results/anomaly-accuracy${only ? `-${only}` : ""}.json`, JSON.stringify(results, null, 2));
  console.log("\nWritten to bench/results/.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
