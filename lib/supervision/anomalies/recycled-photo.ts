/**
 * Recycled photo (pure): a photo whose difference hash (dHash, lib/photos)
 * is within `maxDistance` bits of a photo added earlier — by the same unit on
 * another day, or by another unit. "Earlier" is by the time each photo was
 * added to its report, so a copy added by an edit is judged at the edit. Re-encoding, resizing, retouching and a
 * stamped time keep the hash within a few bits; a new photo of the same site
 * usually moves it by more (bench/anomaly-accuracy.ts measures both).
 */
import { hammingDistance } from "@/lib/photos/dhash";

export const RECYCLED_PHOTO_RULES = {
  /** Hamming distance (of 64 bits) at or below which two photos are "the same" (bench/anomaly-accuracy.ts) */
  maxDistance: 6,
  /** how far back earlier photos are compared */
  windowDays: 365,
  /**
   * A hash with fewer set (or unset) bits than this comes from a nearly flat
   * image (a dark or blank frame): it matches other flat images by chance.
   */
  minInformationBits: 6,
  /** at most this many other matches are listed beside the original */
  maxOthers: 10,
};

export type RecycledPhotoRules = typeof RECYCLED_PHOTO_RULES;

/**
 * A photo with the time it was added to its report: `Photo.createdAt` — for a
 * photo added by an edit, the edit, not the slot's first submission (issue 10).
 */
export type HashedPhoto = {
  photoId: string;
  slotId: string;
  cardId: string;
  unitId: string;
  addedAt: Date;
  dHash: string;
};

/** An earlier photo that a subject photo repeats. */
export type PhotoMatch = { photoId: string; slotId: string; unitId: string; addedAt: Date; distance: number; sameUnit: boolean };

export type RecycledPhotoFinding = {
  photoId: string;
  /** the earliest matching photo: the original */
  original: PhotoMatch;
  /** the other earlier matches, earliest first (often copies of the original) */
  others: PhotoMatch[];
};

export function isInformativeHash(hash: string, rules: RecycledPhotoRules = RECYCLED_PHOTO_RULES): boolean {
  const ones = hammingDistance(hash, "0000000000000000");
  return ones >= rules.minInformationBits && 64 - ones >= rules.minInformationBits;
}

/**
 * For each of the subject's photos, every photo added before it within the
 * distance, earliest first: the earliest is named as the original (the
 * closest one may itself be a copy), the rest are listed beside it.
 */
export function detectRecycledPhotos(
  subject: readonly HashedPhoto[],
  earlier: readonly HashedPhoto[],
  rules: RecycledPhotoRules = RECYCLED_PHOTO_RULES,
): RecycledPhotoFinding[] {
  const findings: RecycledPhotoFinding[] = [];
  for (const photo of subject) {
    if (!isInformativeHash(photo.dHash, rules)) continue;
    const matches: PhotoMatch[] = [];
    for (const other of earlier) {
      // The same card grows through the day; showing a photo again on it is not recycling.
      if (other.cardId === photo.cardId || other.addedAt.getTime() >= photo.addedAt.getTime()) continue;
      const distance = hammingDistance(photo.dHash, other.dHash);
      if (distance > rules.maxDistance) continue;
      matches.push({
        photoId: other.photoId,
        slotId: other.slotId,
        unitId: other.unitId,
        addedAt: other.addedAt,
        distance,
        sameUnit: other.unitId === photo.unitId,
      });
    }
    if (matches.length === 0) continue;
    matches.sort(byAddedAt);
    const [original, ...others] = matches;
    findings.push({ photoId: photo.photoId, original, others: others.slice(0, rules.maxOthers) });
  }
  return findings;
}

/** Earliest first; the photo id settles a tie so that every run names the same original. */
function byAddedAt(a: PhotoMatch, b: PhotoMatch): number {
  return a.addedAt.getTime() - b.addedAt.getTime() || a.distance - b.distance || (a.photoId < b.photoId ? -1 : a.photoId > b.photoId ? 1 : 0);
}
