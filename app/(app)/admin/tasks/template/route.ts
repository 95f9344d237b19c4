/** GET /admin/tasks/template — the import template (.xlsx) with the district's valid names. */
import { apiRoute } from "@/lib/api/handler";
import { fileResponse } from "@/lib/api/files";
import { listTemplateChoices } from "@/lib/tasks/queries";
import { writeTaskTemplate } from "@/lib/tasks/spreadsheet";
import { districtToday } from "@/lib/time";

export const GET = apiRoute({ roles: ["ADMIN"] }, async ({ user }) => {
  const year = Number(districtToday().slice(0, 4));
  const body = await writeTaskTemplate(await listTemplateChoices(user), year);
  return fileResponse(body, `任务清单导入模板-${year}.xlsx`, "xlsx", "tasks.xlsx");
});
