import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { buildYearWorkbook } from "@/lib/assessment/export";
import { type YearInputRow, type YearQuarterCell, computeYear } from "@/lib/assessment/year";

function cell(n: number, total: number | null, extra: Partial<YearQuarterCell> = {}): YearQuarterCell {
  return { quarter: `2026Q${n}`, closed: true, total, rank: total === null ? null : 1, failed: false, flag: null, ...extra };
}

function unit(id: string, totals: (number | null)[], extra: Partial<YearInputRow> = {}): YearInputRow {
  return { unitId: id, unitName: id, kind: "TOWN", sortOrder: 1, excluded: false, quarters: totals.map((t, i) => cell(i + 1, t)), ...extra };
}

test("the year score is the mean of the closed quarters in which the unit was ranked", () => {
  const [a] = computeYear([unit("a", [80, 90, null, 70])]);
  assert.equal(a.score, 80);
  const [open] = computeYear([{ ...unit("b", [80, 90, 100, 0]), quarters: [cell(1, 80), cell(2, 90), cell(3, 100), cell(4, null, { closed: false })] }]);
  assert.equal(open.score, 90, "an open quarter does not count yet");
});

test("ranked per kind; a veto in any quarter fails the year and ranks it last; equal scores share a rank", () => {
  const rows = computeYear([
    unit("best", [95, 95, 95, 95]),
    unit("vetoed", [99, 99, 99, 99], { quarters: [cell(1, 99), cell(2, 99, { failed: true }), cell(3, 99), cell(4, 99)] }),
    unit("tie1", [80, 80, 80, 80], { sortOrder: 2 }),
    unit("tie2", [80, 80, 80, 80], { sortOrder: 1 }),
    unit("dept", [70, 70, 70, 70], { kind: "DEPARTMENT" }),
    unit("office", [90, 90, 90, 90], { kind: "DEPARTMENT", excluded: true }),
  ]);
  const rank = Object.fromEntries(rows.map((r) => [r.unitId, r.rank]));
  assert.deepEqual(rank, { best: 1, tie1: 2, tie2: 2, vetoed: 4, dept: 1, office: 0 });
  assert.equal(rows.find((r) => r.unitId === "vetoed")!.failed, true);
  assert.equal(rows.find((r) => r.unitId === "office")!.score, null);
});

test("the year's flags are counted, and the workbook has a sheet per kind with every quarter", async () => {
  const rows = computeYear([
    unit("甲镇", [90, 85, 88, 92], {
      quarters: [
        cell(1, 90, { flag: { color: "RED", escalation: null } }),
        cell(2, 85),
        cell(3, 88, { flag: { color: "YELLOW", escalation: "通报批评" } }),
        cell(4, 92),
      ],
    }),
  ]);
  assert.deepEqual([rows[0].red, rows[0].yellow], [1, 1]);
  const buffer = await buildYearWorkbook({
    year: 2026,
    quarters: [1, 2, 3, 4].map((n) => ({ key: `2026Q${n}`, closed: true, version: 1 })),
    complete: true,
    rows,
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  assert.deepEqual(
    workbook.worksheets.map((w) => w.name),
    ["乡镇年度排名", "区直部门年度排名"],
  );
  const sheet = workbook.getWorksheet("乡镇年度排名")!;
  const values = (sheet.getRow(4).values as unknown[]).slice(1);
  assert.deepEqual(values.slice(0, 6), [1, "甲镇", 88.75, 90, 1, "红旗"]);
  assert.equal(values[11], "黄旗(通报批评)");
});
