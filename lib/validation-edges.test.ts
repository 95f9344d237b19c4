/**
 * The validation edges, form by form (security issue, finding 9): numbers are
 * plain decimals ("0x10" is not 16, "1e1" is not 10), dates lie within a
 * sane range, and control characters are refused in spreadsheet cells too.
 * Each case also shows the same form accepting the plain value, so a schema
 * that refuses everything would fail here.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { scoringRuleInput, vetoItemInput } from "@/lib/assessment/schemas";
import { readImportSheet } from "@/lib/org/sheet-import";
import { scopeChangeInput } from "@/lib/org/schemas";
import { UNIT_IMPORT_COLUMNS } from "@/lib/org/unit-import";
import { drawInput, recordInput } from "@/lib/supervision/spot-checks/schemas";
import { issueOrderInput } from "@/lib/supervision/orders/schemas";
import { planImport } from "@/lib/tasks/import";
import { taskRuleErrors } from "@/lib/tasks/rules";
import { IMPORT_COLUMNS, readTaskSheet, type Cell } from "@/lib/tasks/spreadsheet";
import { makeSheet } from "@/lib/testing/sheets";
import { addDays, districtToday } from "@/lib/time";
import { fieldErrorsOf } from "@/lib/validation";

const today = districtToday();
const nextWeek = addDays(today, 7);
const FAR = "9999-12-31";

function errorsOf(result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }): Record<string, string[] | undefined> {
  assert.equal(result.success, false, "expected the input to be refused");
  return fieldErrorsOf(result.error!);
}

test("form numbers are plain decimals: hex and exponents are refused where the plain number is accepted", () => {
  const draw = { mode: "RANDOM", sizeBy: "SHARE", share: "10", slotMorning: "on", kindTown: "on", from: today, to: today, randomShare: "50" };
  assert.equal(drawInput.parse(draw).share, 10);
  for (const bad of ["0x10", "1e1", "Infinity"]) assert.ok(errorsOf(drawInput.safeParse({ ...draw, share: bad })).share, bad);
  assert.ok(errorsOf(drawInput.safeParse({ ...draw, sizeBy: "COUNT", count: "0x10" })).count);
  assert.ok(errorsOf(drawInput.safeParse({ ...draw, randomShare: "5e1" })).randomShare);

  const rules = {
    year: "2026",
    weightTasks: "40",
    weightGroups: "30",
    weightSpotChecks: "10",
    weightOrders: "10",
    weightTimeliness: "10",
    redFlagCount: "3",
    yellowFlagCount: "3",
    lateCreditPercent: "50",
    escalationLadder: "提级督办、通报、约谈",
  };
  assert.equal(scoringRuleInput.parse(rules).weightTasks, 40);
  assert.ok(errorsOf(scoringRuleInput.safeParse({ ...rules, weightTasks: "4e1" })).weightTasks);
  assert.ok(errorsOf(scoringRuleInput.safeParse({ ...rules, redFlagCount: "0x3" })).redFlagCount);
  assert.ok(errorsOf(scoringRuleInput.safeParse({ ...rules, lateCreditPercent: "" })).lateCreditPercent, "an empty number is not 0");
  assert.ok(errorsOf(vetoItemInput.safeParse({ year: "0x7ea", name: "安全生产" })).year);
  assert.equal(vetoItemInput.parse({ year: "2026", name: "安全生产" }).year, 2026);

  const order = { unitId: "u1", title: "督办标题四字", content: "督办内容至少十个字，写清楚。", deadlineDate: nextWeek, feedbackEveryDays: "7" };
  assert.equal(issueOrderInput.parse(order).feedbackEveryDays, 7);
  assert.ok(errorsOf(issueOrderInput.safeParse({ ...order, feedbackEveryDays: "0x7" })).feedbackEveryDays);

  const record = { checkId: "c1", method: "PHONE", result: "PARTLY_TRUE", checkedAt: `${today}T10:00`, notes: "现场只完成一半。", "untrue.t1": "5" };
  assert.deepEqual(recordInput.parse(record).untrue, { t1: 5 });
  assert.equal(recordInput.safeParse({ ...record, "untrue.t1": "1e3" }).success, false);
});

test("dates lie between the start of last year and the end of next year (a year's task: around its own year)", () => {
  const order = { unitId: "u1", title: "督办标题四字", content: "督办内容至少十个字，写清楚。", deadlineDate: FAR };
  assert.deepEqual(errorsOf(issueOrderInput.safeParse(order)).deadlineDate, ["办结期限应在去年到明年之间"]);
  assert.ok(issueOrderInput.safeParse({ ...order, deadlineDate: nextWeek }).success);

  const draw = { mode: "RANDOM", sizeBy: "COUNT", count: "5", slotMorning: "on", kindTown: "on", from: "0001-01-01", to: today };
  assert.ok(errorsOf(drawInput.safeParse(draw)).from);
  const record = { checkId: "c1", method: "PHONE", result: "TRUE", checkedAt: `${FAR}T10:00` };
  assert.ok(errorsOf(recordInput.safeParse(record)).checkedAt);
  assert.ok(recordInput.safeParse({ ...record, checkedAt: `${today}T10:00` }).success);

  const scope = { groupId: "g1", unitId: "u1", change: "ADD", effectiveDate: FAR };
  assert.deepEqual(errorsOf(scopeChangeInput.safeParse(scope)).effectiveDate, ["生效日期应在去年到明年之间"]);
  assert.ok(scopeChangeInput.safeParse({ ...scope, effectiveDate: today }).success);

  // A task list is for a year: its dates lie within a year of it, whatever today is.
  assert.deepEqual(taskRuleErrors({ target: 1, year: 2026, startDate: "2026-01-01", deadline: "2026-12-31" }), {});
  assert.deepEqual(taskRuleErrors({ target: 1, year: 2026, deadline: FAR }), { deadline: "截止日期应在 2025 年到 2027 年之间（任务年度 2026 的前后一年）" });
  assert.equal(
    taskRuleErrors({ target: 1, year: 2026, startDate: "1999-01-01", deadline: "2026-12-31" }).startDate,
    "开始日期应在 2025 年到 2027 年之间（任务年度 2026 的前后一年）",
  );
});

test("spreadsheet imports: control characters, hex numbers and far dates are row errors", async () => {
  const headers = IMPORT_COLUMNS.map((c) => c.header);
  const row = (over: Record<string, Cell>): Cell[] => {
    const base: Record<string, Cell> = {
      任务编号: "K-1",
      年度: 2026,
      责任单位: "临洺关镇",
      任务名称: "城中村改造",
      目标值: 120,
      计量单位: "户",
      截止日期: "2026-12-31",
    };
    return headers.map((h) => ({ ...base, ...over })[h] ?? null);
  };
  const sheet = await readTaskSheet(
    await makeSheet(headers, [
      row({}),
      row({ 任务编号: "K-2", 目标值: "0x10" }),
      // Excel keeps a control character as _x001B_, which exceljs reads back as the character.
      row({ 任务编号: "K-3", 任务名称: "改造_x001B_" }),
      row({ 任务编号: "K-4", 截止日期: FAR }),
      row({ 任务编号: "K-5", 年度: null, 截止日期: FAR }),
      row({ 任务编号: "K-6", 截止日期: "2028-06-30" }),
    ]),
    "tasks.xlsx",
  );
  assert.ok(sheet.ok);
  const refs = { units: new Map([["临洺关镇", "u1"]]), keyTasks: new Map(), lines: new Map(), leaders: new Map() };
  const plan = planImport(sheet.rows, sheet.columns, refs, new Map());
  assert.equal(plan.creates.length, 1);
  assert.deepEqual(
    plan.errors.map((e) => [e.rowNumber, e.messages]),
    [
      [3, ["目标值“0x10”不是数字"]],
      [4, ["任务名称含有不可见的控制字符，请重新输入"]],
      [5, ["截止日期“9999-12-31”的年份应在 2000–2100 之间"]],
      [6, ["截止日期“9999-12-31”的年份应在 2000–2100 之间"]],
      [7, ["截止日期应在 2025 年到 2027 年之间（任务年度 2026 的前后一年）"]],
    ],
  );

  const unitHeaders = UNIT_IMPORT_COLUMNS.map((c) => c.header);
  const units = await readImportSheet(
    await makeSheet(unitHeaders, [
      ["town-01", "临洺关镇", "乡镇", "", "", ""],
      ["town-02", "广府_x0000_镇", "乡镇", "", "", ""],
    ]),
    UNIT_IMPORT_COLUMNS,
    { noun: "单位", maxRows: 10 },
  );
  assert.equal(units.ok, false);
  assert.deepEqual(units.ok ? [] : units.rowErrors, [{ row: 3, message: `${unitHeaders[1]}含有不可见的控制字符，请重新输入` }]);
});
