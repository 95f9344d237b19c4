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
import { slotShownSelect } from "@/lib/reports/card-json";
import { currentVersionId } from "@/lib/reports/versions";
import { COPIED_TEXT_RULES, type ShingledReport } from "@/lib/supervision/anomalies/copied-text";
import type { CopiedTextEvidence, ExifTimeEvidence, LocationEvidence, RecycledPhotoEvidence, RelatedReport } from "@/lib/supervision/anomalies/evidence";
import { EXIF_TIME_RULES, detectExifTime } from "@/lib/supervision/anomalies/exif-time";
import { districtBoundary } from "@/lib/supervision/anomalies/district";
import { LOCATION_RULES, detectLocation, type Fix, type Site } from "@/lib/supervision/anomalies/location";
import {
  PHOTO_INDEX_RULES,
  backfillPhotoHashes,
  findCandidates,
  indexPhotos,
  photoLoader,
  pickForVerification,
  type LoadedPhoto,
  type PhotoLoader,
} from "@/lib/supervision/anomalies/photo-index";
import { PHOTO_MATCH_RULES, coarseCorrelation, comparePhotos, isSamePhoto } from "@/lib/supervision/anomalies/photo-match";
import { RECYCLED_PHOTO_RULES, recycledPhotoFinding, type PhotoMatch, type RecycledPhotoFinding } from "@/lib/supervision/anomalies/recycled-photo";
import { loadSlotHistories, versionAt } from "@/lib/supervision/anomalies/slot-history";
import { copiedTextByIndex, type SlotMeta, type TextCheck } from "@/lib/supervision/anomalies/text-index";
import { highlightRanges } from "@/lib/supervision/text-similarity";
import { photoStorage, type PhotoStorage } from "@/lib/storage/index";
import { addDays } from "@/lib/time";
import { unitIdOf, unitOf } from "@/lib/reports/card-owner";

type Flag = {
  kind: AnomalyKind;
  score: number;
  evidence: unknown;
  relatedSlotId: string | null;
  photoId: string | null;
  /** what the flag is about: one flag per key and slot (flagKey) */
  key: string;
  /** keys of flags written before issue 10 that stand for the same sign */
  legacyKeys?: string[];
};

export type CheckResult = { slotId: string; flags: number; created: number; removed: number };

const round2 = (x: number) => Math.round(x * 100) / 100;

export type CheckOptions = {
  /** where the photos are read back from for the photo checks (default: the configured store, PHOTO_DIR) */
  storage?: PhotoStorage;
};

/** Checks one submitted slot (the submission path calls this). */
export async function runAnomalyChecks(db: Db, slotId: string, options: CheckOptions = {}): Promise<CheckResult> {
  const [result] = await runAnomalyChecksFor(db, [slotId], options);
  if (!result) throw new Error(`runAnomalyChecks: no slot ${slotId}`);
  return result;
}

/**
 * Checks several slots, loading what they are compared with once. Every photo
 * and text is judged by the time it was added (slot-history.ts) against
 * content added before it, so re-checking after an edit can only raise a flag
 * for what the edit added: what was there before gets the same answer as
 * before, and content that was first the slot's own is never judged a copy.
 */
export async function runAnomalyChecksFor(db: Db, slotIds: readonly string[], options: CheckOptions = {}): Promise<CheckResult[]> {
  const subjects = await loadSubjects(db, slotIds);
  if (subjects.length === 0) return [];
  const corpus = await loadCorpus(db);
  const photos = await findRecycledPhotos(db, photoLoader(options.storage ?? (await photoStorage())), subjects, corpus);
  const texts = new Map<string, TextCheck>();
  for (const subject of subjects) texts.set(subject.id, await findCopiedText(db, subject, corpus));
  const previous = await loadPreviousFixes(db, subjects);
  const describe = await relatedSlotDescriber(
    db,
    corpus,
    [...photos.values()].flatMap((found) => found.flatMap((p) => [p.original, ...p.others]).map((m) => m.slotId)),
  );

  const flagsBySlot = new Map<string, Flag[]>();
  for (const subject of subjects) {
    flagsBySlot.set(subject.id, [
      ...recycledPhotoFlags(subject, photos.get(subject.id) ?? [], describe),
      ...copiedTextFlags(subject, texts.get(subject.id) ?? null, corpus, describe),
      ...exifTimeFlags(subject),
      ...locationFlags(subject, previous.get(subject.id) ?? []),
    ]);
  }
  return saveFlags(db, flagsBySlot);
}

// ── Loading ─────────────────────────────────────────────────────────────────

type Subject = Awaited<ReturnType<typeof loadSubjects>>[number];

async function loadSubjects(db: Db, slotIds: readonly string[]) {
  const [slots, histories] = await Promise.all([
    db.reportSlot.findMany({
      where: { id: { in: [...slotIds] } },
      select: {
        ...slotShownSelect,
        cardId: true,
        authorId: true,
        card: {
          select: {
            unitId: true,
            date: true,
            unit: {
              select: {
                name: true,
                kind: true,
                lat: true,
                lng: true,
                tasks: {
                  where: { siteLat: { not: null }, siteLng: { not: null }, archivedAt: null },
                  select: { id: true, title: true, sitePlace: true, siteLat: true, siteLng: true },
                },
              },
            },
            items: { select: { text: true, task: { select: { id: true, title: true, requiresPhoto: true, sitePlace: true, siteLat: true, siteLng: true } } } },
          },
        },
        photos: {
          orderBy: { sortOrder: "asc" },
          select: { id: true, thumbKey: true, hashedAt: true, exifTakenAt: true, exifLat: true, exifLng: true, createdAt: true },
        },
      },
    }),
    loadSlotHistories(db, { id: { in: [...slotIds] } }),
  ]);
  const versionsOf = new Map(histories.map((h) => [h.id, h.versions]));
  return slots.map((s) => ({
    ...s,
    unitId: unitIdOf(s.card),
    unitName: unitOf(s.card).name,
    date: s.card.date,
    versions: versionsOf.get(s.id) ?? [],
  }));
}

type Corpus = {
  unitNames: Map<string, string>;
  /** every version of each slot the text checks read, oldest first */
  textVersions: Map<string, ShingledReport[]>;
  slots: Map<string, SlotMeta>;
};

async function loadCorpus(db: Db): Promise<Corpus> {
  const unitNames = new Map((await db.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return { unitNames, textVersions: new Map(), slots: new Map() };
}

/**
 * Names a slot in evidence with the version holding content added at a given
 * time. Text matches carry their version; photo matches look it up in their
 * slots' histories, loaded here once for all of them.
 */
async function relatedSlotDescriber(
  db: Db,
  corpus: Corpus,
  photoSlotIds: string[],
): Promise<(slotId: string, addedAt: Date, version?: { number: number; versionId: string | null }) => RelatedReport> {
  const ids = [...new Set(photoSlotIds)];
  const histories = new Map(ids.length > 0 ? (await loadSlotHistories(db, { id: { in: ids } })).map((h) => [h.id, h.versions]) : []);
  return (slotId, addedAt, version) => {
    const meta = corpus.slots.get(slotId)!;
    const v = version ?? versionAt(histories.get(slotId) ?? [], addedAt);
    return {
      slotId,
      unitId: meta.unitId,
      unitName: corpus.unitNames.get(meta.unitId) ?? "",
      date: meta.date,
      slot: meta.slot,
      submittedAt: meta.submittedAt.toISOString(),
      version: v?.number,
      versionId: v?.versionId ?? null,
      addedAt: addedAt.toISOString(),
    };
  };
}

type Describe = Awaited<ReturnType<typeof relatedSlotDescriber>>;

// ── Recycled photos ─────────────────────────────────────────────────────────

/**
 * The recycled-photo check of every subject photo: the subjects' photos join
 * the index (and a few older photos with them), each is looked up in it, and
 * the candidates are compared finely (photo-match.ts). Returns the findings
 * by slot; the matched photos' slots are added to the corpus for naming them.
 */
async function findRecycledPhotos(db: Db, load: PhotoLoader, subjects: Subject[], corpus: Corpus): Promise<Map<string, RecycledPhotoFinding[]>> {
  const found = new Map<string, RecycledPhotoFinding[]>();
  const subjectPhotos = subjects.flatMap((s) => s.photos);
  if (subjectPhotos.length === 0) return found;
  await indexPhotos(db, load, subjectPhotos);
  await backfillPhotoHashes(db, load);
  for (const subject of subjects) {
    const findings: RecycledPhotoFinding[] = [];
    for (const photo of subject.photos) {
      const loaded = await load(photo);
      if (!loaded) continue;
      const windowFrom = addDays(subject.date, -RECYCLED_PHOTO_RULES.windowDays);
      const found = (
        await findCandidates(db, { photoId: photo.id, cardId: subject.cardId, addedAt: photo.createdAt, probes: loaded.hashes.probes, windowFrom })
      ).slice(0, PHOTO_INDEX_RULES.maxRanked);
      if (found.length === 0) continue;
      const rows = await db.photo.findMany({
        where: { id: { in: found.map((c) => c.photoId) } },
        select: {
          id: true,
          thumbKey: true,
          createdAt: true,
          slotId: true,
          slot: { select: { cardId: true, slot: true, submittedAt: true, card: { select: { unitId: true, date: true } } } },
        },
      });
      const rowOf = new Map(rows.map((r) => [r.id, r]));
      const others = new Map<string, LoadedPhoto | null>();
      for (const c of found) others.set(c.photoId, rowOf.has(c.photoId) ? await load(rowOf.get(c.photoId)!) : null);
      const candidates = pickForVerification(found, (c) => {
        const other = others.get(c.photoId);
        return other ? coarseCorrelation(other.prepared, loaded.prepared) : -1;
      });
      const matches: PhotoMatch[] = [];
      for (const candidate of candidates) {
        const row = rowOf.get(candidate.photoId);
        if (!row?.slot || !row.slotId) continue;
        const other = others.get(candidate.photoId) ?? null;
        const match = other ? comparePhotos(other.prepared, loaded.prepared) : null;
        const same = match ? isSamePhoto(match) : candidate.distance <= RECYCLED_PHOTO_RULES.unverifiedMaxDistance;
        if (!same) continue;
        corpus.slots.set(row.slotId, { unitId: unitIdOf(row.slot.card), date: row.slot.card.date, slot: row.slot.slot, submittedAt: row.slot.submittedAt });
        matches.push({
          photoId: row.id,
          slotId: row.slotId,
          cardId: row.slot.cardId,
          unitId: unitIdOf(row.slot.card),
          addedAt: row.createdAt,
          distance: candidate.distance,
          sameUnit: row.slot.card.unitId === subject.unitId,
          match,
        });
      }
      const finding = recycledPhotoFinding({ photoId: photo.id, cardId: subject.cardId, addedAt: photo.createdAt }, matches);
      if (finding) findings.push(finding);
    }
    found.set(subject.id, findings);
  }
  return found;
}

const matchEvidence = (m: PhotoMatch) => (m.match ? { ...m.match, minCorrelation: PHOTO_MATCH_RULES.minCorrelation } : null);

function recycledPhotoFlags(subject: Subject, findings: RecycledPhotoFinding[], describe: Describe): Flag[] {
  const related = (m: PhotoMatch) => ({
    photoId: m.photoId,
    distance: m.distance,
    sameUnit: m.sameUnit,
    related: describe(m.slotId, m.addedAt),
    match: matchEvidence(m),
  });
  return findings.map((f) => {
    const photo = subject.photos.find((p) => p.id === f.photoId)!;
    const evidence: RecycledPhotoEvidence = {
      distance: f.original.distance,
      maxDistance: PHOTO_INDEX_RULES.maxDistance,
      match: matchEvidence(f.original),
      sameUnit: f.original.sameUnit,
      photoId: f.photoId,
      addedAt: photo.createdAt.toISOString(),
      version: versionAt(subject.versions, photo.createdAt)?.number,
      relatedPhotoId: f.original.photoId,
      related: describe(f.original.slotId, f.original.addedAt),
      others: f.others.map(related),
    };
    // The fine comparison's correlation, from its threshold (0.5) to identical (1).
    const correlation = f.original.match?.correlation ?? 1;
    const score = round2(0.5 + (0.5 * Math.max(0, correlation - PHOTO_MATCH_RULES.minCorrelation)) / (1 - PHOTO_MATCH_RULES.minCorrelation));
    return { kind: "RECYCLED_PHOTO", score, evidence, relatedSlotId: f.original.slotId, photoId: f.photoId, key: `RECYCLED_PHOTO|${f.photoId}` };
  });
}

// ── Copied text ─────────────────────────────────────────────────────────────

/**
 * The slot's current text, dated by the version in which it first appeared,
 * against texts added before it, found through the index (text-index.ts);
 * what it read is kept for naming the matches in evidence.
 */
async function findCopiedText(db: Db, subject: Subject, corpus: Corpus): Promise<TextCheck> {
  const lookup = await copiedTextByIndex(db, subject, corpus.unitNames);
  for (const [id, meta] of lookup.slots) corpus.slots.set(id, meta);
  for (const [id, versions] of lookup.versions) corpus.textVersions.set(id, versions);
  return lookup.check;
}

function copiedTextFlags(subject: Subject, check: TextCheck, corpus: Corpus, describe: Describe): Flag[] {
  if (!check || check.matches.length === 0) return [];
  const { text, matches } = check;
  const [original, ...others] = matches;
  const source = corpus.textVersions.get(original.relatedSlotId)!.find((v) => v.version === original.version)!;
  const evidence: CopiedTextEvidence = {
    similarity: round2(original.similarity),
    threshold: COPIED_TEXT_RULES.threshold,
    sameUnit: original.sameUnit,
    text: subject.text,
    addedAt: text.addedAt.toISOString(),
    version: text.version,
    highlights: highlightRanges(subject.text, original.shared, [subject.unitName]),
    relatedText: source.text,
    relatedHighlights: highlightRanges(source.text, original.shared, [source.unitName]),
    related: describe(original.relatedSlotId, original.addedAt, { number: original.version, versionId: original.versionId }),
    others: others.slice(0, COPIED_TEXT_RULES.maxOthers).map((m) => ({
      similarity: round2(m.similarity),
      sameUnit: m.sameUnit,
      related: describe(m.relatedSlotId, m.addedAt, { number: m.version, versionId: m.versionId }),
    })),
  };
  return [
    {
      kind: "COPIED_TEXT",
      score: round2(original.similarity),
      evidence,
      relatedSlotId: original.relatedSlotId,
      photoId: null,
      key: `COPIED_TEXT|${evidence.addedAt}`,
      legacyKeys: matches.map((m) => `COPIED_TEXT|legacy|${m.relatedSlotId}`),
    },
  ];
}

// ── Photo time and location ─────────────────────────────────────────────────

function exifTimeFlags(subject: Subject): Flag[] {
  const { submittedAt } = subject;
  const photoTasks = [...new Set(subject.card.items.flatMap((i) => (i.task?.requiresPhoto ? [i.task.title] : [])))];
  const photos = subject.photos.map((p) => ({ photoId: p.id, exifTakenAt: p.exifTakenAt, addedAt: p.createdAt }));
  return detectExifTime({ slot: subject.slot, submittedAt, photos, photoTasks }).map((f) => {
    let evidence: ExifTimeEvidence;
    let score: number;
    if (f.reason === "FAR") {
      evidence = {
        reason: "FAR",
        photoId: f.photoId,
        takenAt: f.takenAt.toISOString(),
        submittedAt: f.shownAt.toISOString(),
        hoursApart: f.hoursApart,
        maxAgeHours: EXIF_TIME_RULES.maxAgeHours,
      };
      score = Math.min(1, Math.abs(f.hoursApart) / 72);
    } else if (f.reason === "NO_EXIF") {
      evidence = { reason: "NO_EXIF", photoId: f.photoId, submittedAt: submittedAt.toISOString(), tasks: f.tasks };
      score = 0.3;
    } else {
      evidence = { reason: "NO_PHOTO", submittedAt: submittedAt.toISOString(), tasks: f.tasks };
      score = 0.5;
    }
    const photoId = "photoId" in f ? f.photoId : null;
    return {
      kind: "EXIF_TIME",
      score: round2(score),
      evidence,
      relatedSlotId: null,
      photoId,
      key: flagKey({ kind: "EXIF_TIME", relatedSlotId: null, photoId, reason: f.reason }),
    };
  });
}

const siteOf = (t: { id: string; title: string; sitePlace: string | null; siteLat: number | null; siteLng: number | null }): Site[] =>
  t.siteLat != null && t.siteLng != null ? [{ taskId: t.id, title: t.title, place: t.sitePlace, lat: t.siteLat, lng: t.siteLng }] : [];

function locationFlags(subject: Subject, previous: Fix[]): Flag[] {
  const sites: Site[] = [];
  for (const item of subject.card.items) {
    if (item.task && !sites.some((s) => s.taskId === item.task!.id)) sites.push(...siteOf(item.task));
  }
  const unit = unitOf(subject.card);
  const seat = unit.kind === "TOWN" && unit.lat != null && unit.lng != null ? { lat: unit.lat, lng: unit.lng, unitName: unit.name } : null;
  const unitSites = [...sites, ...unit.tasks.flatMap(siteOf).filter((s) => !sites.some((c) => c.taskId === s.taskId))];
  const findings = detectLocation({ slot: subject.slot, fixes: fixesOf(subject), sites, unitSites, seat, boundary: districtBoundary(), previous });
  return findings.map((f) => {
    let evidence: LocationEvidence;
    let score: number;
    let relatedSlotId: string | null = null;
    if (f.reason === "OUTSIDE_DISTRICT") {
      evidence = { reason: "OUTSIDE_DISTRICT", fix: fixJson(f.fix), km: f.km, district: f.district };
      score = Math.min(1, 0.6 + f.km / 50);
    } else if (f.reason === "FAR_FROM_HOME") {
      evidence = {
        reason: "FAR_FROM_HOME",
        fix: fixJson(f.fix),
        seat: f.seat,
        seatKm: f.seatKm,
        site: f.site,
        siteKm: f.siteKm,
        maxHomeKm: LOCATION_RULES.maxHomeKm,
      };
      score = Math.min(1, Math.min(f.seatKm ?? Infinity, f.siteKm ?? Infinity) / (3 * LOCATION_RULES.maxHomeKm));
    } else if (f.reason === "FAR_FROM_SITE") {
      evidence = { reason: "FAR_FROM_SITE", fix: fixJson(f.fix), site: f.site, km: f.km, maxSiteKm: LOCATION_RULES.maxSiteKm };
      score = Math.min(1, f.km / (10 * LOCATION_RULES.maxSiteKm));
    } else {
      evidence = {
        reason: "TOO_FAST",
        from: fixJson(f.from),
        to: fixJson(f.to),
        km: f.km,
        hours: f.hours,
        kmh: f.kmh,
        maxSpeedKmh: LOCATION_RULES.maxSpeedKmh,
      };
      score = Math.min(1, f.kmh / (4 * LOCATION_RULES.maxSpeedKmh));
      const other = f.from.slotId !== subject.id ? f.from : f.to.slotId !== subject.id ? f.to : null;
      if (other) relatedSlotId = other.slotId;
    }
    return {
      kind: "LOCATION",
      score: round2(score),
      evidence,
      relatedSlotId,
      photoId: null,
      key: flagKey({ kind: "LOCATION", relatedSlotId, photoId: null, reason: f.reason }),
    };
  });
}

type Positioned = {
  id: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  submittedAt: Date;
  photos: { id: string; exifTakenAt: Date | null; exifLat: number | null; exifLng: number | null; createdAt: Date }[];
};

/** A report's positions: its own (when sent) and its photos' GPS (when taken). */
function fixesOf(slot: Positioned): Fix[] {
  const fixes: Fix[] = [];
  if (slot.lat != null && slot.lng != null)
    fixes.push({ lat: slot.lat, lng: slot.lng, at: slot.submittedAt, source: "REPORT", slotId: slot.id, place: slot.place });
  for (const p of slot.photos) {
    if (p.exifLat == null || p.exifLng == null) continue;
    if (p.exifTakenAt) {
      // A photo taken long before (or after) it was shown: where, but not when, in the day (EXIF_TIME's flag).
      const hours = (p.createdAt.getTime() - p.exifTakenAt.getTime()) / 3_600_000;
      const timely = hours <= EXIF_TIME_RULES.maxAgeHours && hours >= -EXIF_TIME_RULES.maxAheadMinutes / 60;
      fixes.push({ lat: p.exifLat, lng: p.exifLng, at: p.exifTakenAt, source: "PHOTO", slotId: slot.id, photoId: p.id, timely });
    } else {
      // GPS with its time stripped: still a place (outside the district, far from home), at its upload,
      // but no point of the day's journey — else removing the time would hide a photo from Beijing.
      fixes.push({ lat: p.exifLat, lng: p.exifLng, at: p.createdAt, source: "PHOTO", slotId: slot.id, photoId: p.id, timely: false, untimed: true });
    }
  }
  return fixes;
}

/** Each subject's author's positions before it (the speed check's other end). */
async function loadPreviousFixes(db: Db, subjects: Subject[]): Promise<Map<string, Fix[]>> {
  const out = new Map<string, Fix[]>();
  for (const s of subjects) out.set(s.id, await previousFixes(db, s.authorId, s.id, s.submittedAt));
  return out;
}

async function previousFixes(db: Db, authorId: string, slotId: string, before: Date): Promise<Fix[]> {
  const earlier = await db.reportSlot.findMany({
    where: { authorId, id: { not: slotId }, submittedAt: { lt: before, gte: new Date(before.getTime() - LOCATION_RULES.maxGapHours * 3_600_000) } },
    select: {
      id: true,
      place: true,
      lat: true,
      lng: true,
      submittedAt: true,
      photos: { select: { id: true, exifTakenAt: true, exifLat: true, exifLng: true, createdAt: true } },
    },
  });
  return earlier.flatMap(fixesOf);
}

function fixJson(fix: Fix) {
  return {
    lat: fix.lat,
    lng: fix.lng,
    at: fix.at.toISOString(),
    source: fix.source,
    slotId: fix.slotId,
    photoId: fix.photoId,
    place: fix.place ?? null,
    ...(fix.timely === false ? { timely: false } : {}),
    ...(fix.untimed ? { untimed: true } : {}),
  };
}

/**
 * What a flag is about, so that a re-run finds it again instead of adding a
 * second one: a recycled photo is one flag per photo (whatever original it
 * names), a copied text one per text (by the time it was first added), the
 * other kinds one per reason and related slot or photo.
 */
function flagKey(flag: { kind: AnomalyKind; relatedSlotId: string | null; photoId: string | null; reason: string; addedAt?: string }): string {
  if (flag.kind === "RECYCLED_PHOTO") return `RECYCLED_PHOTO|${flag.photoId ?? ""}`;
  // Text flags written before issue 10 carry no time: they stand for their related slot.
  if (flag.kind === "COPIED_TEXT") return flag.addedAt ? `COPIED_TEXT|${flag.addedAt}` : `COPIED_TEXT|legacy|${flag.relatedSlotId ?? ""}`;
  return [flag.kind, flag.relatedSlotId ?? "", flag.photoId ?? "", flag.reason].join("|");
}

function storedKey(row: { kind: AnomalyKind; relatedSlotId: string | null; photoId: string | null; evidence: string }): string {
  let reason = "";
  let addedAt: string | undefined;
  try {
    const parsed = JSON.parse(row.evidence) as { reason?: unknown; addedAt?: unknown };
    if (typeof parsed.reason === "string") reason = parsed.reason;
    if (typeof parsed.addedAt === "string") addedAt = parsed.addedAt;
  } catch {
    // unreadable evidence: keyed by its columns alone
  }
  return flagKey({ ...row, reason, addedAt });
}

/** Saves the flags of every checked slot in one transaction. */
async function saveFlags(db: Db, flagsBySlot: Map<string, Flag[]>): Promise<CheckResult[]> {
  return db.$transaction(
    async (tx) => {
      const existing = await tx.anomaly.findMany({
        where: { slotId: { in: [...flagsBySlot.keys()] } },
        select: { id: true, slotId: true, kind: true, relatedSlotId: true, photoId: true, status: true, evidence: true },
      });
      const results: CheckResult[] = [];
      for (const [slotId, flags] of flagsBySlot) {
        const mine = existing.filter((a) => a.slotId === slotId);
        const byKey = new Map(mine.map((a) => [storedKey(a), a]));
        const found = new Set<string>();
        let created = 0;
        for (const flag of flags) {
          if (found.has(flag.key)) continue;
          found.add(flag.key);
          const legacyKey = byKey.has(flag.key) ? undefined : flag.legacyKeys?.find((k) => byKey.has(k));
          if (legacyKey) found.add(legacyKey);
          const before = byKey.get(legacyKey ?? flag.key);
          const data = { score: flag.score, evidence: JSON.stringify(flag.evidence), relatedSlotId: flag.relatedSlotId };
          if (!before) {
            await tx.anomaly.create({ data: { slotId, versionId: await currentVersionId(tx, slotId), kind: flag.kind, photoId: flag.photoId, ...data } });
            created++;
          } else if (before.status === "OPEN") {
            await tx.anomaly.update({ where: { id: before.id }, data });
          }
        }
        const stale = mine.filter((a) => a.status === "OPEN" && !found.has(storedKey(a)));
        if (stale.length > 0) await tx.anomaly.deleteMany({ where: { id: { in: stale.map((a) => a.id) } } });
        results.push({ slotId, flags: flags.length, created, removed: stale.length });
      }
      return results;
    },
    { timeout: 30_000 },
  );
}
