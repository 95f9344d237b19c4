/**
 * Builds task-list spreadsheets for tests and the import benchmark: rows by
 * Chinese header, written with exceljs like a user's Excel would be.
 */
import { IMPORT_COLUMNS, type Cell } from "@/lib/tasks/spreadsheet";
import { makeSheet } from "@/lib/testing/sheets";

/** A row by Chinese header (任务编号, 责任单位 …). */
export type TaskSheetRow = Partial<Record<string, Cell>>;

export function makeTaskSheet(rows: readonly TaskSheetRow[], format: "xlsx" | "csv" = "xlsx"): Promise<Buffer> {
  const headers = IMPORT_COLUMNS.map((c) => c.header);
  return makeSheet(
    headers,
    rows.map((row) => headers.map((h) => row[h] ?? null)),
    "任务清单",
    format,
  );
}

/** `count` plausible rows spread over `units`, numbered `${prefix}-00001` … */
export function generateTaskRows(count: number, units: readonly string[], prefix: string, year: number): TaskSheetRow[] {
  const measures = [
    ["拆迁", "户", 120],
    ["签约项目", "个", 6],
    ["整治背街小巷", "条", 15],
    ["完成投资", "万元", 3000],
    ["化解信访积案", "件", 12],
  ] as const;
  return Array.from({ length: count }, (_, i) => {
    const [verb, measure, target] = measures[i % measures.length];
    const month = (i % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return {
      任务编号: `${prefix}-${String(i + 1).padStart(5, "0")}`,
      年度: year,
      责任单位: units[i % units.length],
      任务名称: `${month}月${verb}${target}${measure}（第${i + 1}项）`,
      目标值: target,
      计量单位: measure,
      开始日期: `${year}-${String(month).padStart(2, "0")}-01`,
      截止日期: `${year}-${String(month).padStart(2, "0")}-${lastDay}`,
      权重: 1,
      需要照片: i % 3 === 0 ? "是" : "否",
      需要定位: "否",
    };
  });
}
