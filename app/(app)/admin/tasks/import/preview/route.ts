/** POST /admin/tasks/import/preview — step 1: read and check an uploaded file; writes nothing. */
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/session";
import { FORBIDDEN_JSON, jsonError, NOT_SIGNED_IN_JSON, readUpload } from "@/lib/tasks/http";
import { previewTaskImport } from "@/lib/tasks/import";

export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN_JSON();
  if (user.role !== "ADMIN") return FORBIDDEN_JSON();
  const upload = await readUpload(request);
  if (!upload.ok) return upload.response;
  const outcome = await previewTaskImport(db, user, upload.buffer, upload.fileName);
  if (!outcome.ok) return jsonError(outcome.status, outcome.message);
  return Response.json({ ok: true, summary: outcome.summary });
}
