/**
 * The review meeting's workbook (.xlsx): one sheet of rankings per kind with
 * every component's points, and one sheet with every point's source record
 * (a task or milestone 逾期完成 with the rule it scored by, in 计分规则).
 * Chinese headers, as the office reads them.
 */
import ExcelJS from "exceljs";
import { FLAG_NAMES } from "@/lib/assessment/flag-names";
import { quarterName } from "@/lib/assessment/quarters";
import type { QuarterResults, ResultRow } from "@/lib/assessment/results";
import { COMPONENT_KEYS, COMPONENT_LABELS, lateRuleText } from "@/lib/assessment/scoring";
import { YEAR_RULE, type YearResults } from "@/lib/assessment/year";
import { UNIT_KIND_ENTRIES, UNIT_KIND_LABELS } from "@/lib/labels";

const KINDS = UNIT_KIND_ENTRIES;

const SOURCE_NAMES = { task: "任务", milestone: "节点", groupScoreItem: "评分细则", spotCheck: "抽查", order: "督办单", slots: "晒报" } as const;

/** A table's header row: bold on a light grey ground. */
function addHeaderRow(sheet: ExcelJS.Worksheet, headers: string[]) {
  const head = sheet.addRow(headers);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF5F5F4" } };
}

function componentPoints(row: ResultRow, key: (typeof COMPONENT_KEYS)[number]): number | null {
  const c = row.breakdown.components.find((x) => x.key === key);
  return c && c.maxPoints > 0 ? c.points : null;
}

export function exportFileName(results: QuarterResults): string {
  return `${quarterName(results.quarter.key)}考核排名${results.live ? "（实时）" : `（第${results.quarter.version}版）`}.xlsx`;
}

export async function buildRankingWorkbook(results: QuarterResults): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "晒台";
  const status = results.live ? `实时计算，截至 ${results.asOf}，未关闭，仅供参考` : `第 ${results.quarter.version} 版快照，数据截至 ${results.asOf}`;

  for (const [kind, label] of KINDS) {
    const sheet = workbook.addWorksheet(`${label}排名`, { views: [{ state: "frozen", ySplit: 2 }] });
    const headers = ["名次", "单位", "总分", ...COMPONENT_KEYS.map((k) => COMPONENT_LABELS[k]), "领导加减分", "一票否决", "旗帜", "说明"];
    sheet.addRow([`${quarterName(results.quarter.key)}${label}考核排名（${status}）`]);
    sheet.mergeCells(1, 1, 1, headers.length);
    sheet.getRow(1).font = { bold: true, size: 14 };
    addHeaderRow(sheet, headers);
    for (const row of results.rows.filter((r) => r.kind === kind)) {
      sheet.addRow([
        row.rank || "—",
        row.unitName,
        row.ranked ? row.total : row.breakdown.retired ? "已撤销" : "数据不足",
        ...COMPONENT_KEYS.map((k) => componentPoints(row, k) ?? "—"),
        row.breakdown.adjustmentPoints || "—",
        row.failed ? row.breakdown.vetoes.map((v) => v.item).join("、") : "—",
        row.flag ? FLAG_NAMES[row.flag.color] : "—",
        row.breakdown.notes.join("；"),
      ]);
    }
    sheet.columns.forEach((column, i) => {
      column.width = i === 1 ? 24 : i === headers.length - 1 ? 60 : 12;
    });
  }

  const sources = workbook.addWorksheet("计分依据", { views: [{ state: "frozen", ySplit: 1 }] });
  const head = sources.addRow(["单位", "类别", "项目", "项目得分", "来源类型", "记录", "说明", "分值", "记录编号", "计分规则"]);
  head.font = { bold: true };
  for (const row of results.rows) {
    const kind = UNIT_KIND_LABELS[row.kind];
    // The rule a late item scored by: the one stored with the score (older snapshots: the default).
    const lateRule = lateRuleText(row.breakdown.lateCredit);
    for (const c of row.breakdown.components) {
      for (const s of c.sources)
        sources.addRow([
          row.unitName,
          kind,
          c.label,
          c.points,
          SOURCE_NAMES[s.type],
          s.label,
          s.detail ?? "",
          s.points,
          s.id,
          s.state === "DONE_LATE" ? lateRule : "",
        ]);
    }
    for (const a of row.breakdown.adjustments) sources.addRow([row.unitName, kind, "领导加减分", a.points, "加减分", a.reason, a.by, a.points, a.id]);
    for (const v of row.breakdown.vetoes) sources.addRow([row.unitName, kind, "一票否决", null, "一票否决", v.item, v.reason, null, v.id]);
  }
  sources.columns = [
    { width: 22 },
    { width: 10 },
    { width: 16 },
    { width: 10 },
    { width: 10 },
    { width: 40 },
    { width: 40 },
    { width: 10 },
    { width: 28 },
    { width: 40 },
  ];

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The year-end workbook: a sheet per kind with the year score, each quarter's total and rank, and the flags. */
export async function buildYearWorkbook(results: YearResults): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "晒台";
  const closed = results.quarters.filter((q) => q.closed).length;
  for (const [kind, label] of KINDS) {
    const sheet = workbook.addWorksheet(`${label}年度排名`, { views: [{ state: "frozen", ySplit: 3 }] });
    const headers = ["名次", "单位", "年度得分", ...results.quarters.flatMap((q) => [`${quarterName(q.key)}得分`, "名次", "旗帜"]), "红旗数", "黄旗数", "结论"];
    sheet.addRow([`${results.year} 年${label}年度考核${results.complete ? "" : `（暂定：已关闭 ${closed} 个季度）`}`]);
    sheet.mergeCells(1, 1, 1, headers.length);
    sheet.getRow(1).font = { bold: true, size: 14 };
    sheet.addRow([YEAR_RULE]);
    sheet.mergeCells(2, 1, 2, headers.length);
    addHeaderRow(sheet, headers);
    for (const row of results.rows.filter((r) => r.kind === kind)) {
      sheet.addRow([
        row.rank || "—",
        row.unitName,
        row.excluded ? "不参与排名" : (row.score ?? "—"),
        ...row.quarters.flatMap((q) =>
          q.closed
            ? [q.total ?? "—", q.rank ?? "—", q.flag ? `${FLAG_NAMES[q.flag.color]}${q.flag.escalation ? `(${q.flag.escalation})` : ""}` : "—"]
            : ["未关闭", "—", "—"],
        ),
        row.red,
        row.yellow,
        row.failed ? "不合格（一票否决）" : row.excluded ? "考核组织单位" : "",
      ]);
    }
    sheet.columns.forEach((column, i) => {
      column.width = i === 1 ? 24 : 12;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
