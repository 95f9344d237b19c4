/**
 * Precision and recall of the recycled-photo and copied-text checks.
 *
 *   npx tsx bench/anomaly-accuracy.ts            # both sets (a few minutes)
 *   npx tsx bench/anomaly-accuracy.ts --quick    # the seeded set only
 *
 * 1. The seeded labelled set: a fresh SQLite file seeded like the demo
 *    (prisma/seed/supervision-evidence.ts labels which photos are recycled and
 *    which texts copied); the flags the seed's anomaly run wrote are scored,
 *    and the detectors re-run at other thresholds.
 * 2. A larger generated set: 200 photos (site shots, second shots of the same
 *    sites on other days as hard negatives, and recycled copies) scored pair by
 *    pair; 500 texts (narratives, a unit's own daily reports on the same site,
 *    templated reports, and light/medium/heavy copies) scored as the runner
 *    does (each text against the earlier ones), with plain (unweighted)
 *    Jaccard beside it for comparison.
 *
 * Prints tables; writes bench/results/anomaly-accuracy.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hammingDistance } from "@/lib/photos/dhash";
import { processPhoto } from "@/lib/photos/process";
import {
  COPIED_TEXT_RULES,
  detectCopiedText,
  shingleReport,
  phrasingStats,
  type PhrasingStats,
  type ShingledReport,
  type TextReport,
} from "@/lib/supervision/anomalies/copied-text";
import { RECYCLED_PHOTO_RULES, detectRecycledPhotos, type HashedPhoto } from "@/lib/supervision/anomalies/recycled-photo";
import { createTestDb } from "@/lib/testing/test-db";
import { addDays, districtInstant, districtToday } from "@/lib/time";
import { seed } from "@/prisma/seed";
import { type CopyLevel, TOPICS, type Topic, copyWithEdits, writeNarrative } from "@/prisma/seed/narratives";
import { RECYCLE_TRANSFORMS, type RecycleTransform, recycle, renderShot, shotFor, siteFor } from "@/prisma/seed/photo-scenes";
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

const PHOTO_THRESHOLDS = [4, 6, 8, 10, 12, 14];
const TEXT_THRESHOLDS = [0.3, 0.4, 0.45, 0.5, 0.6, 0.7];
/** Every shingle weighs the same: plain Jaccard, for comparison. */
const UNWEIGHTED: PhrasingStats = { units: 1, unitsUsing: new Map() };
const results: Record<string, unknown> = {
  chosen: { recycledPhotoMaxDistance: RECYCLED_PHOTO_RULES.maxDistance, copiedTextThreshold: COPIED_TEXT_RULES.threshold },
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
      select: {
        id: true,
        storageKey: true,
        dHash: true,
        slotId: true,
        createdAt: true,
        slot: { select: { cardId: true, card: { select: { unitId: true } } } },
      },
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

    const hashed: HashedPhoto[] = photos.map((p) => ({
      photoId: p.id,
      slotId: p.slotId!,
      cardId: p.slot!.cardId,
      unitId: p.slot!.card.unitId,
      addedAt: p.createdAt,
      dHash: p.dHash!,
    }));
    const photoRows = PHOTO_THRESHOLDS.map((maxDistance) => {
      const s: Score = { tp: 0, fp: 0, fn: 0 };
      const found = new Set<string>();
      for (const f of detectRecycledPhotos(hashed, hashed, { ...RECYCLED_PHOTO_RULES, maxDistance })) {
        if (truth.get(f.photoId) === f.original.photoId) {
          s.tp++;
          found.add(f.photoId);
        } else s.fp++;
      }
      s.fn = truth.size - found.size;
      return [
        maxDistance === RECYCLED_PHOTO_RULES.maxDistance ? `≤ ${maxDistance} (chosen)` : `≤ ${maxDistance}`,
        s.tp,
        s.fp,
        s.fn,
        pct(precision(s)),
        pct(recall(s)),
      ];
    });
    table(
      `Seeded set — recycled photos (${photos.length} photos, ${truth.size} recycled). Flags the seed wrote: precision ${pct(precision(stored))}, recall ${pct(recall(stored))}.`,
      ["Hamming", "TP", "FP", "FN", "precision", "recall"],
      photoRows,
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

async function generatedPhotos(): Promise<void> {
  const rng = rngFor("bench-photos");
  type Item = { id: number; origin: number; site: number; transform: RecycleTransform | null; hash: string };
  const items: Item[] = [];
  const originals: Buffer[] = [];
  const add = async (image: Buffer, origin: number, site: number, transform: RecycleTransform | null) => {
    // Hashed as stored: after processPhoto's re-encoding.
    const processed = await processPhoto(image);
    items.push({ id: items.length, origin, site, transform, hash: processed.dHash });
  };
  const started = performance.now();
  // 60 sites photographed on two days (the second shot is a hard negative), 40 sites once.
  for (let site = 0; site < 100; site++) {
    const shots = site < 60 ? 2 : 1;
    for (let k = 0; k < shots; k++) {
      const image = await renderShot(siteFor("bench", site), shotFor(rng));
      originals.push(image);
      await add(image, originals.length - 1, site, null);
    }
  }
  // 40 recycled copies, 8 per transform.
  for (let i = 0; i < 40; i++) {
    const transform = RECYCLE_TRANSFORMS[i % RECYCLE_TRANSFORMS.length];
    const origin = rng.int(0, originals.length - 1);
    const source = items.find((x) => x.origin === origin && x.transform === null)!;
    await add(await recycle(originals[origin], transform, rng), origin, source.site, transform);
  }
  console.log(`\nGenerated ${items.length} photos in ${((performance.now() - started) / 1000).toFixed(0)} s.`);

  const pairs: { distance: number; same: boolean; sameSite: boolean; transform: RecycleTransform | null }[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      pairs.push({
        distance: hammingDistance(a.hash, b.hash),
        same: a.origin === b.origin,
        sameSite: a.site === b.site && a.origin !== b.origin,
        transform: a.transform ?? b.transform,
      });
    }
  }
  const positives = pairs.filter((p) => p.same).length;
  const rows = PHOTO_THRESHOLDS.map((t) => {
    const s: Score = { tp: 0, fp: 0, fn: 0 };
    let sameSiteFp = 0;
    for (const p of pairs) {
      const flagged = p.distance <= t;
      if (flagged && p.same) s.tp++;
      else if (flagged) {
        s.fp++;
        if (p.sameSite) sameSiteFp++;
      } else if (p.same) s.fn++;
    }
    const byTransform = RECYCLE_TRANSFORMS.map((tr) => {
      const mine = pairs.filter((p) => p.same && p.transform === tr);
      return pct(mine.filter((p) => p.distance <= t).length / mine.length);
    });
    return [
      t === RECYCLED_PHOTO_RULES.maxDistance ? `≤ ${t} (chosen)` : `≤ ${t}`,
      s.tp,
      s.fp,
      sameSiteFp,
      s.fn,
      pct(precision(s)),
      pct(recall(s)),
      ...byTransform,
    ];
  });
  table(
    `Generated set — recycled photos: ${items.length} photos, ${pairs.length} pairs, ${positives} recycled pairs; ${pairs.filter((p) => p.sameSite).length} pairs are two shots of one site.`,
    ["Hamming", "TP", "FP", "of which same site", "FN", "precision", "recall", ...RECYCLE_TRANSFORMS.map((t) => `recall ${t}`)],
    rows,
  );
  results.generatedPhotos = { photos: items.length, pairs: pairs.length, positives, rows };
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
  await seededSet();
  if (!quick) {
    await generatedPhotos();
    generatedTexts();
  }
  fs.mkdirSync("bench/results", { recursive: true });
  fs.writeFileSync("bench/results/anomaly-accuracy.json", JSON.stringify(results, null, 2));
  console.log("\nWritten to bench/results/anomaly-accuracy.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
