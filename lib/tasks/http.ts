/**
 * The task import's route-handler side: reading the uploaded file and
 * running the preview or the commit on the app's database. Failures are
 * ApiErrors, so apiRoute (lib/api/handler.ts) answers them in its one shape,
 * `{ error: { code, message, details } }` — for a rejected file `details` is
 * the summary with every bad row.
 */
import "server-only";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/api/handler";
import type { SessionUser } from "@/lib/auth/roles";
import { commitTaskImport, previewTaskImport, type ImportOutcome, type ImportSummary } from "@/lib/tasks/import";
import { MAX_IMPORT_BYTES } from "@/lib/tasks/spreadsheet";

type Upload = { buffer: Buffer; fileName: string; expectedSha256?: string };

const NO_FILE = "没有收到文件，请重新选择文件上传。";
const TOO_LARGE = "文件超过 10 MB，请分成几个文件导入。";

/**
 * The uploaded file of a multipart POST. The custom header is required so a
 * form on another site cannot post a file with the office's cookies (a
 * cross-site request cannot set it without a CORS preflight we never grant).
 */
async function readUpload(request: Request): Promise<Upload> {
  if (request.headers.get("x-requested-with") !== "XMLHttpRequest") throw new ApiError(403, "FORBIDDEN", "请从“导入任务清单”页面上传文件。");
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_BYTES + 64 * 1024) throw new ApiError(413, "TOO_LARGE", TOO_LARGE);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiError(400, "NO_FILE", NO_FILE);
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new ApiError(400, "NO_FILE", NO_FILE);
  if (file.size > MAX_IMPORT_BYTES) throw new ApiError(413, "TOO_LARGE", TOO_LARGE);
  const expected = form.get("sha256");
  return {
    buffer: Buffer.from(await file.arrayBuffer()),
    fileName: file.name || "tasks.xlsx",
    expectedSha256: typeof expected === "string" && /^[0-9a-f]{64}$/.test(expected) ? expected : undefined,
  };
}

const CODES = { 400: "IMPORT_REJECTED", 403: "FORBIDDEN", 409: "FILE_CHANGED" } as const;

function summaryOf(outcome: ImportOutcome): ImportSummary {
  if (!outcome.ok) throw new ApiError(outcome.status, CODES[outcome.status], outcome.message, outcome.summary);
  return outcome.summary;
}

/** Step 1: the uploaded file read and checked; nothing is written. */
export async function previewUpload(user: SessionUser, request: Request): Promise<ImportSummary> {
  const upload = await readUpload(request);
  return summaryOf(await previewTaskImport(db, user, upload.buffer, upload.fileName));
}

/** Step 2: the previewed file again (its hash must match), written all or nothing. */
export async function commitUpload(user: SessionUser, request: Request): Promise<ImportSummary> {
  const upload = await readUpload(request);
  return summaryOf(await commitTaskImport(db, user, upload.buffer, upload.fileName, { expectedSha256: upload.expectedSha256 }));
}
