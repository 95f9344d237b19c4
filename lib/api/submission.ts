/**
 * Reads a slot submission from an API request: JSON, or multipart with the
 * JSON in a field `payload` and the photos in fields `photos`. Bad bodies are
 * a 4xx with a Chinese message, never a 500.
 */
import "server-only";
import { ApiError, invalid } from "@/lib/api/handler";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_SLOT } from "@/lib/photos/process";
import type { PhotoUpload } from "@/lib/reports/submit";

/** Nine photos at the cap plus the form: anything larger is refused before it is read. */
const MAX_BODY_BYTES = MAX_PHOTOS_PER_SLOT * MAX_PHOTO_BYTES + 2 * 1024 * 1024;

export async function readSlotSubmission(request: Request): Promise<{ input: unknown; photos: PhotoUpload[] }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new ApiError(413, "PAYLOAD_TOO_LARGE", "上传内容过大:每张照片不超过 10 MB,每个时段最多 9 张。");
  const type = request.headers.get("content-type") ?? "";

  if (type.startsWith("application/json")) {
    try {
      return { input: await request.json(), photos: [] };
    } catch {
      throw invalid("请求体不是有效的 JSON。");
    }
  }

  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw invalid("无法读取上传的表单(multipart/form-data)。");
    }
    const payload = form.get("payload");
    if (typeof payload !== "string") throw invalid("缺少 payload 字段(晒报内容的 JSON)。");
    let input: unknown;
    try {
      input = JSON.parse(payload);
    } catch {
      throw invalid("payload 字段不是有效的 JSON。");
    }
    const photos: PhotoUpload[] = [];
    for (const entry of form.getAll("photos")) {
      if (typeof entry === "string") throw invalid("photos 字段应为图片文件。");
      photos.push({ name: entry.name || `照片${photos.length + 1}`, data: Buffer.from(await entry.arrayBuffer()) });
    }
    return { input, photos };
  }

  throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "请以 application/json 或 multipart/form-data 提交。");
}
