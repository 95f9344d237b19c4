/**
 * The evidence kept with each anomaly flag (Anomaly.evidence, JSON): what the
 * office sees side by side, frozen at the time of the check. Written by
 * run.ts, read back through these schemas by the office view and the API.
 */
import { z } from "@/lib/validation";

const slotKind = z.enum(["MORNING", "NOON", "EVENING"]);

/**
 * The other report a flag points at, with the version of it that holds the
 * matching content and when that content was added (flags written before
 * issue 10 have neither).
 */
export const relatedReport = z.object({
  slotId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  slot: slotKind,
  submittedAt: z.string(),
  version: z.number().int().optional(),
  versionId: z.string().nullish(),
  addedAt: z.string().optional(),
});

const range = z.tuple([z.number(), z.number()]);

const fix = z.object({
  lat: z.number(),
  lng: z.number(),
  at: z.string(),
  source: z.enum(["REPORT", "PHOTO"]),
  slotId: z.string(),
  photoId: z.string().optional(),
  place: z.string().nullish(),
  timely: z.boolean().optional(),
  untimed: z.boolean().optional(),
});

const site = z.object({ lat: z.number(), lng: z.number(), taskId: z.string(), title: z.string(), place: z.string().nullable() });
const seat = z.object({ lat: z.number(), lng: z.number(), unitName: z.string() });

/** When the flagged content was added to the flagged slot, and in which of its versions. */
const added = { addedAt: z.string().optional(), version: z.number().int().optional() };

/** `related`/`relatedPhotoId` is the earliest original; `others` the other earlier matches, earliest first. */
/**
 * What the fine comparison found (issue 18): the later photo's orientation
 * (lib/photos/dhash.ts ORIENTATIONS), the fractions cut off the photo that
 * holds the other ([left, top, right, bottom]), which one holds it, and the
 * correlation against the threshold. Flags written before issue 18 have none.
 */
export const photoMatchEvidence = z.object({
  correlation: z.number(),
  minCorrelation: z.number(),
  orientation: z.number().int().min(0).max(7),
  crop: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  holder: z.enum(["EARLIER", "LATER"]),
});

export const recycledPhotoEvidence = z.object({
  /** least Hamming distance of the first stage (64-bit hashes) */
  distance: z.number(),
  maxDistance: z.number(),
  match: photoMatchEvidence.nullish(),
  sameUnit: z.boolean(),
  photoId: z.string(),
  ...added,
  relatedPhotoId: z.string(),
  related: relatedReport,
  others: z
    .array(z.object({ photoId: z.string(), distance: z.number(), sameUnit: z.boolean(), related: relatedReport, match: photoMatchEvidence.nullish() }))
    .default([]),
});

/** `related` is the earliest original (its first version that said it); `others` the other earlier matches. */
export const copiedTextEvidence = z.object({
  similarity: z.number(),
  threshold: z.number(),
  sameUnit: z.boolean(),
  text: z.string(),
  ...added,
  highlights: z.array(range),
  relatedText: z.string(),
  relatedHighlights: z.array(range),
  related: relatedReport,
  others: z.array(z.object({ similarity: z.number(), sameUnit: z.boolean(), related: relatedReport })).default([]),
});

export const exifTimeEvidence = z.discriminatedUnion("reason", [
  z.object({ reason: z.literal("FAR"), photoId: z.string(), takenAt: z.string(), submittedAt: z.string(), hoursApart: z.number(), maxAgeHours: z.number() }),
  z.object({ reason: z.literal("NO_EXIF"), photoId: z.string(), submittedAt: z.string(), tasks: z.array(z.string()) }),
  z.object({ reason: z.literal("NO_PHOTO"), submittedAt: z.string(), tasks: z.array(z.string()) }),
]);

export const locationEvidence = z.discriminatedUnion("reason", [
  /** `km`: how far outside the district's outline */
  z.object({ reason: z.literal("OUTSIDE_DISTRICT"), fix, km: z.number(), district: z.string() }),
  z.object({
    reason: z.literal("FAR_FROM_HOME"),
    fix,
    seat: seat.nullable(),
    seatKm: z.number().nullable(),
    site: site.nullable(),
    siteKm: z.number().nullable(),
    maxHomeKm: z.number(),
  }),
  z.object({ reason: z.literal("FAR_FROM_SITE"), fix, site, km: z.number(), maxSiteKm: z.number() }),
  z.object({ reason: z.literal("TOO_FAST"), from: fix, to: fix, km: z.number(), hours: z.number(), kmh: z.number(), maxSpeedKmh: z.number() }),
]);

export type RelatedReport = z.infer<typeof relatedReport>;
export type RecycledPhotoEvidence = z.infer<typeof recycledPhotoEvidence>;
export type PhotoMatchEvidence = z.infer<typeof photoMatchEvidence>;
export type CopiedTextEvidence = z.infer<typeof copiedTextEvidence>;
export type ExifTimeEvidence = z.infer<typeof exifTimeEvidence>;
export type LocationEvidence = z.infer<typeof locationEvidence>;
export type FixEvidence = z.infer<typeof fix>;

export type AnomalyEvidence =
  | { kind: "RECYCLED_PHOTO"; evidence: RecycledPhotoEvidence }
  | { kind: "COPIED_TEXT"; evidence: CopiedTextEvidence }
  | { kind: "EXIF_TIME"; evidence: ExifTimeEvidence }
  | { kind: "LOCATION"; evidence: LocationEvidence };

const schemas = {
  RECYCLED_PHOTO: recycledPhotoEvidence,
  COPIED_TEXT: copiedTextEvidence,
  EXIF_TIME: exifTimeEvidence,
  LOCATION: locationEvidence,
} as const;

/** Parses a stored evidence string; null if it does not match its kind (never throws). */
export function parseEvidence(kind: AnomalyEvidence["kind"], json: string): AnomalyEvidence | null {
  try {
    const parsed = schemas[kind].safeParse(JSON.parse(json));
    return parsed.success ? ({ kind, evidence: parsed.data } as AnomalyEvidence) : null;
  } catch {
    return null;
  }
}

/** The orientations of lib/photos/dhash.ts ORIENTATIONS, as the office reads them (0 = as it was). */
const ORIENTATION_WORDS = ["", "左右镜像", "旋转 180°", "上下镜像", "旋转 90°", "旋转 90°", "旋转 90° 并镜像", "旋转 90° 并镜像"] as const;

/** What was done to the original to make the copy, in words (e.g. "左右镜像，裁去左 12%、下 5%"). */
export function describePhotoMatch(match: PhotoMatchEvidence): string {
  const parts: string[] = [];
  const turned = ORIENTATION_WORDS[match.orientation];
  if (turned) parts.push(turned);
  const edges = ["左", "上", "右", "下"];
  const cut = match.crop.flatMap((f, i) => (f >= 0.02 ? [`${edges[i]} ${Math.round(f * 100)}%`] : []));
  if (match.holder === "LATER") parts.push(cut.length > 0 ? `原图被放进更大的画面（截图或加边框，四周多出 ${cut.join("、")}）` : "原图被放进更大的画面");
  else if (cut.length > 0) parts.push(`裁去${cut.join("、")}`);
  return parts.length > 0 ? parts.join("，") : "未改动构图（可能重新压缩、缩放、调色或加了水印）";
}

export const ANOMALY_KIND_LABELS: Record<AnomalyEvidence["kind"], string> = {
  RECYCLED_PHOTO: "照片疑似重复使用",
  COPIED_TEXT: "文字疑似抄袭",
  EXIF_TIME: "拍摄时间异常",
  LOCATION: "位置异常",
};
