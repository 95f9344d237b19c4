import { fileResponse } from "@/lib/api/files";
import { apiRoute } from "@/lib/api/handler";
import { auditExportFileName, buildAuditWorkbook } from "@/lib/audit/export";
import { parseAuditFilters } from "@/lib/audit/filters";
import { AUDIT_READER_ROLES, listAuditExport } from "@/lib/audit/queries";
import { districtToday } from "@/lib/time";

/** GET /admin/audit/export?<the viewer's filters> — the filtered entries as .xlsx (ADMIN, LEADER). */
export const GET = apiRoute({ roles: AUDIT_READER_ROLES }, async ({ user, request }) => {
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const { rows, truncated, unitName } = await listAuditExport(user, filters);
  const body = await buildAuditWorkbook(rows, filters, { unitName, truncated });
  return fileResponse(body, auditExportFileName(districtToday()), "xlsx", "audit.xlsx");
});
