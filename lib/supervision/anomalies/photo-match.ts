/**
 * The second stage of the recycled-photo check (pure): a fine comparison of
 * two photos that the hash index (photo-index.ts) offered as candidates.
 *
 * Both photos are seen in greyscale as grids of 24×24 cell means over their
 * content boxes (lib/photos/dhash.ts). The later photo is tried in each of the
 * 8 orientations against crops of the earlier one of up to 25 % off each edge
 * (searched on a 5 % grid, then refined by 2.5 %), and the earlier one against
 * crops of the later one (a photo inside a larger frame that the content box
 * did not cut away). The score is the best normalised correlation (Pearson)
 * of the two grids: a copy scores about 0.99 whatever was done to it; two
 * shots of the same site on different days differ in parallax, light and
 * what moved, and score lower (bench/anomaly-accuracy.ts measures both).
 */
import { type Box, type Grey, type Integral, ORIENTATIONS, cellMeans, contentBox, cropBox, integralOf } from "@/lib/photos/dhash";

export const PHOTO_MATCH_RULES = {
  /** correlation at or above which two photos are the same picture (bench/anomaly-accuracy.ts) */
  minCorrelation: 0.97,
  /** grid side */
  grid: 24,
};

export type Crop = [number, number, number, number];

export type PhotoMatchResult = {
  /** best correlation found, −1…1 */
  correlation: number;
  /** orientation of the later photo (lib/photos/dhash.ts ORIENTATIONS) */
  orientation: number;
  /** fractions cut off [left, top, right, bottom] of the photo that holds the other */
  crop: Crop;
  /** which photo holds the other: the later one is a crop of the earlier, or the earlier sits inside the later */
  holder: "EARLIER" | "LATER";
};

export type PreparedPhoto = { integral: Integral; box: Box };

export function preparePhoto(grey: Grey): PreparedPhoto {
  return { integral: integralOf(grey), box: contentBox(grey) };
}

/** Coarse crops searched first (on a 12×12 grid), then refined around the best ones (24×24). */
const STEPS = [0, 0.07, 0.14, 0.21];
const REVERSE_STEPS = [0, 0.12, 0.24, 0.36];
const grid4 = (steps: number[]): Crop[] => steps.flatMap((l) => steps.flatMap((t) => steps.flatMap((r) => steps.map((b) => [l, t, r, b] as Crop))));
const COARSE = grid4(STEPS);
const REVERSE = grid4(REVERSE_STEPS).filter((c) => c.some((f) => f > 0));

/** Zero mean, unit length (null for a flat grid: nothing to compare). */
function normalised(v: Float64Array): Float64Array | null {
  let mean = 0;
  for (const x of v) mean += x;
  mean /= v.length;
  let norm = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] -= mean;
    norm += v[i] * v[i];
  }
  // Under about 2 grey levels of variation: a blank frame.
  if (norm < 4 * v.length) return null;
  norm = Math.sqrt(norm);
  for (let i = 0; i < v.length; i++) v[i] /= norm;
  return v;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

type Candidate = { correlation: number; orientation: number; crop: Crop };

/**
 * The best alignment of `later` onto `earlier`, with its correlation: the
 * later photo against crops of the earlier one, and the earlier against
 * crops of the later one; each searched coarsely, then refined around the
 * two best coarse alignments; the reversed search only when the first found no match.
 */
export function comparePhotos(earlier: PreparedPhoto, later: PreparedPhoto, rules = PHOTO_MATCH_RULES): PhotoMatchResult {
  const fine = rules.grid;
  const coarse = Math.max(6, fine >> 1);
  const grid = gridOf;
  const orientations = ORIENTATIONS.map((_, o) => o);

  /** `holder` cropped (orientation 0) against `whole` in an orientation; or, reversed, `whole` against the holder's crop seen in an orientation. */
  const search = (holder: PreparedPhoto, whole: PreparedPhoto, crops: Crop[], reversed: boolean): Candidate => {
    const score = (crop: Crop, o: number, n: number, wholeGrids: (Float64Array | null)[]) => {
      const box = cropBox(holder.box, crop);
      const h = grid(holder, box, reversed ? o : 0, n);
      const w = reversed ? wholeGrids[0] : wholeGrids[o];
      return h && w ? dot(h, w) : -1;
    };
    const wholeAt = (n: number) => (reversed ? [grid(whole, whole.box, 0, n)] : orientations.map((o) => grid(whole, whole.box, o, n)));
    const coarseWhole = wholeAt(coarse);
    const found: Candidate[] = [];
    for (const crop of crops) {
      if (reversed) {
        for (const o of orientations) found.push({ correlation: score(crop, o, coarse, coarseWhole), orientation: o, crop });
      } else found.push(...forwardAt(holder, crop, coarse, coarseWhole));
    }
    found.sort((a, b) => b.correlation - a.correlation);
    const fineWhole = wholeAt(fine);
    let best: Candidate = { correlation: -1, orientation: 0, crop: [0, 0, 0, 0] };
    for (const start of found.slice(0, 2)) {
      for (const step of [0.035, 0.0175]) {
        const around = best.crop === start.crop || best.correlation < 0 ? start : best;
        for (const crop of neighbours(around.crop, step)) {
          const c = score(crop, start.orientation, fine, fineWhole);
          if (c > best.correlation) best = { correlation: c, orientation: start.orientation, crop };
        }
      }
    }
    return best;
  };

  const inEarlier = search(earlier, later, COARSE, false);
  const inLater = inEarlier.correlation >= rules.minCorrelation ? inEarlier : search(later, earlier, REVERSE, true);
  const best: PhotoMatchResult = inLater.correlation > inEarlier.correlation ? { ...inLater, holder: "LATER" } : { ...inEarlier, holder: "EARLIER" };
  return { ...best, correlation: Math.round(best.correlation * 1000) / 1000, crop: best.crop.map((f) => Math.round(f * 1000) / 1000) as Crop };
}

/** The grid of a box of a photo seen in an orientation, normalised (null when too small or flat). */
function gridOf(p: PreparedPhoto, box: Box, o: number, n: number): Float64Array | null {
  return box[2] - box[0] < 8 || box[3] - box[1] < 8 ? null : normalised(cellMeans(p.integral, box, o, n, n));
}

/** One crop of the holder (orientation 0) against the whole photo's grids in every orientation: one crop grid serves all eight. */
function forwardAt(holder: PreparedPhoto, crop: Crop, n: number, wholeGrids: (Float64Array | null)[]): Candidate[] {
  const h = gridOf(holder, cropBox(holder.box, crop), 0, n);
  if (!h) return [];
  const out: Candidate[] = [];
  wholeGrids.forEach((w, o) => {
    if (w) out.push({ correlation: dot(h, w), orientation: o, crop });
  });
  return out;
}

/**
 * The coarse part of the comparison alone (12×12 grids, the later photo in
 * each orientation against the crops of the earlier one): a few milliseconds,
 * used to rank the index's candidates so that the fine comparison goes to the
 * likeliest ones (a crop's source can be far down the Hamming ranking).
 */
export function coarseCorrelation(earlier: PreparedPhoto, later: PreparedPhoto, rules = PHOTO_MATCH_RULES): number {
  const n = Math.max(6, rules.grid >> 1);
  const wholeGrids = ORIENTATIONS.map((_, o) => gridOf(later, later.box, o, n));
  let best = -1;
  for (const crop of COARSE) for (const c of forwardAt(earlier, crop, n, wholeGrids)) best = Math.max(best, c.correlation);
  return best;
}

function neighbours(crop: Crop, step: number): Crop[] {
  const out: Crop[] = [];
  const around = (f: number) => [f - step, f, f + step].filter((x) => x >= 0 && x <= 0.45);
  for (const l of around(crop[0])) for (const t of around(crop[1])) for (const r of around(crop[2])) for (const b of around(crop[3])) out.push([l, t, r, b]);
  return out;
}

export function isSamePhoto(match: PhotoMatchResult, rules = PHOTO_MATCH_RULES): boolean {
  return match.correlation >= rules.minCorrelation;
}
