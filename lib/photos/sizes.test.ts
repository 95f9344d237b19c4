import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import exifr from "exifr";
import sharp from "sharp";
import { processPhoto } from "@/lib/photos/process";
import { displayKeyOf, JPEG_FAST, photoFileKeys, photoSizeInput, readPhotoSize, renderThumb, resizeJpeg, THUMB_SIZE } from "@/lib/photos/sizes";
import { LocalDirStorage } from "@/lib/storage/index";

/**
 * A phone photo stored sideways: 3000×2000 pixels with Orientation 6 (turn
 * 90° clockwise to view), so upright it is 2000 wide and 3000 tall. The left
 * half of the stored pixels is red: upright, red is at the top.
 */
async function sidewaysCameraJpeg(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><rect width="1500" height="2000" fill="#e00"/><rect x="1500" width="1500" height="2000" fill="#00e"/></svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "Shaitai", Model: "Test Camera" },
      IFD2: { DateTimeOriginal: "2026:11:27 09:12:33" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 46/1 2640/100", GPSLongitudeRef: "E", GPSLongitude: "114/1 31/1 120/100" },
    })
    .toBuffer();
}

async function topPixel(image: Buffer): Promise<[number, number, number]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (Math.floor(info.width / 2) + 5 * info.width) * info.channels;
  return [data[at], data[at + 1], data[at + 2]];
}

test("an upload gives a 320 px thumbnail and a 1280 px display size, upright, without EXIF", async () => {
  const processed = await processPhoto(await sidewaysCameraJpeg());
  // The EXIF is read as data before it is dropped.
  assert.equal(processed.exifTakenAt?.toISOString(), "2026-11-27T01:12:33.000Z");
  assert.ok(processed.exifLat !== null && Math.abs(processed.exifLat - 36.774) < 1e-3);

  const sizes = { full: processed.full, display: processed.display, thumb: processed.thumb };
  const expected = { full: [1365, 2048], display: [853, 1280], thumb: [213, 320] };
  for (const [name, image] of Object.entries(sizes)) {
    const meta = await sharp(image).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", ...expected[name as keyof typeof expected]], `${name} size`);
    // Orientation applied to the pixels (portrait, red on top), not left as a tag.
    assert.equal(meta.orientation, undefined, `${name} orientation tag`);
    const [r, , b] = await topPixel(image);
    assert.ok(r > 200 && b < 60, `${name}: red at the top, got r=${r} b=${b}`);
    // No EXIF at all: no GPS, no time, no camera.
    assert.equal(meta.exif, undefined, `${name} has no EXIF segment`);
    assert.equal(await exifr.gps(image).catch(() => undefined), undefined, `${name} has no GPS`);
  }
  assert.ok(processed.thumb.byteLength < 30_000, `thumbnail ${processed.thumb.byteLength} bytes`);
  assert.ok(processed.display.byteLength < processed.full.byteLength);
});

test("a photo stored before display sizes existed gets one on first request, stored once", async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "shaitai-sizes-"));
  try {
    const storage = new LocalDirStorage(root);
    const processed = await processPhoto(await sidewaysCameraJpeg());
    const photo = { storageKey: "2026/11/27/abc.jpg", thumbKey: "2026/11/27/abc-thumb.jpg" };
    await storage.put(photo.storageKey, processed.full);
    await storage.put(photo.thumbKey, processed.thumb);
    assert.equal(displayKeyOf(photo.storageKey), "2026/11/27/abc-display.jpg");
    assert.equal(await storage.get(displayKeyOf(photo.storageKey)), null);

    const display = await readPhotoSize(storage, photo, "display");
    assert.ok(display);
    const meta = await sharp(display).metadata();
    assert.deepEqual([meta.width, meta.height], [853, 1280]);
    const stored = await storage.get(displayKeyOf(photo.storageKey));
    assert.ok(stored?.equals(display), "the display size is stored");
    // Only the whole file is ever visible: no temporary file is left.
    assert.deepEqual((await fs.readdir(path.join(root, "2026/11/27"))).sort(), ["abc-display.jpg", "abc-thumb.jpg", "abc.jpg"]);
    assert.ok((await readPhotoSize(storage, photo, "thumb"))?.equals(processed.thumb));
    assert.ok((await readPhotoSize(storage, photo, "full"))?.equals(processed.full));

    // Deleting a photo deletes all three files.
    await Promise.all(photoFileKeys(photo).map((key) => storage.delete(key)));
    assert.deepEqual(await fs.readdir(path.join(root, "2026/11/27")), []);
    // An original that is gone gives nothing, and no display file is made.
    assert.equal(await readPhotoSize(storage, photo, "display"), null);
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
});

test("the size parameter accepts only the three sizes", () => {
  assert.equal(photoSizeInput.safeParse("display").success, true);
  assert.equal(photoSizeInput.safeParse("original").success, false);
  assert.equal(photoSizeInput.safeParse("../x").success, false);
});

test("the thumbnail, which the feed downloads, keeps optimised Huffman tables: smaller than the fast encoding of the same pixels", async () => {
  const noise = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
    .png()
    .toBuffer();
  const photo = await sharp(noise).jpeg({ quality: 90 }).toBuffer();
  const thumb = await renderThumb(photo);
  const fast = await resizeJpeg(photo, THUMB_SIZE, 72, JPEG_FAST);
  const meta = await sharp(thumb).metadata();
  assert.equal(Math.max(meta.width!, meta.height!), THUMB_SIZE);
  assert.ok(thumb.byteLength < fast.byteLength, `thumbnail ${thumb.byteLength} B, fast encoding ${fast.byteLength} B`);
});
