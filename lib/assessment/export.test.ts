import assert from "node:assert/strict";
import { test } from "node:test";
import ExcelJS from "exceljs";
import { buildRankingWorkbook, exportFileName } from "@/lib/assessment/export";
import type { QuarterResults } from "@/lib/assessment/results";
import { computeQuarterScore, defaultRules } from "@/lib/assessment/scoring";
import { emptyInputs, groupScore, taskItem } from "@/lib/testing/assessment-fixtures";

function results(): QuarterResults {
  const rules = defaultRules(2026);
  // t2 reached 6 of 10 by its due date and 10 by the quarter's end: 逾期完成 (the year's rule: 30% late credit).
  const late = { ...taskItem("t2", 10), valueAtDue: 6, reachedOn: "2026-09-10" };
  const a = computeQuarterScore(emptyInputs("a", "TOWN", { taskItems: [taskItem("t1", 10), late], groupScores: [groupScore("gs1", 90)] }), {
    ...rules,
    lateCredit: 0.3,
  });
  const b = computeQuarterScore(
    emptyInputs("b", "TOWN", {
      groupScores: [groupScore("gs2", 70)],
      adjustments: [{ id: "adj1", points: -1, reason: "被市里通报", by: "区长", createdAt: "2026-09-01T00:00:00.000Z" }],
      vetoes: [{ id: "v1", vetoItemId: "vi", item: "重大安全生产事故", reason: "事故" }],
    }),
    rules,
  );
  return {
    quarter: { id: "q", year: 2026, number: 3, key: "2026Q3", status: "CLOSED", version: 2, closedAt: new Date(), earlyCloseReason: null },
    live: false,
    asOf: "2026-09-30",
    rows: [
      {
        unitId: "a",
        unitName: "甲镇",
        kind: "TOWN",
        rank: 1,
        total: a.total,
        failed: a.failed,
        ranked: true,
        breakdown: a.breakdown,
        flag: { color: "RED", streak: 1 },
      },
      {
        unitId: "b",
        unitName: "乙镇",
        kind: "TOWN",
        rank: 2,
        total: b.total,
        failed: b.failed,
        ranked: true,
        breakdown: b.breakdown,
        flag: { color: "YELLOW", streak: 2 },
      },
    ],
  };
}

test("the workbook has a ranking sheet per kind with Chinese headers, and every point's source", async () => {
  const buffer = await buildRankingWorkbook(results());
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  assert.deepEqual(
    book.worksheets.map((s) => s.name),
    ["乡镇排名", "区直部门排名", "计分依据"],
  );

  const towns = book.getWorksheet("乡镇排名")!;
  assert.ok(String(towns.getCell("A1").value).startsWith("2026年第三季度乡镇考核排名（第 2 版快照"));
  assert.deepEqual((towns.getRow(2).values as unknown[]).slice(1, 4), ["名次", "单位", "总分"]);
  // tasks 40 × (1 + 0.6 + 0.3 × 0.4) / 2 = 34.4, groups 36, spot checks and orders 20
  assert.deepEqual((towns.getRow(3).values as unknown[]).slice(1, 4), [1, "甲镇", 90.4]);
  const second = towns.getRow(4).values as unknown[];
  assert.equal(second[2], "乙镇");
  assert.equal(second[10], "重大安全生产事故");
  assert.equal(second[11], "黄旗");

  const sources = book.getWorksheet("计分依据")!;
  const rows = sources
    .getSheetValues()
    .slice(2)
    .map((r) => (r as unknown[]).slice(1));
  assert.equal((sources.getRow(1).values as unknown[])[10], "计分规则");
  const t1 = rows.find((r) => r[8] === "t1")!;
  assert.deepEqual([t1[0], t1[4], t1[9]], ["甲镇", "任务", ""], "done on time: no rule to state");
  const t2 = rows.find((r) => r[8] === "t2")!;
  assert.match(String(t2[6]), /逾期完成/);
  assert.equal(t2[9], "逾期完成：到期日前完成的部分全额计分，到期日之后（至季度末）完成的部分按 30% 计分");
  assert.ok(rows.some((r) => r[0] === "乙镇" && r[2] === "领导加减分" && r[5] === "被市里通报" && r[8] === "adj1"));
  assert.ok(rows.some((r) => r[0] === "乙镇" && r[2] === "一票否决" && r[8] === "v1"));
});

test("the file name says the quarter and the version", () => {
  assert.equal(exportFileName(results()), "2026年第三季度考核排名（第2版）.xlsx");
});
