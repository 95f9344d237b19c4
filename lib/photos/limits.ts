/** Photo limits, shared by the server's checks and the browser's picker (no sharp here). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 50_000_000;
export const MAX_PHOTOS_PER_SLOT = 9;
/**
 * A server action's whole body (`serverActions.bodySizeLimit` and `proxyClientMaxBodySize` in
 * next.config.js, which a test keeps equal): the spot-check and order forms send at most 9 photos,
 * downscaled in the browser to 2048 px JPEG first (components/ui/photo-input.tsx), a few MB each.
 */
export const ACTION_BODY_LIMIT_MB = 30;
/** What the photos of one form may add up to after downscaling: the body limit less room for the text fields. */
export const ACTION_PHOTOS_BUDGET_BYTES = (ACTION_BODY_LIMIT_MB - 2) * 1024 * 1024;
