import assert from "node:assert/strict";
import { test } from "node:test";
import sharp from "sharp";
import { dHash, hammingDistance } from "@/lib/photos/dhash";
import { parseExifDateTime, PhotoRejectedError, processPhoto } from "@/lib/photos/process";

/** A photo-like image: a smooth gradient with a few shapes, seeded. */
async function sceneJpeg(seed: number, width = 800, height = 600): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(seed * 47) % 360},60%,70%)"/><stop offset="1" stop-color="hsl(${(seed * 47 + 120) % 360},50%,30%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${(seed * 131) % width}" cy="${(seed * 71) % height}" r="${80 + (seed % 5) * 20}" fill="#fff" opacity="0.7"/>
    <rect x="${(seed * 53) % width}" y="${(seed * 97) % height}" width="200" height="120" fill="#222"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

test("a photo is re-encoded with a thumbnail and fingerprints", async () => {
  const processed = await processPhoto(await sceneJpeg(1, 3000, 2000));
  assert.equal(processed.width, 2048);
  assert.equal(processed.height, 1365);
  assert.match(processed.sha256, /^[0-9a-f]{64}$/);
  assert.match(processed.dHash, /^[0-9a-f]{16}$/);
  const thumb = await sharp(processed.thumb).metadata();
  assert.equal(thumb.width, 320);
});

test("a text file named .jpg is refused by its content", async () => {
  await assert.rejects(
    processPhoto(Buffer.from("这不是图片，只是一段文字。".repeat(50))),
    (e: unknown) => e instanceof PhotoRejectedError && e.reason === "NOT_AN_IMAGE",
  );
});

test("an image over 50 megapixels is refused before it is decoded", async () => {
  const huge = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#888" } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  await assert.rejects(processPhoto(huge), (e: unknown) => e instanceof PhotoRejectedError && e.reason === "TOO_MANY_PIXELS" && /百万像素/.test(e.message));
});

test("a file over 10 MB is refused", async () => {
  await assert.rejects(processPhoto(Buffer.alloc(11 * 1024 * 1024, 1)), (e: unknown) => e instanceof PhotoRejectedError && e.reason === "TOO_LARGE");
});

test("dHash: a re-encoded, resized copy stays close; another scene is far", async () => {
  const original = await sceneJpeg(7);
  const copy = await sharp(original).resize(400).jpeg({ quality: 55 }).toBuffer();
  const other = await sceneJpeg(8);
  const [a, b, c] = await Promise.all([dHash(original), dHash(copy), dHash(other)]);
  assert.ok(hammingDistance(a, b) <= 6, `copy distance ${hammingDistance(a, b)}`);
  assert.ok(hammingDistance(a, c) > 12, `other distance ${hammingDistance(a, c)}`);
  assert.equal(hammingDistance(a, a), 0);
});

test("EXIF times without a zone are read as district wall-clock time", () => {
  assert.equal(parseExifDateTime("2026:11:27 09:12:33")?.toISOString(), "2026-11-27T01:12:33.000Z");
  assert.equal(parseExifDateTime("2026:11:27 09:12:33", "+00:00")?.toISOString(), "2026-11-27T09:12:33.000Z");
  assert.equal(parseExifDateTime("garbage"), null);
  assert.equal(parseExifDateTime(undefined), null);
});
