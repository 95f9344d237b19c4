/**
 * POST /admin/tasks/import/commit — step 2: the previewed file again, with
 * its hash; checked again and written all or nothing in one transaction.
 */
import { revalidatePath } from "next/cache";
import { apiRoute } from "@/lib/api/handler";
import { commitUpload } from "@/lib/tasks/http";

export const POST = apiRoute({ roles: ["ADMIN"] }, async ({ user, request }) => {
  const summary = await commitUpload(user, request);
  revalidatePath("/admin/tasks");
  revalidatePath("/tasks");
  revalidatePath("/unit/tasks");
  return { summary };
});
