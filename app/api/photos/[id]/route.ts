import { apiRoute, notFound } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { photoStorage } from "@/lib/storage";

/**
 * Serves a report's photo (full size or `?size=thumb`) to a signed-in user.
 * Files live outside public/ under generated names; only this route reads
 * them. Reports — and so their photos — are shown to every signed-in user of
 * the district (the 晾晒墙, see README); photos of anything else (spot checks,
 * order responses) are not served here.
 */
export const GET = apiRoute<{ id: string }>({}, async ({ request, params }) => {
  const thumb = new URL(request.url).searchParams.get("size") === "thumb";
  const photo = await db.photo.findFirst({ where: { id: params.id, slotId: { not: null } }, select: { storageKey: true, thumbKey: true, mime: true } });
  if (!photo) throw notFound("没有找到这张照片。");
  const data = await (await photoStorage()).get(thumb ? photo.thumbKey : photo.storageKey);
  if (!data) throw notFound("照片文件已不存在。");
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": photo.mime,
      "Content-Length": String(data.byteLength),
      // A photo never changes under its id; only the signed-in browser may keep it.
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
});
