import { apiRoute, notFound, parseInput } from "@/lib/api/handler";
import { findVisiblePhoto } from "@/lib/photos/queries";
import { photoSizeInput, readPhotoSize } from "@/lib/photos/sizes";
import { photoStorage } from "@/lib/storage/index";
import { z } from "@/lib/validation";

const photoQuery = z.object({ size: photoSizeInput.default("full") });

/**
 * A stored photo (?size=thumb|display|full), only for a user who may see it:
 * the scope is part of the query, so another unit's photo id finds nothing
 * (404). Cached privately (the browser only, never a shared cache).
 */
export const GET = apiRoute<{ id: string }>({}, async ({ user, request, params }) => {
  const { size } = parseInput(photoQuery, Object.fromEntries(new URL(request.url).searchParams));
  const photo = await findVisiblePhoto(user, params.id);
  if (!photo) throw notFound("没有找到这张照片。");
  const data = await readPhotoSize(await photoStorage(), photo, size);
  if (!data) throw notFound("照片文件已不存在。");
  return new Response(new Uint8Array(data), {
    headers: { "Content-Type": photo.mime, "Cache-Control": "private, max-age=86400", "Content-Length": String(data.byteLength) },
  });
});
