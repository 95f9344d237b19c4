/**
 * Difference hash (dHash): a 64-bit fingerprint that survives re-encoding,
 * resizing and small edits, for spotting recycled photos. Computed with
 * sharp: greyscale, 9×8 pixels, one bit per horizontal neighbour comparison.
 */
import sharp from "sharp";

export async function dHash(image: Buffer): Promise<string> {
  const { data } = await sharp(image).rotate().greyscale().resize(9, 8, { fit: "fill" }).raw().toBuffer({ resolveWithObject: true });
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      bits = (bits << 1n) | (data[y * 9 + x] > data[y * 9 + x + 1] ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, "0");
}

/** Bits that differ between two hashes (0 = the same picture, 64 = opposites). */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (x) {
    count += Number(x & 1n);
    x >>= 1n;
  }
  return count;
}
