/**
 * Recycled photo: a photo that repeats a photo added earlier — by the same
 * unit on another day, or by another unit — re-encoded, resized, brightened,
 * stamped, cropped by up to a fifth off any edge, mirrored, rotated, or shown
 * inside a screenshot (issue 18). "Earlier" is by the time each photo was
 * added to its report, so a copy added by an edit is judged at the edit.
 *
 * Two stages: the hash index (photo-index.ts) offers candidates generously;
 * the fine comparison (photo-match.ts) decides. The rules here (pure) name
 * the original among the verified matches.
 */
import type { PhotoMatchResult } from "@/lib/supervision/anomalies/photo-match";

export const RECYCLED_PHOTO_RULES = {
  /** how far back earlier photos are compared */
  windowDays: 365,
  /** at most this many other matches are listed beside the original */
  maxOthers: 10,
  /**
   * A candidate whose file cannot be read back (deleted, store unavailable)
   * cannot be compared finely: it counts only this close (Hamming distance).
   */
  unverifiedMaxDistance: 3,
};

export type RecycledPhotoRules = typeof RECYCLED_PHOTO_RULES;

/** An earlier photo that a subject photo repeats. */
export type PhotoMatch = {
  photoId: string;
  slotId: string;
  unitId: string;
  cardId: string;
  /** when the photo was added to its report: `Photo.createdAt` (issue 10) */
  addedAt: Date;
  /** least Hamming distance of the first stage */
  distance: number;
  sameUnit: boolean;
  /** the fine comparison; null when the earlier photo's file could not be read */
  match: PhotoMatchResult | null;
};

export type RecycledPhotoFinding = {
  photoId: string;
  /** the earliest matching photo: the original */
  original: PhotoMatch;
  /** the other earlier matches, earliest first (often copies of the original) */
  others: PhotoMatch[];
};

/**
 * Among the verified earlier matches of a photo, the earliest is named as the
 * original (the closest one may itself be a copy); the rest are listed. A
 * photo shown again on the same card (which grows through the day) is not a
 * recycled one.
 */
export function recycledPhotoFinding(
  photo: { photoId: string; cardId: string; addedAt: Date },
  matches: readonly PhotoMatch[],
  rules: RecycledPhotoRules = RECYCLED_PHOTO_RULES,
): RecycledPhotoFinding | null {
  const earlier = matches.filter((m) => m.cardId !== photo.cardId && m.addedAt.getTime() < photo.addedAt.getTime() && m.photoId !== photo.photoId);
  if (earlier.length === 0) return null;
  const sorted = [...earlier].sort(byAddedAt);
  const [original, ...others] = sorted;
  return { photoId: photo.photoId, original, others: others.slice(0, rules.maxOthers) };
}

/** Earliest first; the photo id settles a tie so that every run names the same original. */
function byAddedAt(a: PhotoMatch, b: PhotoMatch): number {
  return a.addedAt.getTime() - b.addedAt.getTime() || a.distance - b.distance || (a.photoId < b.photoId ? -1 : a.photoId > b.photoId ? 1 : 0);
}
