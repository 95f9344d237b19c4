/** GET /admin/org/users/import/template — the account import template (.xlsx) with the valid roles and units. */
import { fileResponse } from "@/lib/api/files";
import { apiRoute } from "@/lib/api/handler";
import { listUnitOptions } from "@/lib/org/queries";
import { writeUserTemplate } from "@/lib/org/user-import";

export const GET = apiRoute({ roles: ["ADMIN"] }, async ({ user }) => {
  const body = await writeUserTemplate(await listUnitOptions(user));
  return fileResponse(body, "账号导入模板.xlsx", "xlsx", "users.xlsx");
});
