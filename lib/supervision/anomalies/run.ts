/**
 * Runs the anomaly checks on submitted report slots and keeps their flags.
 *
 * Each flag is a sign for a human (the office), never a penalty. Re-running is
 * safe: a flag found again is refreshed while it is open, a reviewed one
 * (dismissed or confirmed) keeps the reviewer's decision and is not raised
 * again, and an open flag whose sign is gone (after a correction) is removed.
 */
import type { Db } from "@/lib/db-client";
import type { AnomalyKind } from "@/lib/generated/prisma/enums";
import { currentVersionId } from "@/lib/reports/versions";
import { COPIED_TEXT_RULES, detectCopiedText, phrasingStats, shingleReport, type ShingledReport } from "@/lib/supervision/anomalies/copied-text";
import type { CopiedTextEvidence, ExifTimeEvidence, LocationEvidence, RecycledPhotoEvidence, RelatedReport } from "@/lib/supervision/anomalies/evidence";
import { EXIF_TIME_RULES, detectExifTime } from "@/lib/supervision/anomalies/exif-time";
import { LOCATION_RULES, detectLocation, type Fix, type Site } from "@/lib/supervision/anomalies/location";
import { RECYCLED_PHOTO_RULES, detectRecycledPhotos, type HashedPhoto } from "@/lib/supervision/anomalies/recycled-photo";
import { highlightRanges } from "@/lib/supervision/text-similarity";
import { addDays } from "@/lib/time";

type Flag = {
  kind: AnomalyKind;
  score: number;
  evidence: unknown;
  relatedSlotId: string | null;
  photoId: string | null;
  /** tells apart two flags of one kind on the same slot, photo and related slot */
  reason: string;
};

export type CheckResult = { slotId: string; flags: number; created: number; removed: number };

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Checks one submitted slot (the submission path calls this). */
export async function runAnomalyChecks(db: Db, slotId: string): Promise<CheckResult> {
  const [result] = await runAnomalyChecksFor(db, [slotId]);
  if (!result) throw new Error(`runAnomalyChecks: no slot ${slotId}`);
  return result;
}

/** Checks several slots, loading the comparison corpus once. */
export async function runAnomalyChecksFor(db: Db, slotIds: readonly string[]): Promise<CheckResult[]> {
  const subjects = await db.reportSlot.findMany({
    where: { id: { in: [...slotIds] } },
    select: {
      id: true,
      cardId: true,
      slot: true,
      text: true,
      place: true,
      lat: true,
      lng: true,
      submittedAt: true,
      authorId: true,
      card: {
        select: {
          unitId: true,
          date: true,
          unit: { select: { name: true } },
          items: { select: { text: true, task: { select: { id: true, title: true, requiresPhoto: true, sitePlace: true, siteLat: true, siteLng: true } } } },
        },
      },
      photos: { orderBy: { sortOrder: "asc" }, select: { id: true, dHash: true, exifTakenAt: true, exifLat: true, exifLng: true } },
    },
  });
  if (subjects.length === 0) return [];

  const dates = subjects.map((s) => s.card.date).sort();
  const latest = subjects.reduce((max, s) => (s.submittedAt > max ? s.submittedAt : max), subjects[0].submittedAt);
  const unitNames = new Map((await db.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const [photoCorpus, textCorpus] = await Promise.all([
    loadPhotoCorpus(db, unitNames, addDays(dates[0], -RECYCLED_PHOTO_RULES.windowDays), dates[dates.length - 1], latest),
    loadTextCorpus(db, unitNames, addDays(dates[0], -COPIED_TEXT_RULES.windowDays), dates[dates.length - 1], [...new Set(subjects.map((s) => s.card.unitId))]),
  ]);
  const phrasing = phrasingStats(textCorpus.reports);
  const flagsBySlot = new Map<string, Flag[]>();

  for (const subject of subjects) {
    const flags: Flag[] = [];
    const unitId = subject.card.unitId;
    const submittedAt = subject.submittedAt;

    // Recycled photos.
    const hashed: HashedPhoto[] = subject.photos.flatMap((p) => (p.dHash ? [{ photoId: p.id, slotId: subject.id, cardId: subject.cardId, unitId, submittedAt, dHash: p.dHash }] : []));
    const photoWindow = addDays(subject.card.date, -RECYCLED_PHOTO_RULES.windowDays);
    const earlierPhotos = photoCorpus.filter((p) => p.date >= photoWindow);
    for (const f of detectRecycledPhotos(hashed, earlierPhotos)) {
      const related = photoCorpus.find((p) => p.photoId === f.relatedPhotoId)!.report;
      const evidence: RecycledPhotoEvidence = {
        distance: f.distance,
        maxDistance: RECYCLED_PHOTO_RULES.maxDistance,
        sameUnit: f.sameUnit,
        photoId: f.photoId,
        relatedPhotoId: f.relatedPhotoId,
        related,
      };
      flags.push({ kind: "RECYCLED_PHOTO", score: round2(1 - f.distance / (RECYCLED_PHOTO_RULES.maxDistance + 1)), evidence, relatedSlotId: f.relatedSlotId, photoId: f.photoId, reason: "" });
    }

    // Copied text.
    const me = shingleReport({
      slotId: subject.id,
      cardId: subject.cardId,
      unitId,
      unitName: subject.card.unit.name,
      date: subject.card.date,
      slot: subject.slot,
      submittedAt,
      text: subject.text,
      itemTexts: subject.card.items.map((i) => i.text),
    });
    const textWindow = addDays(subject.card.date, -COPIED_TEXT_RULES.windowDays);
    const earlierTexts = textCorpus.reports.filter((r) => r.date >= textWindow);
    for (const f of detectCopiedText(me, earlierTexts, phrasing)) {
      const other = textCorpus.bySlot.get(f.relatedSlotId)!;
      const evidence: CopiedTextEvidence = {
        similarity: round2(f.similarity),
        threshold: COPIED_TEXT_RULES.threshold,
        sameUnit: f.sameUnit,
        text: subject.text,
        highlights: highlightRanges(subject.text, f.shared, [me.unitName]),
        relatedText: other.text,
        relatedHighlights: highlightRanges(other.text, f.shared, [other.unitName]),
        related: { slotId: other.slotId, unitId: other.unitId, unitName: other.unitName, date: other.date, slot: other.slot, submittedAt: other.submittedAt.toISOString() },
      };
      flags.push({ kind: "COPIED_TEXT", score: round2(f.similarity), evidence, relatedSlotId: f.relatedSlotId, photoId: null, reason: "" });
    }

    // Photo time.
    const photoTasks = [...new Set(subject.card.items.flatMap((i) => (i.task?.requiresPhoto ? [i.task.title] : [])))];
    for (const f of detectExifTime({ slot: subject.slot, submittedAt, photos: subject.photos.map((p) => ({ photoId: p.id, exifTakenAt: p.exifTakenAt })), photoTasks })) {
      let evidence: ExifTimeEvidence;
      let score: number;
      if (f.reason === "FAR") {
        evidence = { reason: "FAR", photoId: f.photoId, takenAt: f.takenAt.toISOString(), submittedAt: submittedAt.toISOString(), hoursApart: f.hoursApart, maxAgeHours: EXIF_TIME_RULES.maxAgeHours };
        score = Math.min(1, Math.abs(f.hoursApart) / 72);
      } else if (f.reason === "NO_EXIF") {
        evidence = { reason: "NO_EXIF", photoId: f.photoId, submittedAt: submittedAt.toISOString(), tasks: f.tasks };
        score = 0.3;
      } else {
        evidence = { reason: "NO_PHOTO", submittedAt: submittedAt.toISOString(), tasks: f.tasks };
        score = 0.5;
      }
      flags.push({ kind: "EXIF_TIME", score: round2(score), evidence, relatedSlotId: null, photoId: "photoId" in f ? f.photoId : null, reason: f.reason });
    }

    // Location.
    const sites: Site[] = [];
    for (const item of subject.card.items) {
      const t = item.task;
      if (t && t.siteLat != null && t.siteLng != null && !sites.some((s) => s.taskId === t.id)) {
        sites.push({ taskId: t.id, title: t.title, place: t.sitePlace, lat: t.siteLat, lng: t.siteLng });
      }
    }
    const fixes = fixesOf(subject);
    const previous = await previousFixes(db, subject.authorId, subject.id, submittedAt);
    for (const f of detectLocation({ slot: subject.slot, fixes, sites, previous })) {
      let evidence: LocationEvidence;
      let score: number;
      let relatedSlotId: string | null = null;
      if (f.reason === "FAR_FROM_SITE") {
        evidence = { reason: "FAR_FROM_SITE", fix: fixJson(f.fix), site: f.site, km: f.km, maxSiteKm: LOCATION_RULES.maxSiteKm };
        score = Math.min(1, f.km / (10 * LOCATION_RULES.maxSiteKm));
      } else {
        evidence = { reason: "TOO_FAST", from: fixJson(f.from), to: fixJson(f.to), km: f.km, hours: f.hours, kmh: f.kmh, maxSpeedKmh: LOCATION_RULES.maxSpeedKmh };
        score = Math.min(1, f.kmh / (4 * LOCATION_RULES.maxSpeedKmh));
        if (f.from.slotId !== subject.id) relatedSlotId = f.from.slotId;
      }
      flags.push({ kind: "LOCATION", score: round2(score), evidence, relatedSlotId, photoId: null, reason: f.reason });
    }

    flagsBySlot.set(subject.id, flags);
  }
  return saveFlags(db, flagsBySlot);
}

type PhotoCorpusEntry = HashedPhoto & { date: string; report: RelatedReport };

async function loadPhotoCorpus(db: Db, unitNames: Map<string, string>, from: string, to: string, before: Date): Promise<PhotoCorpusEntry[]> {
  const rows = await db.photo.findMany({
    where: { dHash: { not: null }, slot: { submittedAt: { lt: before }, card: { date: { gte: from, lte: to } } } },
    select: { id: true, dHash: true, slotId: true, slot: { select: { cardId: true, slot: true, submittedAt: true, card: { select: { unitId: true, date: true } } } } },
  });
  return rows.flatMap((r) => {
    if (!r.slot || !r.slotId || !r.dHash) return [];
    const { unitId, date } = r.slot.card;
    const report: RelatedReport = { slotId: r.slotId, unitId, unitName: unitNames.get(unitId) ?? "", date, slot: r.slot.slot, submittedAt: r.slot.submittedAt.toISOString() };
    return [{ photoId: r.id, slotId: r.slotId, cardId: r.slot.cardId, unitId, submittedAt: r.slot.submittedAt, dHash: r.dHash, date, report }];
  });
}

/**
 * Every report of the window, shingled. Flat queries (no nested loads): the
 * window holds thousands of reports. Item titles matter only against the
 * unit's own reports, so only the checked units' items are loaded.
 */
async function loadTextCorpus(
  db: Db,
  unitNames: Map<string, string>,
  from: string,
  to: string,
  ownUnitIds: string[],
): Promise<{ reports: ShingledReport[]; bySlot: Map<string, ShingledReport> }> {
  const inWindow = { date: { gte: from, lte: to } };
  const [cards, slots, items] = await Promise.all([
    db.reportCard.findMany({ where: inWindow, select: { id: true, unitId: true, date: true } }),
    db.reportSlot.findMany({ where: { card: inWindow, text: { not: "" } }, select: { id: true, cardId: true, slot: true, text: true, submittedAt: true } }),
    db.reportItem.findMany({ where: { card: { ...inWindow, unitId: { in: ownUnitIds } } }, select: { cardId: true, text: true } }),
  ]);
  const cardById = new Map(cards.map((c) => [c.id, c]));
  const itemsByCard = new Map<string, string[]>();
  for (const item of items) {
    const list = itemsByCard.get(item.cardId) ?? [];
    list.push(item.text);
    itemsByCard.set(item.cardId, list);
  }
  const reports: ShingledReport[] = [];
  for (const s of slots) {
    const card = cardById.get(s.cardId);
    if (!card) continue;
    reports.push(
      shingleReport({
        slotId: s.id,
        cardId: card.id,
        unitId: card.unitId,
        unitName: unitNames.get(card.unitId) ?? "",
        date: card.date,
        slot: s.slot,
        submittedAt: s.submittedAt,
        text: s.text,
        itemTexts: itemsByCard.get(card.id) ?? [],
      }),
    );
  }
  return { reports, bySlot: new Map(reports.map((r) => [r.slotId, r])) };
}

type Positioned = {
  id: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  submittedAt: Date;
  photos: { id: string; exifTakenAt: Date | null; exifLat: number | null; exifLng: number | null }[];
};

/** A report's positions: its own (when sent) and its photos' GPS (when taken). */
function fixesOf(slot: Positioned): Fix[] {
  const fixes: Fix[] = [];
  if (slot.lat != null && slot.lng != null) fixes.push({ lat: slot.lat, lng: slot.lng, at: slot.submittedAt, source: "REPORT", slotId: slot.id, place: slot.place });
  for (const p of slot.photos) {
    if (p.exifLat != null && p.exifLng != null && p.exifTakenAt) {
      fixes.push({ lat: p.exifLat, lng: p.exifLng, at: p.exifTakenAt, source: "PHOTO", slotId: slot.id, photoId: p.id });
    }
  }
  return fixes;
}

async function previousFixes(db: Db, authorId: string, slotId: string, before: Date): Promise<Fix[]> {
  const earlier = await db.reportSlot.findMany({
    where: { authorId, id: { not: slotId }, submittedAt: { lt: before, gte: new Date(before.getTime() - LOCATION_RULES.maxGapHours * 3_600_000) } },
    select: { id: true, place: true, lat: true, lng: true, submittedAt: true, photos: { select: { id: true, exifTakenAt: true, exifLat: true, exifLng: true } } },
  });
  return earlier.flatMap(fixesOf);
}

function fixJson(fix: Fix) {
  return { lat: fix.lat, lng: fix.lng, at: fix.at.toISOString(), source: fix.source, slotId: fix.slotId, photoId: fix.photoId, place: fix.place ?? null };
}

function keyOf(row: { kind: AnomalyKind; relatedSlotId: string | null; photoId: string | null; reason: string }): string {
  return [row.kind, row.relatedSlotId ?? "", row.photoId ?? "", row.reason].join("|");
}

function reasonOf(evidence: string): string {
  try {
    const reason = (JSON.parse(evidence) as { reason?: unknown }).reason;
    return typeof reason === "string" ? reason : "";
  } catch {
    return "";
  }
}

/** Saves the flags of every checked slot in one transaction. */
async function saveFlags(db: Db, flagsBySlot: Map<string, Flag[]>): Promise<CheckResult[]> {
  return db.$transaction(async (tx) => {
    const existing = await tx.anomaly.findMany({
      where: { slotId: { in: [...flagsBySlot.keys()] } },
      select: { id: true, slotId: true, kind: true, relatedSlotId: true, photoId: true, status: true, evidence: true },
    });
    const results: CheckResult[] = [];
    for (const [slotId, flags] of flagsBySlot) {
      const mine = existing.filter((a) => a.slotId === slotId);
      const byKey = new Map(mine.map((a) => [keyOf({ ...a, reason: reasonOf(a.evidence) }), a]));
      const found = new Set<string>();
      let created = 0;
      for (const flag of flags) {
        const key = keyOf(flag);
        if (found.has(key)) continue;
        found.add(key);
        const before = byKey.get(key);
        const data = { score: flag.score, evidence: JSON.stringify(flag.evidence) };
        if (!before) {
          await tx.anomaly.create({ data: { slotId, versionId: await currentVersionId(tx, slotId), kind: flag.kind, relatedSlotId: flag.relatedSlotId, photoId: flag.photoId, ...data } });
          created++;
        } else if (before.status === "OPEN") {
          await tx.anomaly.update({ where: { id: before.id }, data });
        }
      }
      const stale = mine.filter((a) => a.status === "OPEN" && !found.has(keyOf({ ...a, reason: reasonOf(a.evidence) })));
      if (stale.length > 0) await tx.anomaly.deleteMany({ where: { id: { in: stale.map((a) => a.id) } } });
      results.push({ slotId, flags: flags.length, created, removed: stale.length });
    }
    return results;
  }, { timeout: 30_000 });
}
