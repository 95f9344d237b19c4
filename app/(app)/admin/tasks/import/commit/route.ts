/**
 * POST /admin/tasks/import/commit — step 2: the previewed file again, with
 * its hash; checked again and written all or nothing in one transaction.
 */
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/session";
import { FORBIDDEN_JSON, NOT_SIGNED_IN_JSON, readUpload } from "@/lib/tasks/http";
import { commitTaskImport } from "@/lib/tasks/import";

export async function POST(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN_JSON();
  if (user.role !== "ADMIN") return FORBIDDEN_JSON();
  const upload = await readUpload(request);
  if (!upload.ok) return upload.response;
  const outcome = await commitTaskImport(db, user, upload.buffer, upload.fileName, { expectedSha256: upload.expectedSha256 });
  if (!outcome.ok) return Response.json({ ok: false, message: outcome.message, summary: outcome.summary }, { status: outcome.status });
  revalidatePath("/admin/tasks");
  revalidatePath("/tasks");
  revalidatePath("/unit/tasks");
  return Response.json({ ok: true, summary: outcome.summary });
}
