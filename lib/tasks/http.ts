/**
 * Route-handler plumbing for the task spreadsheets: JSON errors in Chinese,
 * file downloads with a Chinese file name, and reading an upload.
 */
import { MAX_IMPORT_BYTES } from "@/lib/tasks/spreadsheet";

export function jsonError(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status });
}

export const NOT_SIGNED_IN_JSON = () => jsonError(401, "登录已失效,请重新登录。");
export const FORBIDDEN_JSON = () => jsonError(403, "没有权限执行此操作。");

const MIME = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

export function fileResponse(body: Buffer, fileName: string, format: "xlsx" | "csv"): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": MIME[format],
      "Content-Disposition": `attachment; filename="${format === "xlsx" ? "tasks.xlsx" : "tasks.csv"}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}

export type Upload = { ok: true; buffer: Buffer; fileName: string; expectedSha256?: string } | { ok: false; response: Response };

/**
 * The uploaded file of a multipart POST. The custom header is required so a
 * form on another site cannot post a file with the office's cookies (a
 * cross-site request cannot set it without a CORS preflight we never grant).
 */
export async function readUpload(request: Request): Promise<Upload> {
  if (request.headers.get("x-requested-with") !== "XMLHttpRequest") {
    return { ok: false, response: jsonError(403, "请从“导入任务清单”页面上传文件。") };
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_BYTES + 64 * 1024) return { ok: false, response: jsonError(413, "文件超过 10 MB,请分成几个文件导入。") };
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, response: jsonError(400, "没有收到文件,请重新选择文件上传。") };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, response: jsonError(400, "没有收到文件,请重新选择文件上传。") };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, response: jsonError(413, "文件超过 10 MB,请分成几个文件导入。") };
  const expected = form.get("sha256");
  return {
    ok: true,
    buffer: Buffer.from(await file.arrayBuffer()),
    fileName: file.name || "tasks.xlsx",
    expectedSha256: typeof expected === "string" && /^[0-9a-f]{64}$/.test(expected) ? expected : undefined,
  };
}
