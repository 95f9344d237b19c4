/**
 * Recycled photo (pure): a photo whose difference hash (dHash, lib/photos)
 * is within `maxDistance` bits of a photo shown earlier — by the same unit on
 * another day, or by another unit. Re-encoding, resizing, retouching and a
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
};

export type RecycledPhotoRules = typeof RECYCLED_PHOTO_RULES;

export type HashedPhoto = {
  photoId: string;
  slotId: string;
  cardId: string;
  unitId: string;
  submittedAt: Date;
  dHash: string;
};

export type RecycledPhotoFinding = {
  photoId: string;
  relatedPhotoId: string;
  relatedSlotId: string;
  distance: number;
  sameUnit: boolean;
};

export function isInformativeHash(hash: string, rules: RecycledPhotoRules = RECYCLED_PHOTO_RULES): boolean {
  const ones = hammingDistance(hash, "0000000000000000");
  return ones >= rules.minInformationBits && 64 - ones >= rules.minInformationBits;
}

/** For each of the subject's photos, the closest earlier photo within the distance, if any. */
export function detectRecycledPhotos(
  subject: readonly HashedPhoto[],
  earlier: readonly HashedPhoto[],
  rules: RecycledPhotoRules = RECYCLED_PHOTO_RULES,
): RecycledPhotoFinding[] {
  const findings: RecycledPhotoFinding[] = [];
  for (const photo of subject) {
    if (!isInformativeHash(photo.dHash, rules)) continue;
    let best: { other: HashedPhoto; distance: number } | null = null;
    for (const other of earlier) {
      // The same card grows through the day; showing a photo again on it is not recycling.
      if (other.cardId === photo.cardId || other.submittedAt.getTime() >= photo.submittedAt.getTime()) continue;
      const distance = hammingDistance(photo.dHash, other.dHash);
      if (distance > rules.maxDistance) continue;
      if (!best || distance < best.distance || (distance === best.distance && other.submittedAt < best.other.submittedAt)) best = { other, distance };
    }
    if (best) {
      findings.push({
        photoId: photo.photoId,
        relatedPhotoId: best.other.photoId,
        relatedSlotId: best.other.slotId,
        distance: best.distance,
        sameUnit: best.other.unitId === photo.unitId,
      });
    }
  }
  return findings;
}
