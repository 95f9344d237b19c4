import { apiRoute, invalid, notFound } from "@/lib/api/handler";
import { findVisiblePhoto } from "@/lib/photos/queries";
import { photoStorage } from "@/lib/storage/index";

/**
 * A stored photo (?size=thumb|full), only for a user who may see it: the
 * scope is part of the query, so another unit's photo id finds nothing (404).
 */
export const GET = apiRoute<{ id: string }>({}, async ({ user, request, params }) => {
  const size = new URL(request.url).searchParams.get("size") ?? "full";
  if (size !== "thumb" && size !== "full") throw invalid("size 只能是 thumb 或 full。");
  const photo = await findVisiblePhoto(user, params.id);
  if (!photo) throw notFound("没有找到这张照片。");
  const data = await (await photoStorage()).get(size === "thumb" ? photo.thumbKey : photo.storageKey);
  if (!data) throw notFound("照片文件已不存在。");
  return new Response(new Uint8Array(data), {
    headers: { "Content-Type": photo.mime, "Cache-Control": "private, max-age=86400", "Content-Length": String(data.byteLength) },
  });
});
