import { apiRoute } from "@/lib/api/handler";
import { auditExportFileName, buildAuditWorkbook } from "@/lib/audit/export";
import { parseAuditFilters } from "@/lib/audit/filters";
import { AUDIT_READER_ROLES, listAuditEntriesForExport } from "@/lib/audit/queries";
import { db } from "@/lib/db";
import { districtToday } from "@/lib/time";

/** GET /admin/audit/export?<the viewer's filters> — the filtered entries as .xlsx (ADMIN, LEADER). */
export const GET = apiRoute({ roles: AUDIT_READER_ROLES }, async ({ user, request }) => {
  const filters = parseAuditFilters(new URL(request.url).searchParams);
  const { rows, truncated } = await listAuditEntriesForExport(user, filters, db);
  const unitName = filters.unit ? ((await db.unit.findUnique({ where: { id: filters.unit }, select: { name: true } }))?.name ?? null) : null;
  const body = await buildAuditWorkbook(rows, filters, { unitName, truncated });
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent(auditExportFileName(districtToday()))}`,
      "Cache-Control": "no-store",
    },
  });
});
