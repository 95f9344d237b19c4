/** GET /admin/org/units/import/template — the unit import template (.xlsx) with the valid kinds. */
import { fileResponse } from "@/lib/api/files";
import { apiRoute } from "@/lib/api/handler";
import { writeUnitTemplate } from "@/lib/org/unit-import";

export const GET = apiRoute({ roles: ["ADMIN"] }, async () => fileResponse(await writeUnitTemplate(), "单位导入模板.xlsx", "xlsx", "units.xlsx"));
