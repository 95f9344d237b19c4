/**
 * Exporting the filtered task list (same filters, same scope as the page) to
 * .xlsx or .csv: the import template's columns first — so an exported file
 * imports again unchanged — then progress and status as of today (逾期完成
 * where the target came after the deadline, with the rule it scores by in
 * 计分规则: lateRuleText with its year's late credit), with the day the target
 * was reached (达标日期, from the progress history). The .xlsx
 * adds a second sheet, 进度记录: every progress event of the exported tasks
 * and their milestones, by task and date, with its source. Dates are the
 * district's calendar dates; instants are shown in Asia/Shanghai.
 */
import type { Db } from "@/lib/db-client";
import type { SessionUser } from "@/lib/auth/roles";
import type { TaskFilters } from "@/lib/tasks/filters";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { SPOT_CHECK_RESULT_LABELS } from "@/lib/supervision/labels";
import { dueKey, progressAsOf, valuesAtDue } from "@/lib/tasks/progress-events";
import { inHistoryOrder, progressSourceLabel } from "@/lib/tasks/progress-history";
import { EXPORT_ONLY_HEADERS, IMPORT_COLUMNS, writeSheet, type Cell, type ExtraSheet, type SheetColumn } from "@/lib/tasks/spreadsheet";
import { deriveStatus, ITEM_STATUS_LABELS, itemStatus, progressRatio } from "@/lib/tasks/status";
import { progressEventSelect, taskFieldsSelect } from "@/lib/tasks/selects";
import { taskListOrder, taskListWhere } from "@/lib/tasks/where";
import { formatDistrictDateTime, type DistrictDate } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { loadScoringRules } from "@/lib/assessment/rules";
import { lateRuleText } from "@/lib/assessment/scoring";

export const EXPORT_COLUMNS: readonly SheetColumn[] = [
  ...IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
  ...EXPORT_ONLY_HEADERS.map((header) => ({ header, width: header === "进展说明" || header === "计分规则" ? 30 : header === "最后更新" ? 17 : 10 })),
];

/** More rows than a district holds; a guard against a runaway export, not a page size. */
const MAX_EXPORT_ROWS = 50_000;

export async function loadTaskExportRows(client: Db, user: SessionUser, filters: TaskFilters, today: DistrictDate): Promise<Cell[][]> {
  return (await loadTaskExport(client, user, filters, today)).rows;
}

/** The export's rows, and the ids of its tasks in the same order (for the history sheet). */
async function loadTaskExport(client: Db, user: SessionUser, filters: TaskFilters, today: DistrictDate): Promise<{ rows: Cell[][]; taskIds: string[] }> {
  const tasks = await client.task.findMany({
    where: taskListWhere(client, user, filters, today),
    orderBy: taskListOrder(filters),
    take: MAX_EXPORT_ROWS,
    select: {
      ...taskFieldsSelect,
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
  const [asOf, atDue, lateRules] = await Promise.all([
    progressAsOf(
      client,
      tasks.map((t) => t.id),
      today,
    ),
    valuesAtDue(
      client,
      tasks.map((t) => ({ taskId: t.id, dueDate: t.deadline, target: t.target, valueReached: t.valueReached })),
      today,
    ),
    lateRulesByYear(client, [...new Set(tasks.map((t) => t.year))]),
  ]);
  const rows = tasks.map((t) => {
    const status = itemStatus({ ...t, valueAtDue: atDue.get(dueKey({ taskId: t.id })) }, today);
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
      UNIT_KIND_LABELS[t.unit.kind],
      t.valueReached,
      `${Math.round(progressRatio(t) * 100)}%`,
      ITEM_STATUS_LABELS[status],
      asOf.get(t.id)?.reachedOn ?? null,
      status === "DONE_LATE" ? (lateRules.get(t.year) ?? null) : null,
      t.milestones.length,
      overdueMilestones,
      t.note,
      formatDistrictDateTime(t.updatedAt),
    ];
  });
  return { rows, taskIds: tasks.map((t) => t.id) };
}

/** Each year's rule for work done late (the year's scoring rules, lib/assessment/scoring.ts lateRuleText). */
async function lateRulesByYear(client: Db, years: number[]): Promise<Map<number, string>> {
  return new Map(await Promise.all(years.map(async (year) => [year, lateRuleText((await loadScoringRules(client, year)).lateCredit)] as const)));
}

export const HISTORY_SHEET_NAME = "进度记录";

export const HISTORY_COLUMNS: readonly SheetColumn[] = [
  { header: "任务编号", width: 16 },
  { header: "责任单位", width: 14 },
  { header: "任务名称", width: 30 },
  { header: "节点", width: 24 },
  { header: "日期", width: 12 },
  { header: "来源", width: 12 },
  { header: "变化量", width: 10 },
  { header: "变化后", width: 10 },
  { header: "计量单位", width: 10 },
  { header: "填报人", width: 12 },
  { header: "依据", width: 26 },
  { header: "记录时间", width: 17 },
];

/** Every progress event of the tasks, grouped by task (in the list's order), each task's by date. */
export async function loadTaskHistoryRows(client: Db, taskIds: readonly string[]): Promise<Cell[][]> {
  const out: Cell[][] = [];
  for (let i = 0; i < taskIds.length; i += 500) {
    const chunk = taskIds.slice(i, i + 500);
    const events = await client.progressEvent.findMany({
      where: { taskId: { in: chunk } },
      select: {
        ...progressEventSelect,
        taskId: true,
        task: { select: { externalKey: true, title: true, measure: true, unit: { select: { name: true } } } },
        spotCheck: { select: { result: true, checkedAt: true } },
      },
    });
    const byTask = new Map<string, typeof events>();
    for (const e of events) byTask.set(e.taskId, [...(byTask.get(e.taskId) ?? []), e]);
    for (const taskId of chunk) {
      for (const e of inHistoryOrder(byTask.get(taskId) ?? [])) {
        const basis = e.spotCheck
          ? `抽查${e.spotCheck.result ? SPOT_CHECK_RESULT_LABELS[e.spotCheck.result] : ""}${e.spotCheck.checkedAt ? `(${formatDistrictDateTime(e.spotCheck.checkedAt)})` : ""}`
          : e.slot
            ? `${e.slot.card.date} ${SLOT_LABELS[e.slot.slot]}`
            : null;
        out.push([
          e.task.externalKey,
          e.task.unit.name,
          e.task.title,
          e.milestone?.title ?? null,
          e.date,
          progressSourceLabel(e.source, e.delta, e.requested),
          e.delta,
          e.valueAfter,
          e.task.measure,
          e.actor?.name ?? null,
          basis,
          formatDistrictDateTime(e.at),
        ]);
      }
    }
  }
  return out;
}

export function writeTaskExport(rows: Cell[][], format: "xlsx" | "csv", history: Cell[][] = []): Promise<Buffer> {
  const extra: ExtraSheet[] = format === "xlsx" ? [{ name: HISTORY_SHEET_NAME, columns: HISTORY_COLUMNS, rows: history }] : [];
  return writeSheet(EXPORT_COLUMNS, rows, format, undefined, extra);
}

/** The file of the export route: the list, and in an .xlsx the progress history of its tasks. */
export async function buildTaskExport(client: Db, user: SessionUser, filters: TaskFilters, today: DistrictDate, format: "xlsx" | "csv"): Promise<Buffer> {
  const { rows, taskIds } = await loadTaskExport(client, user, filters, today);
  const history = format === "xlsx" ? await loadTaskHistoryRows(client, taskIds) : [];
  return writeTaskExport(rows, format, history);
}

/** "任务清单-2026-11-27.xlsx", percent-encoded for Content-Disposition. */
export function exportFileName(today: DistrictDate, format: "xlsx" | "csv"): string {
  return `任务清单-${today}.${format}`;
}
