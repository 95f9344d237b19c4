/**
 * Keeping a photo's EXIF across the browser's downscale. A canvas re-encode
 * drops EXIF, and with it the time and GPS the server keeps as data (and the
 * supervision checks compare with the slot). So the original's EXIF segment
 * (APP1) is copied into the downscaled JPEG — with its orientation reset to
 * "upright", because the canvas has already turned the pixels.
 * Pure byte work on Uint8Array: it runs in the browser and in tests.
 */

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"
const ORIENTATION_TAG = 0x0112;

function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8;
}

/** The whole APP1 Exif segment (marker, length and payload) of a JPEG, or null. */
export function extractExifSegment(jpeg: Uint8Array): Uint8Array | null {
  if (!isJpeg(jpeg)) return null;
  let offset = 2;
  while (offset + 4 <= jpeg.length && jpeg[offset] === 0xff) {
    const marker = jpeg[offset + 1];
    // Start of scan or end of image: no more metadata segments.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = (jpeg[offset + 2] << 8) | jpeg[offset + 3];
    const end = offset + 2 + length;
    if (length < 2 || end > jpeg.length) return null;
    if (marker === 0xe1 && EXIF_HEADER.every((b, i) => jpeg[offset + 4 + i] === b)) return jpeg.slice(offset, end);
    offset = end;
  }
  return null;
}

/** A copy of an APP1 Exif segment whose orientation (if any) says "upright". */
export function withUprightOrientation(segment: Uint8Array): Uint8Array {
  const out = segment.slice();
  const tiff = 4 + EXIF_HEADER.length;
  if (out.length < tiff + 8) return out;
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const little = out[tiff] === 0x49 && out[tiff + 1] === 0x49;
  const ifd0 = tiff + view.getUint32(tiff + 4, little);
  if (ifd0 + 2 > out.length) return out;
  const count = view.getUint16(ifd0, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > out.length) break;
    if (view.getUint16(entry, little) === ORIENTATION_TAG) view.setUint16(entry + 8, 1, little);
  }
  return out;
}

/** The JPEG with `segment` inserted right after its start-of-image marker. */
export function insertExifSegment(jpeg: Uint8Array, segment: Uint8Array): Uint8Array {
  if (!isJpeg(jpeg)) return jpeg;
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
