/**
 * Exporting the filtered task list (same filters, same scope as the page) to
 * .xlsx or .csv: the import template's columns first — so an exported file
 * imports again unchanged — then progress and status as of today. Dates are
 * the district's calendar dates; instants are shown in Asia/Shanghai.
 */
import type { Db } from "@/lib/db-client";
import type { SessionUser } from "@/lib/auth/roles";
import type { TaskFilters } from "@/lib/tasks/filters";
import { EXPORT_ONLY_HEADERS, IMPORT_COLUMNS, writeSheet, type Cell, type SheetColumn } from "@/lib/tasks/spreadsheet";
import { deriveStatus, progressRatio, TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { taskListOrder, taskListWhere } from "@/lib/tasks/where";
import { formatDistrictDateTime, type DistrictDate } from "@/lib/time";

export const EXPORT_COLUMNS: readonly SheetColumn[] = [
  ...IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
  ...EXPORT_ONLY_HEADERS.map((header) => ({ header, width: header === "进展说明" ? 30 : header === "最后更新" ? 17 : 10 })),
];

/** More rows than a district holds; a guard against a runaway export, not a page size. */
const MAX_EXPORT_ROWS = 50_000;

export async function loadTaskExportRows(client: Db, user: SessionUser, filters: TaskFilters, today: DistrictDate): Promise<Cell[][]> {
  const tasks = await client.task.findMany({
    where: taskListWhere(client, user, filters, today),
    orderBy: taskListOrder(filters),
    take: MAX_EXPORT_ROWS,
    select: {
      externalKey: true,
      year: true,
      title: true,
      description: true,
      target: true,
      measure: true,
      valueReached: true,
      startDate: true,
      deadline: true,
      weight: true,
      requiresPhoto: true,
      requiresLocation: true,
      sitePlace: true,
      siteLat: true,
      siteLng: true,
      note: true,
      updatedAt: true,
      unit: { select: { name: true, kind: true } },
      keyTask: { select: { name: true } },
      line: { select: { name: true } },
      responsibleLeader: { select: { name: true } },
      cooperators: { select: { unit: { select: { name: true } } }, orderBy: { unit: { sortOrder: "asc" } } },
      milestones: { select: { dueDate: true, target: true, valueReached: true } },
    },
  });
  return tasks.map((t) => {
    const status = deriveStatus(t, today);
    const overdueMilestones = t.milestones.filter((m) => deriveStatus({ ...m, deadline: m.dueDate }, today) === "OVERDUE").length;
    return [
      t.externalKey,
      t.year,
      t.unit.name,
      t.title,
      t.description,
      t.keyTask?.name ?? null,
      t.line?.name ?? null,
      t.target,
      t.measure,
      t.startDate,
      t.deadline,
      t.responsibleLeader?.name ?? null,
      t.cooperators.map((c) => c.unit.name).join("、") || null,
      t.weight,
      t.requiresPhoto ? "是" : "否",
      t.requiresLocation ? "是" : "否",
      t.sitePlace,
      t.siteLat,
      t.siteLng,
      t.unit.kind === "TOWN" ? "乡镇" : "区直部门",
      t.valueReached,
      `${Math.round(progressRatio(t) * 100)}%`,
      TASK_STATUS_LABELS[status],
      t.milestones.length,
      overdueMilestones,
      t.note,
      formatDistrictDateTime(t.updatedAt),
    ];
  });
}

export function writeTaskExport(rows: Cell[][], format: "xlsx" | "csv"): Promise<Buffer> {
  return writeSheet(EXPORT_COLUMNS, rows, format);
}

/** "任务清单-2026-11-27.xlsx", percent-encoded for Content-Disposition. */
export function exportFileName(today: DistrictDate, format: "xlsx" | "csv"): string {
  return `任务清单-${today}.${format}`;
}
