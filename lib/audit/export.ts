/**
 * The audit viewer's rows as .xlsx (exceljs): one row per entry, the changed
 * fields one per line, times in Asia/Shanghai, Chinese headers.
 */
import ExcelJS from "exceljs";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { AuditFilters } from "@/lib/audit/filters";
import { auditActionLabel, auditEntityLabel } from "@/lib/audit/labels";
import type { AuditRow } from "@/lib/audit/entries";
import { type DistrictDate, formatDistrictDateTime } from "@/lib/time";

export function auditExportFileName(today: DistrictDate): string {
  return `操作记录-${today}.xlsx`;
}

function describeFilters(filters: AuditFilters, unitName: string | null): string {
  const parts = [
    unitName ? `单位：${unitName}` : null,
    filters.user ? `操作人：${filters.user}` : null,
    filters.action ? `操作：${auditActionLabel(filters.action)}` : null,
    filters.from || filters.to ? `日期：${filters.from ?? "…"} 至 ${filters.to ?? "…"}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join("；") : "全部";
}

export async function buildAuditWorkbook(rows: AuditRow[], filters: AuditFilters, options: { unitName: string | null; truncated: boolean }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "晒台";
  const sheet = workbook.addWorksheet("操作记录", { views: [{ state: "frozen", ySplit: 2 }] });
  const headers = ["时间", "操作人", "角色", "单位", "操作", "对象", "对象编号", "变更字段", "修改前", "修改后"];
  sheet.addRow([`操作记录（筛选：${describeFilters(filters, options.unitName)}；共 ${rows.length} 条${options.truncated ? "，已截断，请缩小范围" : ""}）`]);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) {
    sheet.addRow([
      formatDistrictDateTime(row.createdAt),
      row.actor ? `${row.actor.name}(${row.actor.username})` : "系统",
      row.actor ? ROLE_LABELS[row.actor.role] : "",
      row.unit?.name ?? "",
      auditActionLabel(row.action),
      auditEntityLabel(row.entity),
      row.entityId ?? "",
      row.changes.map((c) => c.path || "值").join("\n"),
      row.changes.map((c) => c.before ?? "—").join("\n"),
      row.changes.map((c) => c.after ?? "—").join("\n"),
    ]);
  }
  const widths = [18, 18, 10, 14, 16, 12, 28, 24, 40, 40];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
    if (i >= 7) sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
