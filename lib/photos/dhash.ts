/**
 * Difference hashes (dHash) of a photo, for spotting recycled photos.
 *
 * A dHash is a 64-bit fingerprint: the image in greyscale, averaged into 9×8
 * cells, one bit per horizontal neighbour comparison. It survives re-encoding,
 * resizing, brightening and small stamps, but not a mirror, a rotation or a
 * crop (a crop of 8 % moved it by 7–17 bits, issue 18). So a photo is hashed
 * several ways (`photoHashes`):
 *
 * - on its **content box**: the frame of a screenshot (flat bars, a status
 *   line) is cut away first, so a photo inside a larger frame hashes like the
 *   photo itself;
 * - `probes`: the content under each of the 8 orientations (mirrors and
 *   rotations by 90°) — what a new photo is looked up with;
 * - `index`: the content and crops of it up to 20 % off each edge, on a grid
 *   (CROP_GRID) — what an earlier photo is found by. A cropped copy lands near
 *   one of the grid's crops, and a mirrored or rotated copy's probe in the
 *   right orientation finds it.
 *
 * Candidates found this way are generous on purpose; the second stage
 * (lib/supervision/anomalies/photo-match.ts) compares the two images finely.
 * Everything here is computed from one small greyscale decode (sharp).
 */
import sharp, { type Sharp } from "sharp";

/** A greyscale image: one byte per pixel, row by row. */
export type Grey = { width: number; height: number; data: Uint8Array };

/** [left, top, right, bottom] in pixels of a Grey, right and bottom excluded. */
export type Box = [number, number, number, number];

/** Side of the greyscale decode every hash is computed from. */
export const GREY_SIZE = 256;

/**
 * The 8 orientations (dihedral group): an output point (u, v) in [0, 1]² is
 * read from the source at the returned point. 0 is the photo as it is,
 * 1 its mirror image, 2 and 3 the two 180° variants, 4–7 the rotations by 90°
 * and their mirrors.
 */
export const ORIENTATIONS: readonly ((u: number, v: number) => [number, number])[] = [
  (u, v) => [u, v],
  (u, v) => [1 - u, v],
  (u, v) => [1 - u, 1 - v],
  (u, v) => [u, 1 - v],
  (u, v) => [v, 1 - u],
  (u, v) => [1 - v, u],
  (u, v) => [v, u],
  (u, v) => [1 - v, 1 - u],
];

export const ORIENTATION_LABELS = ["原图方向", "左右镜像", "旋转 180°", "上下镜像", "旋转 90°", "旋转 90°（另一方向）", "转置", "反转置"] as const;

/**
 * Crops stored for the index, as [left, top, right, bottom] fractions cut off
 * the content box: none, each edge alone, opposite pairs and all four, at 10 %
 * and 20 %. A crop of up to 20 % off any edges lies within about 5–10 % of one of them.
 */
export const CROP_GRID: readonly [number, number, number, number][] = (() => {
  const out: [number, number, number, number][] = [[0, 0, 0, 0]];
  for (const f of [0.1, 0.2]) {
    out.push([f, 0, 0, 0], [0, f, 0, 0], [0, 0, f, 0], [0, 0, 0, f], [f, 0, f, 0], [0, f, 0, f], [f, f, f, f]);
    out.push([f, f, 0, 0], [0, f, f, 0], [0, 0, f, f], [f, 0, 0, f]);
  }
  return out;
})();

/** The photo upright, in greyscale, at most `size` pixels on its longer side. */
export async function greyOf(image: Buffer, size = GREY_SIZE): Promise<Grey> {
  const { data, info } = await sharp(image).rotate().greyscale().resize(size, size, { fit: "inside" }).raw().toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  const out = new Uint8Array(info.width * info.height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels];
  return { width: info.width, height: info.height, data: out };
}

/** Summed-area table of a Grey, (w+1)×(h+1), for cell means in O(1). */
export type Integral = { width: number; height: number; sums: Float64Array };

export function integralOf(grey: Grey): Integral {
  const w = grey.width + 1;
  const sums = new Float64Array(w * (grey.height + 1));
  for (let y = 0; y < grey.height; y++) {
    let row = 0;
    for (let x = 0; x < grey.width; x++) {
      row += grey.data[y * grey.width + x];
      sums[(y + 1) * w + x + 1] = sums[y * w + x + 1] + row;
    }
  }
  return { width: grey.width, height: grey.height, sums };
}

/** Mean of the pixels in [x0, x1) × [y0, y1) (pixel units, rounded; at least one pixel). */
export function rectMean(integral: Integral, x0: number, y0: number, x1: number, y1: number): number {
  let a = Math.max(0, Math.min(integral.width - 1, Math.round(x0)));
  let b = Math.max(0, Math.min(integral.height - 1, Math.round(y0)));
  let c = Math.max(a + 1, Math.min(integral.width, Math.round(x1)));
  let d = Math.max(b + 1, Math.min(integral.height, Math.round(y1)));
  if (c > integral.width) [a, c] = [integral.width - 1, integral.width];
  if (d > integral.height) [b, d] = [integral.height - 1, integral.height];
  const w = integral.width + 1;
  const s = integral.sums;
  return (s[d * w + c] - s[b * w + c] - s[d * w + a] + s[b * w + a]) / ((c - a) * (d - b));
}

/**
 * A neighbour must be this many grey levels darker for a 1 bit: in flat areas
 * (a clear sky, a wall) the bits stay 0 instead of following the noise, which
 * flipped a third of a copy's bits (measured in bench/anomaly-accuracy.ts).
 */
export const DEAD_ZONE = 3;

/** Mean grey of each cell of a cols×rows grid over a box, seen in an orientation; row by row. */
export function cellMeans(integral: Integral, box: Box, orientation: number, cols: number, rows: number, out = new Float64Array(cols * rows)): Float64Array {
  const map = ORIENTATIONS[orientation];
  const [left, top, right, bottom] = box;
  const bw = right - left;
  const bh = bottom - top;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const [ax, ay] = map(x / cols, y / rows);
      const [bx, by] = map((x + 1) / cols, (y + 1) / rows);
      out[y * cols + x] = rectMean(
        integral,
        left + Math.min(ax, bx) * bw,
        top + Math.min(ay, by) * bh,
        left + Math.max(ax, bx) * bw,
        top + Math.max(ay, by) * bh,
      );
    }
  }
  return out;
}

/** The dHash (16 hex digits) of a box of the image, seen in an orientation. */
export function dHashOf(integral: Integral, box: Box, orientation = 0): string {
  const cells = cellMeans(integral, box, orientation, 9, 8);
  let hi = 0;
  let lo = 0;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const bit = cells[y * 9 + x] - cells[y * 9 + x + 1] > DEAD_ZONE ? 1 : 0;
      if (y < 4) hi = (hi << 1) | bit;
      else lo = (lo << 1) | bit;
    }
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

/**
 * Where the photo is in the image: a screenshot's frame (bars of one colour,
 * perhaps with a status line or buttons in them) is cut away. From each
 * edge, lines nearly all of the edge's colour are frame (with thin bands of
 * text between them), if the first line
 * after them clearly differs from it — so a clear sky fading slowly at the
 * top of a photo is not taken for a frame. Falls back to the whole image when
 * less than a quarter would remain.
 */
export function contentBox(grey: Grey): Box {
  const { width, height } = grey;
  const row = (y: number): Line => ({ start: y * width, step: 1, count: width });
  const col = (x: number): Line => ({ start: x, step: width, count: height });
  const top = frameDepth(grey, row, 0, 1, height);
  const bottom = height - frameDepth(grey, row, height - 1, -1, height);
  const left = frameDepth(grey, col, 0, 1, width);
  const right = width - frameDepth(grey, col, width - 1, -1, width);
  if (bottom - top < 0.25 * height || right - left < 0.25 * width) return [0, 0, width, height];
  return [left, top, right, bottom];
}

type Line = { start: number; step: number; count: number };

/** How many lines from an edge are frame (0 when there is none). */
function frameDepth(grey: Grey, line: (i: number) => Line, first: number, dir: 1 | -1, length: number): number {
  const values = (l: Line) => Array.from({ length: l.count }, (_, k) => grey.data[l.start + k * l.step]);
  const edge = values(line(first)).sort((a, b) => a - b);
  const colour = edge[edge.length >> 1];
  const near = (l: Line) => values(l).filter((v) => Math.abs(v - colour) <= 12).length / l.count;
  // The edge line itself must be frame-like: nearly all one colour.
  if (near(line(first)) < 0.9) return 0;
  const max = Math.floor(length * 0.6);
  const isFrame = (i: number) => near(line(first + dir * i)) >= 0.9;
  let depth = 0;
  while (depth < max) {
    if (isFrame(depth)) {
      depth++;
      continue;
    }
    // A thin busy band with frame beyond it is a status line or buttons: still frame.
    let end = depth;
    while (end < max && end - depth <= length * 0.05 && !isFrame(end)) end++;
    if (end < max && end - depth <= length * 0.05) {
      depth = end;
      continue;
    }
    break;
  }
  if (depth >= max) return 0;
  // The first lines of the photo (the very first may be blended with the frame by resizing).
  const difference = (i: number) => {
    const next = values(line(first + dir * i));
    return next.reduce((sum, v) => sum + Math.abs(v - colour), 0) / next.length;
  };
  return Math.max(difference(depth), difference(Math.min(depth + 2, length - 1))) >= 24 ? depth : 0;
}

/** Cut a crop (fractions off each edge) out of a box. */
export function cropBox(box: Box, crop: readonly [number, number, number, number]): Box {
  const [l, t, r, b] = box;
  const w = r - l;
  const h = b - t;
  return [l + crop[0] * w, t + crop[1] * h, r - crop[2] * w, b - crop[3] * h];
}

export type PhotoHashes = {
  /** the whole image (with the dead zone) */
  dHash: string;
  /** the content box under each orientation (ORIENTATIONS order) */
  probes: string[];
  /** the content box and its crops (CROP_GRID order) */
  index: string[];
  /** the content box found, as fractions of the image [left, top, right, bottom] */
  content: [number, number, number, number];
};

export function hashesOfGrey(grey: Grey): PhotoHashes {
  const integral = integralOf(grey);
  const content = contentBox(grey);
  return {
    dHash: dHashOf(integral, [0, 0, grey.width, grey.height]),
    probes: ORIENTATIONS.map((_, o) => dHashOf(integral, content, o)),
    index: CROP_GRID.map((crop) => dHashOf(integral, cropBox(content, crop))),
    content: [content[0] / grey.width, content[1] / grey.height, content[2] / grey.width, content[3] / grey.height],
  };
}

export async function photoHashes(image: Buffer): Promise<PhotoHashes> {
  return hashesOfGrey(await greyOf(image));
}

/**
 * The whole image's dHash as stored in Photo.dHash since issue 5 (sharp's 9×8
 * resize, no dead zone): kept so stored values stay comparable; the checks use
 * `photoHashes`.
 */
export async function dHash(image: Buffer | Sharp): Promise<string> {
  const source = Buffer.isBuffer(image) ? sharp(image).rotate() : image;
  const { data } = await source.greyscale().resize(9, 8, { fit: "fill" }).raw().toBuffer({ resolveWithObject: true });
  let bits = 0n;
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits = (bits << 1n) | (data[y * 9 + x] > data[y * 9 + x + 1] ? 1n : 0n);
  return bits.toString(16).padStart(16, "0");
}

const POPCOUNT = new Uint8Array(65536);
for (let i = 1; i < 65536; i++) POPCOUNT[i] = POPCOUNT[i >> 1] + (i & 1);

/** Bits that differ between two hashes (0 = the same picture, 64 = opposites). */
export function hammingDistance(a: string, b: string): number {
  let count = 0;
  for (let i = 0; i < 16; i += 4) count += POPCOUNT[parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16)];
  return count;
}

/** The four 16-bit bands of a hash, for multi-index hashing (lib/supervision/anomalies/photo-index.ts). */
export function bandsOf(hash: string): [number, number, number, number] {
  return [0, 4, 8, 12].map((i) => parseInt(hash.slice(i, i + 4), 16)) as [number, number, number, number];
}
