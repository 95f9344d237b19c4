/**
 * Evidence for the anomaly checks, for the demo, the e2e tests and
 * bench/anomaly-accuracy.ts: six units' reports over the last six days get a
 * site photo each (sharp-generated, processed and stored like an upload) and
 * a written narrative; some photos are recycled (re-encoded, resized,
 * cropped, retouched, stamped, mirrored, rotated or screenshot copies of an
 * earlier photo of the same unit or of another unit), some texts are copied,
 * one photo is old, one report is sent from Handan (outside the district and
 * far from its site), one jumps 20 km in four minutes, one photo's GPS is in
 * Beijing and one township reports from the far side of the district. Then
 * the checks run.
 *
 * The labelled lists (RECYCLED_PHOTOS, COPIED_TEXTS) say which are which, so
 * the benchmark can score the checks; everything else is a negative — among
 * them the daily photos of the same site, which look alike by nature.
 *
 * Idempotent: written once (the evidence photos' storage keys mark it).
 */
import path from "node:path";
import sharp from "sharp";
import { processPhoto } from "@/lib/photos/process";
import { displayKeyOf, photoFileKeys } from "@/lib/photos/sizes";
import { LocalDirStorage } from "@/lib/storage/index";
import { runAnomalyChecksFor } from "@/lib/supervision/anomalies/run";
import { rebuildTextIndex } from "@/lib/supervision/anomalies/text-index";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { addDays, formatDistrictDateTime, type DistrictDate } from "@/lib/time";
import type { SeedContext } from "./context";
import { type CopyLevel, type Topic, copyWithEdits, writeNarrative } from "./narratives";
import type { OrgRefs } from "./org";
import { type RecycleTransform, recycle, renderShot, shotFor, siteFor } from "./photo-scenes";
import { rngFor } from "./rng";

/** The units whose reports carry the evidence, and what they write about. */
export const EVIDENCE_UNITS: Record<string, Topic> = {
  临洺关镇: "拆迁",
  广府镇: "项目建设",
  刘营镇: "招商引资",
  界河店乡: "拆迁",
  讲武镇: "项目建设",
  区交运局: "环境整治",
};

/** Days of evidence: `day` counts back from yesterday (0 = yesterday). */
export const EVIDENCE_DAYS = 6;

export type EvidenceRef = { unit: string; day: number };

/** Labelled recycled photos: `target` shows a copy of `source`'s photo. */
export const RECYCLED_PHOTOS: { target: EvidenceRef; source: EvidenceRef; transform: RecycleTransform }[] = [
  { target: { unit: "广府镇", day: 1 }, source: { unit: "广府镇", day: 4 }, transform: "reencode" },
  { target: { unit: "刘营镇", day: 2 }, source: { unit: "讲武镇", day: 5 }, transform: "crop" },
  { target: { unit: "界河店乡", day: 0 }, source: { unit: "临洺关镇", day: 3 }, transform: "resize" },
  { target: { unit: "区交运局", day: 1 }, source: { unit: "区交运局", day: 5 }, transform: "stamp" },
  { target: { unit: "临洺关镇", day: 1 }, source: { unit: "广府镇", day: 5 }, transform: "retouch" },
  { target: { unit: "讲武镇", day: 0 }, source: { unit: "刘营镇", day: 3 }, transform: "reencode" },
  { target: { unit: "广府镇", day: 0 }, source: { unit: "广府镇", day: 2 }, transform: "crop20" },
  { target: { unit: "刘营镇", day: 0 }, source: { unit: "界河店乡", day: 4 }, transform: "stamp" },
  { target: { unit: "界河店乡", day: 2 }, source: { unit: "区交运局", day: 4 }, transform: "mirror" },
  { target: { unit: "讲武镇", day: 1 }, source: { unit: "临洺关镇", day: 4 }, transform: "screenshot" },
  { target: { unit: "区交运局", day: 0 }, source: { unit: "讲武镇", day: 4 }, transform: "rotate90" },
];

/** Labelled copied texts: `target`'s report copies `source`'s. */
export const COPIED_TEXTS: { target: EvidenceRef; source: EvidenceRef; level: CopyLevel }[] = [
  { target: { unit: "刘营镇", day: 1 }, source: { unit: "讲武镇", day: 4 }, level: "light" },
  { target: { unit: "广府镇", day: 0 }, source: { unit: "广府镇", day: 5 }, level: "light" },
  { target: { unit: "界河店乡", day: 2 }, source: { unit: "临洺关镇", day: 5 }, level: "medium" },
  { target: { unit: "讲武镇", day: 1 }, source: { unit: "刘营镇", day: 5 }, level: "medium" },
  { target: { unit: "临洺关镇", day: 0 }, source: { unit: "界河店乡", day: 3 }, level: "light" },
  { target: { unit: "区交运局", day: 3 }, source: { unit: "广府镇", day: 4 }, level: "medium" },
];

/** A photo taken three days before it was shown (never shown before). */
export const OLD_PHOTO: EvidenceRef = { unit: "讲武镇", day: 3 };
/** A report sent from Handan, about 20 km from its task's site. */
export const FAR_REPORT: EvidenceRef = { unit: "界河店乡", day: 1 };
/** A photo taken at the site, then the report sent from Handan, about 20 km away, four minutes later. */
export const FAST_REPORT: EvidenceRef = { unit: "刘营镇", day: 4 };
/** A photo whose GPS says Beijing (outside the district). */
export const BEIJING_PHOTO: EvidenceRef = { unit: "界河店乡", day: 5 };
/** A township's report sent from the far side of the district: far from its seat and its tasks' sites. */
export const AWAY_REPORT: EvidenceRef = { unit: "广府镇", day: 3 };

const KEY_PREFIX = "seed/evidence/";
/** 邯郸 city centre: far from every site of the district. */
const HANDAN = { lat: 36.6093, lng: 114.4906 };
const BEIJING = { lat: 39.9087, lng: 116.3975 };
/** Inside the district, in its north-west, about 26 km from 广府镇. */
const NORTH_WEST = { lat: 36.83, lng: 114.47 };

export function evidenceDate(yesterday: DistrictDate, day: number): DistrictDate {
  return addDays(yesterday, -day);
}

/** The storage key of the evidence photo of a unit's report on a date. */
export function evidencePhotoKey(unitCode: string, date: DistrictDate): string {
  return `${KEY_PREFIX}${unitCode.toLowerCase()}/${date}.jpg`;
}

const sameRef = (a: EvidenceRef, b: EvidenceRef) => a.unit === b.unit && a.day === b.day;

type EvidenceSlot = {
  ref: EvidenceRef;
  unitCode: string;
  unitName: string;
  date: DistrictDate;
  slotId: string;
  slot: SlotKind;
  authorId: string;
  submittedAt: Date;
  site: { lat: number; lng: number; place: string } | null;
};

/** Writes the evidence and runs the checks on it. Returns the slots checked (0 when already there). */
export async function seedSupervisionEvidence(ctx: SeedContext, org: OrgRefs, photoDir: string): Promise<number> {
  const { db } = ctx;
  if ((await db.photo.count({ where: { storageKey: { startsWith: KEY_PREFIX } } })) > 0) return 0;
  const storage = new LocalDirStorage(path.resolve(photoDir));

  // The report each (unit, day) shows its evidence on: noon, else evening, else morning.
  const slots = new Map<string, EvidenceSlot>();
  for (const unitName of Object.keys(EVIDENCE_UNITS)) {
    const unit = org.unitByName.get(unitName);
    if (!unit) continue;
    const siteTask = await db.task.findFirst({
      where: { unitId: unit.id, year: ctx.year, siteLat: { not: null }, siteLng: { not: null } },
      orderBy: { externalKey: "asc" },
      select: { id: true, title: true, sitePlace: true, siteLat: true, siteLng: true },
    });
    for (let day = 0; day < EVIDENCE_DAYS; day++) {
      const date = evidenceDate(ctx.yesterday, day);
      const card = await db.reportCard.findUnique({
        where: { unitId_date: { unitId: unit.id, date } },
        select: { id: true, items: { select: { taskId: true } }, slots: { select: { id: true, slot: true, authorId: true, submittedAt: true } } },
      });
      const slot = card && (["NOON", "EVENING", "MORNING"] as SlotKind[]).map((k) => card.slots.find((s) => s.slot === k)).find(Boolean);
      if (!card || !slot) continue;
      // The report is about the site task: link it when the card does not yet.
      if (siteTask && !card.items.some((i) => i.taskId === siteTask.id)) {
        await db.reportItem.create({
          data: {
            cardId: card.id,
            addedIn: slot.slot,
            text: `到${siteTask.sitePlace ?? "现场"}推进${siteTask.title}`,
            taskId: siteTask.id,
            outcome: slot.slot === "EVENING" ? "DONE" : null,
            sortOrder: 99,
          },
        });
      }
      slots.set(`${unitName}|${day}`, {
        ref: { unit: unitName, day },
        unitCode: unit.code,
        unitName,
        date,
        slotId: slot.id,
        slot: slot.slot,
        authorId: slot.authorId,
        submittedAt: slot.submittedAt,
        site: siteTask
          ? { lat: siteTask.siteLat!, lng: siteTask.siteLng!, place: siteTask.sitePlace ?? unitName }
          : { lat: unit.lat, lng: unit.lng, place: unit.places[0] ?? unitName },
      });
    }
  }
  const at = (ref: EvidenceRef) => slots.get(`${ref.unit}|${ref.day}`);

  // Texts: a narrative on every evidence report, then the copies over their targets.
  const texts = new Map<EvidenceSlot, string>();
  for (const s of slots.values()) {
    texts.set(s, writeNarrative(rngFor("evidence-text", s.unitCode, s.date), { topic: EVIDENCE_UNITS[s.unitName], place: s.site?.place ?? s.unitName }));
  }
  for (const copy of COPIED_TEXTS) {
    const target = at(copy.target);
    const source = at(copy.source);
    if (!target || !source) continue;
    const swap = { from: [source.site?.place ?? "", source.unitName], to: [target.site?.place ?? "", target.unitName] };
    texts.set(
      target,
      copyWithEdits(rngFor("evidence-copy", target.unitCode, target.date), texts.get(source)!, copy.level, swap, {
        topic: EVIDENCE_UNITS[target.unitName],
        place: target.site?.place ?? "",
      }),
    );
  }

  // Photos: a fresh shot of the unit's site each day, except where a recycled copy stands in.
  const originals = new Map<EvidenceSlot, { image: Buffer; takenAt: Date }>();
  const written: string[] = [];
  try {
    for (const s of slots.values()) {
      if (RECYCLED_PHOTOS.some((r) => sameRef(r.target, s.ref))) continue;
      const rng = rngFor("evidence-shot", s.unitCode, s.date);
      const old = sameRef(OLD_PHOTO, s.ref);
      const takenAt = new Date(s.submittedAt.getTime() - (old ? 3 * 24 * 60 : rng.int(15, 150)) * 60_000);
      const gps = sameRef(FAR_REPORT, s.ref)
        ? HANDAN
        : sameRef(BEIJING_PHOTO, s.ref)
          ? BEIJING
          : jitter(s.site!, rng.float(-0.002, 0.002), rng.float(-0.002, 0.002));
      const image = await renderShot(siteFor(s.unitCode), shotFor(rng));
      originals.set(s, { image, takenAt });
      written.push(...(await storeEvidencePhoto(ctx, storage, s, await withExif(image, takenAt, gps))));
    }
    for (const r of RECYCLED_PHOTOS) {
      const target = at(r.target);
      const source = at(r.source);
      const original = source && originals.get(source);
      if (!target || !original) continue;
      const copy = await recycle(original.image, r.transform, rngFor("evidence-recycle", target.unitCode, target.date));
      // Re-posted from the gallery keeps the original's EXIF; forwarded through a chat app loses it.
      const keepsExif = r.transform !== "stamp" && r.transform !== "resize";
      written.push(...(await storeEvidencePhoto(ctx, storage, target, keepsExif ? await withExif(copy, original.takenAt, source.site!) : copy)));
    }

    // Texts and positions on the reports.
    for (const [s, text] of texts) {
      let position: { lat: number; lng: number; place: string } | null = null;
      if (sameRef(FAR_REPORT, s.ref) || sameRef(FAST_REPORT, s.ref)) position = { ...HANDAN, place: "邯郸市区" };
      if (sameRef(AWAY_REPORT, s.ref)) position = { ...NORTH_WEST, place: "西部山前" };
      await db.reportSlot.update({
        where: { id: s.slotId },
        data: { text, ...(position ? { lat: position.lat, lng: position.lng, place: position.place } : {}) },
      });
    }
    // The fast report: its photo was taken at the site four minutes before it was sent from Handan.
    const fast = at(FAST_REPORT);
    if (fast) {
      await db.photo.updateMany({
        where: { slotId: fast.slotId, storageKey: { startsWith: KEY_PREFIX } },
        data: { exifTakenAt: new Date(fast.submittedAt.getTime() - 4 * 60_000), exifLat: fast.site!.lat, exifLng: fast.site!.lng },
      });
    }
  } catch (error) {
    // No orphan files: what this run stored goes when it fails.
    await Promise.all(written.map((key) => storage.delete(key)));
    throw error;
  }

  const checked = [...slots.values()].map((s) => s.slotId);
  // The seed writes its slots directly, past the saving path that indexes texts.
  await db.$transaction((tx) => rebuildTextIndex(tx), { timeout: 10 * 60_000 });
  await runAnomalyChecksFor(db, checked, { storage });
  return checked.length;
}

function jitter(p: { lat: number; lng: number }, dLat: number, dLng: number) {
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** EXIF as a phone writes it: local (district) wall-clock time, GPS in degrees/minutes/seconds. */
async function withExif(image: Buffer, takenAt: Date, gps: { lat: number; lng: number }): Promise<Buffer> {
  const dms = (value: number) => {
    const deg = Math.floor(value);
    const minFloat = (value - deg) * 60;
    const min = Math.floor(minFloat);
    const sec = Math.round((minFloat - min) * 60 * 100);
    return `${deg}/1 ${min}/1 ${sec}/100`;
  };
  const wallClock = `${formatDistrictDateTime(takenAt).replaceAll("-", ":")}:00`;
  return sharp(image)
    .withExif({
      IFD0: { Make: "Shaitai", Model: "Seed Camera" },
      IFD2: { DateTimeOriginal: wallClock },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: dms(gps.lat), GPSLongitudeRef: "E", GPSLongitude: dms(gps.lng) },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

/** Processes a photo like an upload and stores it under its evidence key; returns the keys written. */
async function storeEvidencePhoto(ctx: SeedContext, storage: LocalDirStorage, s: EvidenceSlot, upload: Buffer): Promise<string[]> {
  const processed = await processPhoto(upload);
  const storageKey = evidencePhotoKey(s.unitCode, s.date);
  const thumbKey = storageKey.replace(/\.jpg$/, "-thumb.jpg");
  await storage.put(storageKey, processed.full);
  await storage.put(thumbKey, processed.thumb);
  await storage.put(displayKeyOf(storageKey), processed.display);
  try {
    await ctx.db.photo.create({
      data: {
        uploaderId: s.authorId,
        slotId: s.slotId,
        storageKey,
        thumbKey,
        mime: "image/jpeg",
        width: processed.width,
        height: processed.height,
        bytes: processed.bytes,
        sha256: processed.sha256,
        dHash: processed.dHash,
        exifTakenAt: processed.exifTakenAt,
        exifLat: processed.exifLat,
        exifLng: processed.exifLng,
        createdAt: s.submittedAt,
      },
    });
  } catch (error) {
    await Promise.all(photoFileKeys({ storageKey, thumbKey }).map((key) => storage.delete(key)));
    throw error;
  }
  return photoFileKeys({ storageKey, thumbKey });
}
