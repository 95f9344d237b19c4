/** Photo addresses, for server and browser code alike: photos are served only through the route that checks who may see them. */
export type PhotoUrlSize = "thumb" | "display" | "full";

export function photoUrl(photoId: string, size: PhotoUrlSize = "full"): string {
  return `/api/photos/${photoId}${size === "full" ? "" : `?size=${size}`}`;
}

/** Nominal widths for `srcset` (the files fit inside these squares; lib/photos/sizes.ts). */
export const PHOTO_WIDTHS = { thumb: 320, display: 1280 } as const;

/** A thumbnail's srcset: the browser takes the display size only where the thumbnail would look blurred. */
export function thumbSrcSet(photoId: string): string {
  return `${photoUrl(photoId, "thumb")} ${PHOTO_WIDTHS.thumb}w, ${photoUrl(photoId, "display")} ${PHOTO_WIDTHS.display}w`;
}
