/**
 * The task list as a spreadsheet: the columns (Chinese headers) shared by the
 * import template, the import and the export, reading .xlsx and .csv with
 * exceljs, and writing them. An exported file imports again unchanged: the
 * export's extra columns (progress, status …) are ignored on import.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { UNIT_KIND_LABELS } from "@/lib/labels";

export type ImportColumnKey =
  | "externalKey"
  | "year"
  | "unit"
  | "title"
  | "description"
  | "keyTask"
  | "line"
  | "target"
  | "measure"
  | "startDate"
  | "deadline"
  | "leader"
  | "cooperators"
  | "weight"
  | "requiresPhoto"
  | "requiresLocation"
  | "sitePlace"
  | "siteLat"
  | "siteLng";

export type ImportColumn = { key: ImportColumnKey; header: string; required: boolean; width: number; help: string };

/** The import template's columns, in order. Required columns must be present in the header row. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: "externalKey", header: "任务编号", required: true, width: 18, help: "每项任务唯一，最长 40 字。再次导入时按编号更新这项任务，没有变化的不会改写。" },
  { key: "year", header: "年度", required: false, width: 8, help: "如 2026；不填则取截止日期的年份。" },
  { key: "unit", header: "责任单位", required: true, width: 16, help: "单位全称，如“临洺关镇”“区交运局”（见“可选值”表）。" },
  { key: "title", header: "任务名称", required: true, width: 36, help: "最长 200 字。" },
  { key: "description", header: "任务说明", required: false, width: 30, help: "可不填。" },
  { key: "keyTask", header: "重点工作", required: false, width: 14, help: "阶段性重点工作名称（见“可选值”表），可不填。" },
  { key: "line", header: "分线", required: false, width: 14, help: "分线或指挥部名称（见“可选值”表），可不填。" },
  { key: "target", header: "目标值", required: true, width: 10, help: "大于 0 的数字，如 120。" },
  { key: "measure", header: "计量单位", required: true, width: 10, help: "如 户、个、亩、万元。" },
  { key: "startDate", header: "开始日期", required: false, width: 12, help: "如 2026-03-01，可不填。" },
  { key: "deadline", header: "截止日期", required: true, width: 12, help: "如 2026-12-31，不能早于开始日期。" },
  { key: "leader", header: "分包领导", required: false, width: 10, help: "区级领导姓名（重名时填用户名），可不填。" },
  { key: "cooperators", header: "配合单位", required: false, width: 24, help: "单位全称，多个用顿号“、”分隔，可不填。" },
  { key: "weight", header: "权重", required: false, width: 8, help: "大于 0 的数字，不填为 1。" },
  { key: "requiresPhoto", header: "需要照片", required: false, width: 10, help: "填“是”或“否”，不填为否。" },
  { key: "requiresLocation", header: "需要定位", required: false, width: 10, help: "填“是”或“否”，不填为否。" },
  { key: "sitePlace", header: "现场地点", required: false, width: 18, help: "可不填。" },
  { key: "siteLat", header: "现场纬度", required: false, width: 10, help: "如 36.774，可不填。" },
  { key: "siteLng", header: "现场经度", required: false, width: 10, help: "如 114.517，可不填。" },
];

/** Columns only the export has (the import ignores them). */
export const EXPORT_ONLY_HEADERS = ["单位类别", "已完成值", "完成进度", "状态", "达标日期", "计分规则", "节点数", "逾期节点", "进展说明", "最后更新"] as const;

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;

export type Cell = string | number | boolean | Date | null;

/** A data row: its row number in the sheet (the header is row 1) and its cells by column. */
export type SheetRow = { rowNumber: number; cells: Partial<Record<ImportColumnKey, Cell>> };

export type ReadResult = { ok: true; rows: SheetRow[]; columns: ImportColumnKey[] } | { ok: false; error: string };

export class SpreadsheetError extends Error {}

function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== "object") return value as Cell;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return plainCell(value.result as ExcelJS.CellValue);
  if ("text" in value) return plainCell(value.text as ExcelJS.CellValue);
  if ("error" in value) return String(value.error);
  return null;
}

/** Header text → column: spaces, a trailing "*" or "(必填)" are forgiven. */
function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, "").replace(/(\*|(必填)|\(必填\))$/, "");
}

function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * CSV from Excel in China is often GBK; a file that is not valid UTF-8 is
 * read as GB18030 (a superset of GBK). The BOM, if any, is dropped.
 */
export function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder("gb18030").decode(buffer);
  }
}

async function loadWorksheet(buffer: Buffer, fileName: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) {
    // Keep every value as text: exceljs would otherwise turn "2026-12-31" into a Date in the server's zone.
    return workbook.csv.read(Readable.from([decodeCsv(buffer)]), { map: (value: string) => value });
  }
  if (lower.endsWith(".xlsx")) {
    if (buffer.subarray(0, 2).toString("latin1") !== "PK") throw new SpreadsheetError("文件不是有效的 .xlsx 表格，请用 Excel 或 WPS 另存为 .xlsx 后再上传。");
    try {
      await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    } catch {
      throw new SpreadsheetError("文件不是有效的 .xlsx 表格，请用 Excel 或 WPS 另存为 .xlsx 后再上传。");
    }
    const sheet = workbook.getWorksheet("任务清单") ?? workbook.worksheets[0];
    if (!sheet) throw new SpreadsheetError("表格里没有工作表。");
    return sheet;
  }
  throw new SpreadsheetError("只能导入 .xlsx 或 .csv 文件。");
}

/** Reads the first sheet (or the one named 任务清单): header row, then data rows; blank rows are skipped. */
export async function readTaskSheet(buffer: Buffer, fileName: string): Promise<ReadResult> {
  let sheet: ExcelJS.Worksheet;
  try {
    sheet = await loadWorksheet(buffer, fileName);
  } catch (error) {
    if (error instanceof SpreadsheetError) return { ok: false, error: error.message };
    return { ok: false, error: "文件无法读取，请确认它是 .xlsx 或 .csv 表格。" };
  }
  const byHeader = new Map(IMPORT_COLUMNS.map((c) => [c.header, c.key]));
  const columnOf = new Map<number, ImportColumnKey>();
  const seenHeaders = new Map<ImportColumnKey, number>();
  const duplicateHeaders: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(normalizeHeader(String(plainCell(cell.value) ?? "")));
    if (!key) return;
    if (seenHeaders.has(key)) duplicateHeaders.push(IMPORT_COLUMNS.find((c) => c.key === key)!.header);
    seenHeaders.set(key, col);
    columnOf.set(col, key);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !seenHeaders.has(c.key)).map((c) => c.header);
  if (missing.length) return { ok: false, error: `第 1 行（表头）缺少列：${missing.join("、")}。请使用导入模板。` };
  if (duplicateHeaders.length) return { ok: false, error: `第 1 行（表头）有重复的列：${duplicateHeaders.join("、")}。` };

  const rows: SheetRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1 || tooMany) return;
    const cells: SheetRow["cells"] = {};
    let blank = true;
    for (const [col, key] of columnOf) {
      const value = plainCell(row.getCell(col).value);
      cells[key] = value;
      if (!isBlank(value)) blank = false;
    }
    if (blank) return;
    if (rows.length >= MAX_IMPORT_ROWS) tooMany = true;
    else rows.push({ rowNumber, cells });
  });
  if (tooMany) return { ok: false, error: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分成几个文件。` };
  if (rows.length === 0) return { ok: false, error: "表格里没有任务行（第 2 行起填写任务）。" };
  return { ok: true, rows, columns: [...seenHeaders.keys()] };
}

// ─── Writing ────────────────────────────────────────────────────────────────

export type SheetColumn = { header: string; width: number };

function styleHeader(sheet: ExcelJS.Worksheet, requiredHeaders: ReadonlySet<string> = new Set()): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: requiredHeaders.has(String(cell.value)) ? "FFFDE2E2" : "FFF1F5F9" } };
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
}

/** Text a spreadsheet would run as a formula is written with a leading apostrophe (CSV injection). */
export function csvSafe(value: Cell): Cell {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type ExtraSheet = { name: string; columns: readonly SheetColumn[]; rows: readonly Cell[][] };

/** One table as .xlsx or .csv; an .xlsx may carry more sheets after it (a .csv holds one table only). */
export async function writeSheet(
  columns: readonly SheetColumn[],
  rows: readonly Cell[][],
  format: "xlsx" | "csv",
  sheetName = "任务清单",
  extraSheets: readonly ExtraSheet[] = [],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  if (format === "csv") {
    for (const row of rows) sheet.addRow(row.map(csvSafe));
    // A BOM, so that Excel opens the UTF-8 file with its Chinese intact.
    return Buffer.concat([Buffer.from("\uFEFF", "utf8"), Buffer.from(await workbook.csv.writeBuffer())]);
  }
  for (const row of rows) sheet.addRow(row);
  styleHeader(sheet);
  for (const extra of extraSheets) {
    const more = workbook.addWorksheet(extra.name);
    more.columns = extra.columns.map((c) => ({ header: c.header, width: c.width }));
    for (const row of extra.rows) more.addRow(row);
    styleHeader(more);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type TemplateChoices = {
  units: { name: string; kind: "TOWN" | "DEPARTMENT" }[];
  keyTasks: { name: string }[];
  lines: { name: string }[];
  leaders: { name: string; title: string | null; username: string }[];
};

/** The import template: the columns with one example row, how to fill them, and the valid names. */
export async function writeTaskTemplate(choices: TemplateChoices, year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("任务清单");
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const town = choices.units.find((u) => u.kind === "TOWN") ?? choices.units[0];
  const cooperator = choices.units.find((u) => u.kind === "DEPARTMENT");
  const example: Partial<Record<ImportColumnKey, Cell>> = {
    externalKey: `${year}-示例-001`,
    year,
    unit: town?.name ?? "临洺关镇",
    title: "城中村改造占地拆迁120户",
    description: "按拆迁安置方案完成入户、评估、签约、拆除",
    keyTask: choices.keyTasks[0]?.name ?? "",
    line: choices.lines[0]?.name ?? "",
    target: 120,
    measure: "户",
    startDate: `${year}-03-01`,
    deadline: `${year}-12-31`,
    leader: choices.leaders[0]?.name ?? "",
    cooperators: cooperator?.name ?? "",
    weight: 1,
    requiresPhoto: "是",
    requiresLocation: "否",
    sitePlace: "南关村拆迁现场",
    siteLat: 36.774,
    siteLng: 114.517,
  };
  sheet.addRow(example);
  // Dates typed as text stay exactly as typed (no time zone, no serial numbers).
  for (const key of ["startDate", "deadline"] as const) sheet.getColumn(key).numFmt = "@";
  styleHeader(sheet, new Set(IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header)));

  const help = workbook.addWorksheet("填写说明");
  help.columns = [
    { header: "列", width: 12 },
    { header: "必填", width: 6 },
    { header: "说明", width: 80 },
  ];
  for (const c of IMPORT_COLUMNS) help.addRow([c.header, c.required ? "是" : "", c.help]);
  help.addRow([]);
  help.addRow(["", "", "第 1 行是表头，不要修改列名；从第 2 行起每行一项任务。示例行请改成实际任务或删除。"]);
  help.addRow(["", "", "导入时先预览：有错误的行会列出行号和原因，全部改正后才能导入；导入要么全部成功，要么一条都不导入。"]);
  help.addRow(["", "", "同一文件重复导入不会产生重复任务：任务编号相同的行更新原任务，内容没有变化的不改写。"]);
  help.addRow(["", "", "导入只设置任务清单本身；完成值和进展由各单位在系统中填报，导出表中的这些列导入时会被忽略。"]);
  styleHeader(help);

  const lists = workbook.addWorksheet("可选值");
  lists.columns = [
    { header: "责任单位/配合单位", width: 26 },
    { header: "单位类别", width: 10 },
    { header: "重点工作", width: 16 },
    { header: "分线", width: 26 },
    { header: "分包领导", width: 10 },
    { header: "职务", width: 28 },
    { header: "用户名", width: 12 },
  ];
  const length = Math.max(choices.units.length, choices.keyTasks.length, choices.lines.length, choices.leaders.length);
  for (let i = 0; i < length; i++) {
    const unit = choices.units[i];
    const leader = choices.leaders[i];
    lists.addRow([
      unit?.name ?? null,
      unit ? UNIT_KIND_LABELS[unit.kind] : null,
      choices.keyTasks[i]?.name ?? null,
      choices.lines[i]?.name ?? null,
      leader?.name ?? null,
      leader?.title ?? null,
      leader?.username ?? null,
    ]);
  }
  styleHeader(lists);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
