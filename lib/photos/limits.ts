/** Photo limits, shared by the server's checks and the browser's picker (no sharp here). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 50_000_000;
export const MAX_PHOTOS_PER_SLOT = 9;
