/** GET /admin/org/users/import/template — the account import template (.xlsx) with the valid roles and units. */
import { getSessionUser } from "@/lib/auth/session";
import { listUnitOptions } from "@/lib/org/queries";
import { writeUserTemplate } from "@/lib/org/user-import";
import { FORBIDDEN_JSON, NOT_SIGNED_IN_JSON } from "@/lib/tasks/http";

export async function GET(): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN_JSON();
  if (user.role !== "ADMIN") return FORBIDDEN_JSON();
  const body = await writeUserTemplate(await listUnitOptions(user));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="users.xlsx"; filename*=UTF-8''${encodeURIComponent("账号导入模板.xlsx")}`,
      "Cache-Control": "no-store",
    },
  });
}
