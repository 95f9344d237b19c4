/**
 * Checks and prepares an uploaded photo (issue 4): the type is read from the
 * content, not the name or the header; size and pixel count are capped; the
 * image is re-encoded (which also drops everything but pixels) with a
 * thumbnail and a display size (lib/photos/sizes.ts); EXIF time and GPS are
 * kept as data, and a dHash for anomaly checks.
 */
import crypto from "node:crypto";
import exifr from "exifr";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { dHash } from "@/lib/photos/dhash";
import { FULL_SIZE, JPEG_FAST, renderDisplay, renderThumb, THUMB_SIZE } from "@/lib/photos/sizes";
import { districtInstant } from "@/lib/time";

import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from "@/lib/photos/limits";

export { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MAX_PHOTOS_PER_SLOT } from "@/lib/photos/limits";
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "heif", "avif"]);

export type PhotoRejection = "TOO_LARGE" | "NOT_AN_IMAGE" | "TOO_MANY_PIXELS";

export class PhotoRejectedError extends Error {
  constructor(
    readonly reason: PhotoRejection,
    message: string,
  ) {
    super(message);
  }
}

export type ProcessedPhoto = {
  full: Buffer;
  /** ~1280 px, for the lightbox */
  display: Buffer;
  /** ~320 px, for galleries and the feed */
  thumb: Buffer;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  dHash: string;
  exifTakenAt: Date | null;
  exifLat: number | null;
  exifLng: number | null;
};

/** EXIF "2026:11:27 09:12:33" has no zone: read it as the district's wall clock. */
export function parseExifDateTime(value: unknown, offset?: unknown): Date | null {
  if (typeof value !== "string") return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  if (typeof offset === "string" && /^[+-]\d{2}:\d{2}$/.test(offset)) {
    const parsed = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  const instant = districtInstant(`${y}-${mo}-${d}`, `${h}:${mi}`);
  return Number.isNaN(instant.getTime()) ? null : new Date(instant.getTime() + Number(s) * 1000);
}

async function readExif(input: Buffer): Promise<{ takenAt: Date | null; lat: number | null; lng: number | null }> {
  try {
    const tags = await exifr.parse(input, {
      reviveValues: false,
      gps: true,
      pick: ["DateTimeOriginal", "OffsetTimeOriginal", "CreateDate", "GPSLatitude", "GPSLatitudeRef", "GPSLongitude", "GPSLongitudeRef"],
    });
    const gps = await exifr.gps(input).catch(() => undefined);
    const lat = gps && Number.isFinite(gps.latitude) ? gps.latitude : null;
    const lng = gps && Number.isFinite(gps.longitude) ? gps.longitude : null;
    return { takenAt: parseExifDateTime(tags?.DateTimeOriginal ?? tags?.CreateDate, tags?.OffsetTimeOriginal), lat, lng };
  } catch {
    return { takenAt: null, lat: null, lng: null };
  }
}

export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.byteLength > MAX_PHOTO_BYTES) {
    throw new PhotoRejectedError("TOO_LARGE", `照片超过 10 MB(${(input.byteLength / 1024 / 1024).toFixed(1)} MB)，请压缩后再上传。`);
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoRejectedError("NOT_AN_IMAGE", "文件不是可识别的图片（支持 JPEG、PNG、WebP、HEIC）。");
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) {
    throw new PhotoRejectedError("NOT_AN_IMAGE", "文件不是可识别的图片（支持 JPEG、PNG、WebP、HEIC）。");
  }
  if (metadata.width * metadata.height > MAX_PHOTO_PIXELS) {
    const mp = Math.round((metadata.width * metadata.height) / 1_000_000);
    throw new PhotoRejectedError("TOO_MANY_PIXELS", `图片像素过大（约 ${mp} 百万像素，上限 50 百万像素）。`);
  }

  const exif = await readExif(input);
  let full: { data: Buffer; info: OutputInfo };
  let thumb: Buffer;
  let display: Buffer;
  let hash: string;
  try {
    // The upload is decoded once (the costly step), oriented and brought to the stored size as raw
    // pixels; the three sizes and the hash are made from those pixels, side by side in sharp's thread
    // pool. JPEG_FAST: see lib/photos/sizes.ts (bench/report-load.ts, a burst of submissions).
    const pixels = await sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS })
      .rotate()
      .resize({ width: FULL_SIZE, height: FULL_SIZE, fit: "inside", withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const fromPixels = () => sharp(pixels.data, { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } });
    let thumbPixels: { data: Buffer; info: OutputInfo };
    [full, display, thumbPixels] = await Promise.all([
      fromPixels()
        .jpeg({ quality: 82, ...JPEG_FAST })
        .toBuffer({ resolveWithObject: true }),
      renderDisplay(fromPixels()),
      fromPixels().resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: "inside", withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true }),
    ]);
    // The thumbnail's pixels serve the hash too (a 9×8 summary of the picture: the same from 320 px as from 2048 px).
    const fromThumb = () =>
      sharp(thumbPixels.data, { raw: { width: thumbPixels.info.width, height: thumbPixels.info.height, channels: thumbPixels.info.channels } });
    [thumb, hash] = await Promise.all([renderThumb(fromThumb()), dHash(fromThumb())]);
  } catch {
    throw new PhotoRejectedError("NOT_AN_IMAGE", "图片已损坏，无法读取。");
  }
  return {
    full: full.data,
    display,
    thumb,
    width: full.info.width,
    height: full.info.height,
    bytes: full.data.byteLength,
    sha256: crypto.createHash("sha256").update(full.data).digest("hex"),
    dHash: hash,
    exifTakenAt: exif.takenAt,
    exifLat: exif.lat,
    exifLng: exif.lng,
  };
}
