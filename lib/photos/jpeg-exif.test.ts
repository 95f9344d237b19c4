import assert from "node:assert/strict";
import { test } from "node:test";
import exifr from "exifr";
import sharp from "sharp";
import { extractExifSegment, insertExifSegment, withUprightOrientation } from "@/lib/photos/jpeg-exif";

async function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 400, height: 300, channels: 3, background: "#6a8" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD2: { DateTimeOriginal: "2026:11:27 09:12:33" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "36/1 46/1 2640/100", GPSLongitudeRef: "E", GPSLongitude: "114/1 31/1 120/100" },
    })
    .toBuffer();
}

test("a downscaled copy keeps the original's EXIF time and GPS, upright", async () => {
  const original = new Uint8Array(await cameraJpeg());
  const segment = extractExifSegment(original);
  assert.ok(segment, "the camera JPEG has an Exif segment");
  // What a canvas gives back: a JPEG without any EXIF.
  const downscaled = new Uint8Array(
    await sharp({ create: { width: 200, height: 150, channels: 3, background: "#6a8" } })
      .jpeg()
      .toBuffer(),
  );
  assert.equal(extractExifSegment(downscaled), null);

  const kept = insertExifSegment(downscaled, withUprightOrientation(segment));
  const tags = await exifr.parse(Buffer.from(kept), { gps: true, reviveValues: false });
  assert.equal(tags.DateTimeOriginal, "2026:11:27 09:12:33");
  assert.equal(tags.latitude, 36.774);
  assert.equal(tags.Orientation, "Horizontal (normal)");
  // Still a JPEG sharp reads, with the canvas's pixels.
  const meta = await sharp(Buffer.from(kept)).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height, meta.orientation], ["jpeg", 200, 150, 1]);
});

test("anything that is not a JPEG with EXIF is left alone", async () => {
  assert.equal(extractExifSegment(new TextEncoder().encode("not a jpeg")), null);
  const png = new Uint8Array(
    await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .png()
      .toBuffer(),
  );
  assert.equal(extractExifSegment(png), null);
  assert.equal(insertExifSegment(png, new Uint8Array([1, 2])), png);
});
