/**
 * The one way the tests write a spreadsheet to import: a header row, then the
 * rows, written with exceljs as a user's Excel would be (.xlsx, or .csv).
 */
import ExcelJS from "exceljs";
import type { Cell } from "@/lib/tasks/spreadsheet";

export async function makeSheet(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  sheetName = "Sheet1",
  format: "xlsx" | "csv" = "xlsx",
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(format === "xlsx" ? await workbook.xlsx.writeBuffer() : await workbook.csv.writeBuffer());
}

/** A file filled in on an import's template: the headers of its `columns`, then a row for each of `rows` (cells by column key; a missing one is left blank). */
export function makeColumnSheet<K extends string>(columns: readonly { key: K; header: string }[], rows: readonly Partial<Record<K, Cell>>[]): Promise<Buffer> {
  return makeSheet(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => row[c.key] ?? null)),
  );
}
