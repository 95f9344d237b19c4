/**
 * Reads a slot submission from an API request: JSON, or multipart with the
 * JSON in a field `payload` and the photos in fields `photos`. Bad bodies are
 * a 4xx with a Chinese message, never a 500.
 *
 * The size limits hold while the body streams in (lib/api/body.ts): a
 * declared Content-Length over them is refused before reading; a chunked body
 * is cut off at the limit with a 413. Photos stream to a temporary folder and
 * are read back only once the whole body has been accepted; the folder is
 * always removed.
 */
import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ApiError, invalid } from "@/lib/api/handler";
import { BodyError, nodeBody, readMultipartWithin, readTextWithin } from "@/lib/api/body";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_SLOT } from "@/lib/photos/limits";
import type { PhotoUpload } from "@/lib/reports/submit";

/** The report's JSON (text, items, place) is small; 1 MB is generous. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;
/** Nine photos at the cap, the payload and the multipart framing. */
export const MAX_BODY_BYTES = MAX_PHOTOS_PER_SLOT * MAX_PHOTO_BYTES + 2 * MAX_PAYLOAD_BYTES;

const TOO_LARGE = "上传内容过大：每张照片不超过 10 MB，每个时段最多 9 张。";
const JSON_TOO_LARGE = "晒报内容过大（JSON 不超过 1 MB）。";

export async function readSlotSubmission(request: Request): Promise<{ input: unknown; photos: PhotoUpload[] }> {
  try {
    return await read(request);
  } catch (error) {
    if (error instanceof BodyError) throw new ApiError(error.status, error.status === 413 ? "PAYLOAD_TOO_LARGE" : "VALIDATION_FAILED", error.message);
    throw error;
  }
}

async function read(request: Request): Promise<{ input: unknown; photos: PhotoUpload[] }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  const type = request.headers.get("content-type") ?? "";

  if (type.startsWith("application/json")) {
    if (declared > MAX_PAYLOAD_BYTES) throw new BodyError(413, JSON_TOO_LARGE);
    return { input: parseJson(await readTextWithin(nodeBody(request), MAX_PAYLOAD_BYTES, JSON_TOO_LARGE), "请求体不是有效的 JSON。"), photos: [] };
  }

  if (type.startsWith("multipart/form-data")) {
    if (declared > MAX_BODY_BYTES) throw new BodyError(413, TOO_LARGE);
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "shaitai-upload-"));
    try {
      const { fields, files } = await readMultipartWithin(nodeBody(request), type, dir, {
        bodyBytes: MAX_BODY_BYTES,
        fileBytes: MAX_PHOTO_BYTES,
        files: MAX_PHOTOS_PER_SLOT,
        fieldBytes: MAX_PAYLOAD_BYTES,
        fields: ["payload"],
        fileFields: ["photos"],
        messages: {
          tooLarge: TOO_LARGE,
          fileTooLarge: (index) => `第 ${index} 张照片超过 10 MB。`,
          tooManyFiles: `每个时段最多 ${MAX_PHOTOS_PER_SLOT} 张照片。`,
        },
      });
      const payload = fields.get("payload");
      if (payload === undefined) throw invalid("缺少 payload 字段（晒报内容的 JSON）。");
      const input = parseJson(payload, "payload 字段不是有效的 JSON。");
      const photos: PhotoUpload[] = [];
      for (const file of files) photos.push({ name: file.name, data: await fs.promises.readFile(file.path) });
      return { input, photos };
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "请以 application/json 或 multipart/form-data 提交。");
}

function parseJson(text: string, message: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(message);
  }
}
