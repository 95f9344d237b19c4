/**
 * Downscales a photo in the browser before upload (issue 4: phones on slow
 * networks): the long edge to 2048 px, JPEG. The original's EXIF time and GPS
 * are carried over (lib/photos/jpeg-exif). A file the browser cannot decode
 * is sent as is — the server checks every file by its content anyway.
 */
import { extractExifSegment, insertExifSegment, withUprightOrientation } from "@/lib/photos/jpeg-exif";

const MAX_EDGE = 2048;
/** A small JPEG is sent untouched: re-encoding it would only lose quality. */
const KEEP_BYTES = 1_500_000;

export async function downscaleForUpload(file: File): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file;
  }
  try {
    const longest = Math.max(bitmap.width, bitmap.height);
    if (longest <= MAX_EDGE && file.size <= KEEP_BYTES && file.type === "image/jpeg") return file;
    const scale = Math.min(1, MAX_EDGE / longest);
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    if (!blob) return file;
    if (file.type !== "image/jpeg") return blob;
    // The Exif segment sits at the start of the file and is at most 64 KB.
    const exif = extractExifSegment(new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer()));
    if (!exif) return blob;
    const merged = insertExifSegment(new Uint8Array(await blob.arrayBuffer()), withUprightOrientation(exif));
    return new Blob([merged as Uint8Array<ArrayBuffer>], { type: "image/jpeg" });
  } finally {
    bitmap.close();
  }
}
