/** Import validation without a database: reading .xlsx/.csv with exceljs and planning rows. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { AMBIGUOUS, planImport, type ExistingTask, type ImportRefs } from "@/lib/tasks/import";
import { IMPORT_COLUMNS, readTaskSheet, writeTaskTemplate, type Cell } from "@/lib/tasks/spreadsheet";
import { makeSheet } from "@/lib/testing/sheets";

const refs: ImportRefs = {
  units: new Map([
    ["临洺关镇", "u-lmg"],
    ["130408100", "u-lmg"],
    ["区交运局", "u-jy"],
    ["区住建局", "u-zj"],
  ]),
  keyTasks: new Map([["土地卫片拆迁", "kt1"]]),
  lines: new Map([["项目建设", "l1"]]),
  leaders: new Map<string, string | typeof AMBIGUOUS>([
    ["周明远", "lead1"],
    ["leader", "lead1"],
    ["王伟", AMBIGUOUS],
  ]),
};

const HEADERS = IMPORT_COLUMNS.map((c) => c.header);

/** A full row in template order; `overrides` by header. */
function row(overrides: Record<string, Cell> = {}): Cell[] {
  const base: Record<string, Cell> = {
    任务编号: "K-1",
    年度: 2026,
    责任单位: "临洺关镇",
    任务名称: "城中村改造占地拆迁120户",
    任务说明: "",
    重点工作: "土地卫片拆迁",
    分线: "项目建设",
    目标值: 120,
    计量单位: "户",
    开始日期: "2026-03-01",
    截止日期: "2026-12-31",
    分包领导: "周明远",
    配合单位: "区交运局、区住建局",
    权重: 2,
    需要照片: "是",
    需要定位: "否",
    现场地点: "南关村",
    现场纬度: 36.774,
    现场经度: 114.517,
  };
  const merged = { ...base, ...overrides };
  return HEADERS.map((h) => merged[h] ?? null);
}

const xlsx = (rows: Cell[][], headers: string[] = HEADERS) => makeSheet(headers, rows, "任务清单");

async function plan(buffer: Buffer, fileName = "tasks.xlsx", existing = new Map<string, ExistingTask>()) {
  const sheet = await readTaskSheet(buffer, fileName);
  assert.ok(sheet.ok, sheet.ok ? "" : sheet.error);
  return planImport(sheet.rows, sheet.columns, refs, existing);
}

test("a good row becomes a new task with every field", async () => {
  const result = await plan(await xlsx([row()]));
  assert.deepEqual(result.errors, []);
  assert.equal(result.creates.length, 1);
  assert.deepEqual(result.creates[0], {
    rowNumber: 2,
    externalKey: "K-1",
    fields: {
      year: 2026,
      unitId: "u-lmg",
      title: "城中村改造占地拆迁120户",
      description: null,
      keyTaskId: "kt1",
      lineId: "l1",
      target: 120,
      measure: "户",
      startDate: "2026-03-01",
      deadline: "2026-12-31",
      responsibleLeaderId: "lead1",
      cooperatorIds: ["u-jy", "u-zj"],
      weight: 2,
      requiresPhoto: true,
      requiresLocation: false,
      sitePlace: "南关村",
      siteLat: 36.774,
      siteLng: 114.517,
    },
  });
});

test("every bad row is listed with its row number and a Chinese reason", async () => {
  const result = await plan(
    await xlsx([
      row({ 任务编号: "A" }),
      row({ 任务编号: "B", 责任单位: "不存在镇" }),
      row({ 任务编号: "C", 截止日期: "2026-13-45" }),
      row({ 任务编号: "D", 目标值: -5 }),
      row({ 任务编号: "A" }),
      row({ 任务编号: "E", 任务名称: "", 计量单位: null }),
      row({ 任务编号: "F", 开始日期: "2026-06-01", 截止日期: "2026-05-01" }),
      row({ 任务编号: "G", 配合单位: "区交运局，区不存在局", 需要照片: "也许", 分包领导: "王伟", 目标值: "很多" }),
      row({ 任务编号: null }),
      row({ 任务编号: "H", 配合单位: "临洺关镇" }),
    ]),
  );
  assert.equal(result.creates.length, 1);
  assert.deepEqual(
    result.errors.map((e) => [e.rowNumber, e.messages]),
    [
      [3, ["责任单位“不存在镇”不存在"]],
      [4, ["截止日期“2026-13-45”不是有效日期（应如 2026-12-31）"]],
      [5, ["目标值必须大于 0"]],
      [6, ["任务编号“A”与第 2 行重复"]],
      [7, ["任务名称不能为空", "计量单位不能为空"]],
      [8, ["截止日期（2026-05-01）不能早于开始日期（2026-06-01）"]],
      [9, ["目标值“很多”不是数字", "分包领导“王伟”有重名，请填写用户名", "配合单位“区不存在局”不存在", "需要照片应填“是”或“否”"]],
      [10, ["任务编号不能为空"]],
      [11, ["配合单位不能包含责任单位本身"]],
    ],
  );
});

test("a missing required column is a file error that names it", async () => {
  const headers = HEADERS.filter((h) => h !== "截止日期" && h !== "责任单位");
  const sheet = await readTaskSheet(await xlsx([], headers), "tasks.xlsx");
  assert.deepEqual(sheet, { ok: false, error: "第 1 行（表头）缺少列：责任单位、截止日期。请使用导入模板。" });
});

test("files that are not spreadsheets, or empty ones, are refused", async () => {
  assert.deepEqual(await readTaskSheet(Buffer.from("hello"), "tasks.xlsx"), {
    ok: false,
    error: "文件不是有效的 .xlsx 表格，请用 Excel 或 WPS 另存为 .xlsx 后再上传。",
  });
  assert.deepEqual(await readTaskSheet(Buffer.from("a,b"), "tasks.xls"), { ok: false, error: "只能导入 .xlsx 或 .csv 文件。" });
  assert.deepEqual(await readTaskSheet(await xlsx([]), "tasks.xlsx"), { ok: false, error: "表格里没有任务行（第 2 行起填写任务）。" });
});

test("Excel date cells and serial numbers read as the date typed, whatever the server's zone", async () => {
  const result = await plan(await xlsx([row({ 开始日期: new Date(Date.UTC(2026, 2, 1)), 截止日期: 46387 })]));
  assert.deepEqual(result.errors, []);
  assert.equal(result.creates[0].fields.startDate, "2026-03-01");
  assert.equal(result.creates[0].fields.deadline, "2026-12-31");
});

test("common Chinese date spellings are accepted", async () => {
  const result = await plan(await xlsx([row({ 开始日期: "2026/3/1", 截止日期: "2026年12月31日" })]));
  assert.deepEqual([result.creates[0].fields.startDate, result.creates[0].fields.deadline], ["2026-03-01", "2026-12-31"]);
});

function csv(rows: Cell[][]): string {
  const quote = (v: Cell) => (v === null ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [HEADERS, ...rows].map((r) => r.map(quote).join(",")).join("\r\n");
}

test("CSV in UTF-8 (with a BOM) and in GBK read the same; dates stay as written", async () => {
  const text = csv([row({ 配合单位: "区交运局、区住建局" })]);
  const utf8 = await plan(Buffer.concat([Buffer.from("\uFEFF"), Buffer.from(text)]), "tasks.csv");
  assert.deepEqual(utf8.errors, []);
  assert.equal(utf8.creates[0].fields.deadline, "2026-12-31");
  assert.equal(utf8.creates[0].fields.target, 120);
  // GBK bytes of the same text (Excel's default "CSV" in a Chinese locale).
  const encoded = encodeGbk(text);
  assert.notDeepEqual(encoded, Buffer.from(text));
  const fromGbk = await plan(encoded, "tasks.csv");
  assert.deepEqual(fromGbk.creates, utf8.creates);
});

/** Node decodes GBK but has no encoder: build one from the decoder's two-byte table. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (trail !== 0x7f && char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return Buffer.from([...text].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : table.get(char)!)));
}

test("a known number with the same content is unchanged; a change is an update; absent optional columns keep their value", async () => {
  const first = await plan(await xlsx([row()]));
  const existing: ExistingTask = { id: "t1", externalKey: "K-1", valueReached: 30, milestones: [], ...first.creates[0].fields, description: "原有说明" };
  const map = new Map([["K-1", existing]]);

  const same = await plan(await xlsx([row({ 任务说明: "原有说明" })]), "tasks.xlsx", map);
  assert.deepEqual([same.creates.length, same.updates.length, same.unchanged], [0, 0, 1]);

  const changed = await plan(await xlsx([row({ 任务说明: "原有说明", 目标值: 130 })]), "tasks.xlsx", map);
  assert.deepEqual([changed.creates.length, changed.updates.length, changed.unchanged], [0, 1, 0]);
  assert.equal(changed.updates[0].fields.target, 130);

  // Without the 任务说明 column the description is left as it is.
  const headers = HEADERS.filter((h) => h !== "任务说明");
  const narrow = await plan(await xlsx([row().filter((_, i) => HEADERS[i] !== "任务说明")], headers), "tasks.xlsx", map);
  assert.equal(narrow.unchanged, 1);
});

test("an update must still hold the task's milestones", async () => {
  const first = await plan(await xlsx([row()]));
  const existing: ExistingTask = {
    id: "t1",
    externalKey: "K-1",
    valueReached: 0,
    ...first.creates[0].fields,
    milestones: [{ title: "年底前", dueDate: "2026-12-31", target: 120 }],
  };
  const result = await plan(await xlsx([row({ 截止日期: "2026-11-30" })]), "tasks.xlsx", new Map([["K-1", existing]]));
  assert.deepEqual(result.errors[0].messages, ["已有节点“年底前”的日期（2026-12-31）晚于截止日期，请先调整节点"]);
});

test("the template's example row imports as it is", async () => {
  const template = await writeTaskTemplate(
    {
      units: [
        { name: "临洺关镇", kind: "TOWN" },
        { name: "区交运局", kind: "DEPARTMENT" },
      ],
      keyTasks: [{ name: "土地卫片拆迁" }],
      lines: [{ name: "项目建设" }],
      leaders: [{ name: "周明远", title: "区委书记", username: "leader" }],
    },
    2026,
  );
  const result = await plan(template);
  assert.deepEqual(result.errors, []);
  assert.equal(result.creates[0].externalKey, "2026-示例-001");
  assert.equal(result.creates[0].fields.deadline, "2026-12-31");
});
