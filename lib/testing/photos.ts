/** The one home of the tests' photos: the file fields of a photo row with no picture behind it, and a throwaway storage. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { PhotoUpload } from "@/lib/reports/submit";
import { LocalDirStorage } from "@/lib/storage";

/** Keys and checksum made from `key`, a `size`-pixel square of one byte. */
export function testPhotoFile(key: string, size = 1) {
  return { storageKey: `${key}.jpg`, thumbKey: `${key}-t.jpg`, mime: "image/jpeg", width: size, height: size, bytes: 1, sha256: key };
}

/** Photo storage in a fresh temporary folder named after `name` (the test removes `dir` when done). */
export function tempPhotoStorage(name: string): { dir: string; storage: LocalDirStorage } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `shaitai-${name}-`));
  return { dir, storage: new LocalDirStorage(dir) };
}

/** A photo as a phone uploads it: a 1200 × 900 JPEG of its own for each `seed`, named IMG_<seed>.jpg. */
export async function photoUpload(seed: number): Promise<PhotoUpload> {
  const [width, height] = [1200, 900];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="hsl(${(seed * 53) % 360},50%,60%)"/>
    <circle cx="${(seed * 131) % width}" cy="${(seed * 71) % height}" r="160" fill="#fff"/></svg>`;
  return { name: `IMG_${seed}.jpg`, data: await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer() };
}
