/**
 * Photos attached to a spot check or an order answer: each is checked and
 * re-encoded (lib/photos/process) and stored before the database write; the
 * caller writes the rows in its transaction and, if that fails, discards the
 * files — so a failure leaves no orphan file behind.
 */
import "server-only";
import { MAX_PHOTOS_PER_SLOT, PhotoRejectedError, processPhoto, type ProcessedPhoto } from "@/lib/photos/process";
import { displayKeyOf, photoFileKeys } from "@/lib/photos/sizes";
import { newStorageKey, photoStorage } from "@/lib/storage/index";
import { type DistrictDate, districtToday } from "@/lib/time";
import { refuse, type WriteResult } from "@/lib/write-result";

/** A stored photo: its keys and what processPhoto measured of it (not the image buffers). */
export type StoredPhoto = Omit<ProcessedPhoto, "full" | "display" | "thumb"> & { storageKey: string; thumbKey: string; mime: string; sortOrder: number };

export class UploadError extends Error {}

/** The files of a form field, ignoring the empty entry a browser sends when none is chosen. */
export function filesOf(formData: FormData, field: string): File[] {
  return formData.getAll(field).filter((f): f is File => f instanceof File && f.size > 0);
}

/** Processes and stores the files; throws UploadError (nothing stored) if one is refused. */
export async function storePhotos(files: File[], date: DistrictDate): Promise<StoredPhoto[]> {
  if (files.length > MAX_PHOTOS_PER_SLOT) throw new UploadError(`最多上传 ${MAX_PHOTOS_PER_SLOT} 张照片。`);
  const processed = [];
  for (const [i, file] of files.entries()) {
    try {
      processed.push(await processPhoto(Buffer.from(await file.arrayBuffer())));
    } catch (error) {
      if (error instanceof PhotoRejectedError) throw new UploadError(`第 ${i + 1} 张照片：${error.message}`);
      throw error;
    }
  }
  const storage = await photoStorage();
  const stored: StoredPhoto[] = [];
  try {
    for (const [i, p] of processed.entries()) {
      const storageKey = newStorageKey(date, "jpg");
      const thumbKey = storageKey.replace(/\.jpg$/, "-thumb.jpg");
      const { full, display, thumb, ...measured } = p;
      await storage.put(storageKey, full);
      stored.push({ storageKey, thumbKey, mime: "image/jpeg", ...measured, sortOrder: i + 1 });
      await storage.put(thumbKey, thumb);
      await storage.put(displayKeyOf(storageKey), display);
    }
  } catch (error) {
    await discardPhotos(stored);
    throw error;
  }
  return stored;
}

/** Deletes stored files whose rows were not written. */
export async function discardPhotos(photos: readonly StoredPhoto[]): Promise<void> {
  const storage = await photoStorage();
  await Promise.all(photos.flatMap((p) => photoFileKeys(p).map((key) => storage.delete(key))));
}

/**
 * Stores the form's photos in `field`, then runs the write with them: an upload refused by the
 * limits is the form's answer, and the photos are discarded when the write refuses or fails, so
 * no file is left without its record.
 */
export async function writeWithPhotos<T>(
  formData: FormData,
  field: string,
  write: (photos: StoredPhoto[]) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  let photos: StoredPhoto[];
  try {
    photos = await storePhotos(filesOf(formData, field), districtToday());
  } catch (error) {
    if (error instanceof UploadError) return refuse(error.message, { fieldErrors: { [field]: [error.message] } });
    throw error;
  }
  try {
    const result = await write(photos);
    if (!result.ok) await discardPhotos(photos);
    return result;
  } catch (error) {
    await discardPhotos(photos);
    throw error;
  }
}
