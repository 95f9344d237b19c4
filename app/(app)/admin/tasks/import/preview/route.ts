/** POST /admin/tasks/import/preview — step 1: read and check an uploaded file; writes nothing. */
import { apiRoute } from "@/lib/api/handler";
import { previewUpload } from "@/lib/tasks/http";

export const POST = apiRoute({ roles: ["ADMIN"] }, async ({ user, request }) => ({ summary: await previewUpload(user, request) }));
