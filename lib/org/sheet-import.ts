/**
 * The one reader behind the office's bulk imports of the organisation
 * (accounts, units): a template with Chinese headers, then one row per
 * record. It loads the .xlsx with exceljs, checks the header row, skips
 * blank rows and hands each data row with its row number (the header is
 * row 1) to the importer, which validates it with the same zod schema as
 * the form. Any bad row → nothing is written (all or nothing), and each bad
 * row is listed with its number and a Chinese reason. The template is
 * written by the task import's `writeSheet`.
 */
import ExcelJS from "exceljs";
import { writeSheet, type Cell } from "@/lib/tasks/spreadsheet";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters } from "@/lib/validation";

export type SheetColumn<K extends string> = { readonly key: K; readonly header: string; readonly width: number };

export type RowError = { row: number; message: string };

export type ImportFailure = { ok: false; message: string; rowErrors?: RowError[] };

/** A data row: its number in the sheet and its cells as trimmed text by column. */
export type SheetRow<K extends string> = { row: number; cell: (key: K) => string };

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "text" in value) return String(value.text).trim();
  if (typeof value === "object" && "richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if (typeof value === "object" && "result" in value) return String(value.result ?? "").trim();
  return String(value).trim();
}

/** Reads the first sheet: every column of `columns` must be in the header row; blank rows are skipped; at most `maxRows` rows. */
export async function readImportSheet<K extends string>(
  buffer: Buffer,
  columns: readonly SheetColumn<K>[],
  opts: { noun: string; maxRows: number },
): Promise<{ ok: true; rows: SheetRow<K>[] } | ImportFailure> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: "无法读取文件：请上传用模板填写的 .xlsx 文件。" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: "文件里没有工作表。" };
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(text);
  const index = new Map(columns.map((c) => [c.key, headers.indexOf(c.header)]));
  const missing = columns.filter((c) => (index.get(c.key) ?? -1) < 0).map((c) => c.header);
  if (missing.length) return { ok: false, message: `缺少列：${missing.join("、")}。请用模板填写。` };
  const rows: SheetRow<K>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = new Map(columns.map((c) => [c.key, text(row.getCell(index.get(c.key)!).value)]));
    if ([...values.values()].every((v) => !v)) return;
    rows.push({ row: rowNumber, cell: (key) => values.get(key) ?? "" });
  });
  if (rows.length > opts.maxRows) return { ok: false, message: `一次最多导入 ${opts.maxRows} 个${opts.noun}。` };
  if (!rows.length) return { ok: false, message: `文件里没有${opts.noun}。` };
  // The forms refuse control characters field by field (authedAction); a sheet's cells are refused here, row by row.
  const unreadable = rows.flatMap(({ row, cell }) => {
    const headers = columns.filter((c) => hasControlCharacters(cell(c.key))).map((c) => c.header);
    return headers.length ? [{ row, message: `${headers.join("、")}${CONTROL_CHARACTERS_MESSAGE}` }] : [];
  });
  if (unreadable.length) return rowFailure(unreadable, opts.noun);
  return { ok: true, rows };
}

/** The all-or-nothing refusal: how many rows to fix, and each with its number. */
export function rowFailure(rowErrors: RowError[], noun: string): ImportFailure {
  return { ok: false, message: `有 ${rowErrors.length} 行需要修改，没有导入任何${noun}。`, rowErrors };
}

/** Checks one column's values are not repeated within the file and not already taken; the problems go to `problems`. */
export function uniqueIn(label: string) {
  const seen = new Map<string, number>();
  return (value: string, row: number, taken: Set<string>, problems: string[]) => {
    if (!value) return;
    if (taken.has(value)) problems.push(`${label} ${value} 已被使用`);
    if (seen.has(value)) problems.push(`${label} ${value} 与第 ${seen.get(value)} 行重复`);
    else seen.set(value, row);
  };
}

/** The template: the header row, one example row, and a sheet of valid values. */
export function writeImportTemplate<K extends string>(
  columns: readonly SheetColumn<K>[],
  example: Cell[],
  sheetName: string,
  choices: { columns: { header: string; width: number }[]; rows: Cell[][] },
): Promise<Buffer> {
  return writeSheet(
    columns.map((c) => ({ header: c.header, width: c.width })),
    [example],
    "xlsx",
    sheetName,
    [{ name: "可选值", ...choices }],
  );
}
