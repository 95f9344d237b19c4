/**
 * Photo time (pure): a photo's EXIF time far from when it was shown (with the
 * report, or by the edit that added it), or — where the office marked a task
 * as needing photos — a noon or evening report about it with no photo, or
 * with a photo that carries no time.
 * Morning reports are plans ("干什么") and need no photo.
 */
import type { SlotKind } from "@/lib/generated/prisma/enums";

export const EXIF_TIME_RULES = {
  /** a photo taken more than this many hours before the report is "old" */
  maxAgeHours: 12,
  /** a photo taken after the report was sent, beyond clock drift */
  maxAheadMinutes: 30,
};

export type ExifTimeRules = typeof EXIF_TIME_RULES;

export type ExifTimeInput = {
  slot: SlotKind;
  submittedAt: Date;
  /** `addedAt`: when the photo was added to the report (an edit adds it later); the submission if not given */
  photos: { photoId: string; exifTakenAt: Date | null; addedAt?: Date }[];
  /** titles of the card's tasks that the office marked as needing photos */
  photoTasks: string[];
};

export type ExifTimeFinding =
  | { reason: "FAR"; photoId: string; takenAt: Date; shownAt: Date; hoursApart: number }
  | { reason: "NO_EXIF"; photoId: string; tasks: string[] }
  | { reason: "NO_PHOTO"; tasks: string[] };

export function detectExifTime(input: ExifTimeInput, rules: ExifTimeRules = EXIF_TIME_RULES): ExifTimeFinding[] {
  const findings: ExifTimeFinding[] = [];
  const needsPhoto = input.photoTasks.length > 0 && input.slot !== "MORNING";
  if (needsPhoto && input.photos.length === 0) findings.push({ reason: "NO_PHOTO", tasks: input.photoTasks });
  for (const photo of input.photos) {
    if (!photo.exifTakenAt) {
      if (needsPhoto) findings.push({ reason: "NO_EXIF", photoId: photo.photoId, tasks: input.photoTasks });
      continue;
    }
    // A photo added by an edit is judged by the edit, when it was shown (issue 10).
    const shownAt = photo.addedAt ?? input.submittedAt;
    const hours = (shownAt.getTime() - photo.exifTakenAt.getTime()) / 3_600_000;
    if (hours > rules.maxAgeHours || hours < -rules.maxAheadMinutes / 60) {
      findings.push({ reason: "FAR", photoId: photo.photoId, takenAt: photo.exifTakenAt, shownAt, hoursApart: Math.round(hours * 10) / 10 });
    }
  }
  return findings;
}
