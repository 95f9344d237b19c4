/**
 * Importing a task list from a spreadsheet (issue 3): every row is checked
 * first and every bad row is reported with its row number and a Chinese
 * reason; only a file without errors is written, in one transaction. Tasks
 * are matched by 任务编号 (Task.externalKey): a known number updates its task,
 * an unchanged row is not rewritten, so importing the same file twice
 * changes nothing.
 *
 * planImport is pure (rows + reference data + existing tasks → plan);
 * previewTaskImport / commitTaskImport wrap it with the database.
 */
import { createHash, randomUUID } from "node:crypto";
import { isValid, parse } from "date-fns";
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { audit, auditMany } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { EXTERNAL_KEY_MAX } from "@/lib/tasks/schemas";
import { milestonesFitErrors, taskRuleErrors } from "@/lib/tasks/rules";
import { taskFieldsSelect } from "@/lib/tasks/selects";
import { IMPORT_COLUMNS, readTaskSheet, type Cell, type ImportColumnKey, type SheetRow } from "@/lib/tasks/spreadsheet";
import { deriveStatus } from "@/lib/tasks/status";
import { districtToday, isDistrictDate, type DistrictDate } from "@/lib/time";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, parsePlainDecimal } from "@/lib/validation";

// ─── Reference data and existing tasks ──────────────────────────────────────

export const AMBIGUOUS = Symbol("ambiguous");

export type ImportRefs = {
  /** unit name (and code) → id */
  units: Map<string, string>;
  keyTasks: Map<string, string>;
  lines: Map<string, string>;
  /** leader username and name → id; a name two leaders share is ambiguous */
  leaders: Map<string, string | typeof AMBIGUOUS>;
};

/** The fields an import sets: everything of a task but its progress. */
export type TaskImportFields = {
  year: number;
  unitId: string;
  title: string;
  description: string | null;
  keyTaskId: string | null;
  lineId: string | null;
  target: number;
  measure: string;
  startDate: DistrictDate | null;
  deadline: DistrictDate;
  responsibleLeaderId: string | null;
  cooperatorIds: string[];
  weight: number;
  requiresPhoto: boolean;
  requiresLocation: boolean;
  sitePlace: string | null;
  siteLat: number | null;
  siteLng: number | null;
};

const FIELD_KEYS = [
  "year",
  "unitId",
  "title",
  "description",
  "keyTaskId",
  "lineId",
  "target",
  "measure",
  "startDate",
  "deadline",
  "responsibleLeaderId",
  "cooperatorIds",
  "weight",
  "requiresPhoto",
  "requiresLocation",
  "sitePlace",
  "siteLat",
  "siteLng",
] as const satisfies readonly (keyof TaskImportFields)[];

export type ExistingTask = TaskImportFields & {
  id: string;
  externalKey: string;
  valueReached: number;
  milestones: { title: string; dueDate: string; target: number }[];
};

// ─── Reading cells ──────────────────────────────────────────────────────────

const HEADER = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, c.header])) as Record<ImportColumnKey, string>;

const DATE_FORMATS = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-M-d H:mm:ss", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** A text cell; a leading apostrophe our CSV export adds before "=" "+" "-" "@" is dropped. */
function textOf(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return dateOf(cell) ?? "";
  if (typeof cell === "boolean") return cell ? "是" : "否";
  const text = String(cell).trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/**
 * A calendar date from a cell: an Excel date (exceljs gives it as a UTC
 * instant of the date as typed), an Excel serial number, or text in a few
 * common Chinese office formats.
 */
function dateOf(cell: Cell | undefined): DistrictDate | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
  }
  if (typeof cell === "number") {
    if (cell < 1 || cell > 2_958_465) return null;
    return dateOf(new Date(Math.round((cell - 25569) * 86_400_000)));
  }
  const text = textOf(cell);
  if (isDistrictDate(text)) return text;
  for (const format of DATE_FORMATS) {
    const parsed = parse(text, format, new Date(2000, 0, 1));
    if (isValid(parsed)) {
      const date = `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
      if (isDistrictDate(date)) return date;
    }
  }
  return null;
}

function numberOf(cell: Cell | undefined): number | null {
  if (typeof cell === "number") return cell;
  const text = textOf(cell).replace(/\s/g, "");
  if (text === "") return null;
  // Plain decimals only: "0x10" or "1e3" in a cell is a mistake, not 16 or 1000.
  return parsePlainDecimal(text);
}

const YES = new Set(["是", "需要", "要", "y", "yes", "true", "1", "√", "✓"]);
const NO = new Set(["否", "不需要", "不要", "n", "no", "false", "0", ""]);

// ─── One row ────────────────────────────────────────────────────────────────

type ParsedRow = { rowNumber: number; externalKey: string; fields: Partial<TaskImportFields>; messages: string[] };

/**
 * The readers of one row's cells: each reads a column, records a Chinese
 * message for a bad or missing value and answers null (or false) then.
 */
function cellReader(row: SheetRow, messages: string[]) {
  const cell = (key: ImportColumnKey) => row.cells[key];
  const missing = (key: ImportColumnKey, required: boolean) => {
    if (required) messages.push(`${HEADER[key]}不能为空`);
    return null;
  };
  return {
    raw: (key: ImportColumnKey): string => textOf(cell(key)),
    text(key: ImportColumnKey, max: number, required: boolean): string | null {
      const value = textOf(cell(key));
      if (!value) return missing(key, required);
      if (value.length > max) messages.push(`${HEADER[key]}不能超过 ${max} 个字`);
      if (hasControlCharacters(value)) messages.push(`${HEADER[key]}${CONTROL_CHARACTERS_MESSAGE}`);
      return value;
    },
    lookup(key: ImportColumnKey, map: Map<string, string | typeof AMBIGUOUS>): string | null {
      const name = textOf(cell(key));
      if (!name) return null;
      const id = map.get(name);
      if (id === undefined) messages.push(`${HEADER[key]}“${name}”不存在`);
      else if (id === AMBIGUOUS) messages.push(`${HEADER[key]}“${name}”有重名，请填写用户名`);
      else return id;
      return null;
    },
    number(key: ImportColumnKey, required: boolean): number | null {
      const n = numberOf(cell(key));
      if (n === null) return missing(key, required);
      if (Number.isNaN(n)) {
        messages.push(`${HEADER[key]}“${textOf(cell(key))}”不是数字`);
        return null;
      }
      return n;
    },
    date(key: ImportColumnKey, required: boolean): DistrictDate | null {
      if (!textOf(cell(key))) return missing(key, required);
      const value = dateOf(cell(key));
      if (!value) messages.push(`${HEADER[key]}“${textOf(cell(key))}”不是有效日期（应如 2026-12-31）`);
      else if (value < "2000-01-01" || value > "2100-12-31") {
        messages.push(`${HEADER[key]}“${value}”的年份应在 2000–2100 之间`);
        return null;
      }
      return value;
    },
    flag(key: ImportColumnKey): boolean {
      const value = textOf(cell(key)).toLowerCase();
      if (YES.has(value)) return true;
      if (!NO.has(value)) messages.push(`${HEADER[key]}应填“是”或“否”`);
      return false;
    },
  };
}

type CellReader = ReturnType<typeof cellReader>;

/** The columns every row must fill: unit, title, target, measure, deadline. */
function readRequiredColumns(read: CellReader, refs: ImportRefs, fields: Partial<TaskImportFields>, messages: string[]): void {
  const unitName = read.raw("unit");
  if (!unitName) messages.push("责任单位不能为空");
  else {
    const unitId = refs.units.get(unitName);
    if (unitId) fields.unitId = unitId;
    else messages.push(`责任单位“${unitName}”不存在`);
  }
  const title = read.text("title", 200, true);
  if (title) fields.title = title;
  const target = read.number("target", true);
  if (target !== null) fields.target = target;
  const measure = read.text("measure", 20, true);
  if (measure) fields.measure = measure;
  const deadline = read.date("deadline", true);
  if (deadline) fields.deadline = deadline;
}

/** The cooperating units: names split on any separator, each a known unit, never the lead unit. */
function readCooperators(read: CellReader, refs: ImportRefs, fields: Partial<TaskImportFields>, messages: string[]): void {
  const names = [
    ...new Set(
      read
        .raw("cooperators")
        .split(/[、，,；;\s]+/)
        .filter(Boolean),
    ),
  ];
  const ids: string[] = [];
  for (const name of names) {
    const id = refs.units.get(name);
    if (id) ids.push(id);
    else messages.push(`配合单位“${name}”不存在`);
  }
  if (fields.unitId && ids.includes(fields.unitId)) messages.push("配合单位不能包含责任单位本身");
  fields.cooperatorIds = ids.sort();
}

/**
 * The optional columns: absent from the sheet → left as they are (undefined);
 * present but blank → cleared or their default.
 */
function readOptionalColumns(
  read: CellReader,
  has: (key: ImportColumnKey) => boolean,
  refs: ImportRefs,
  fields: Partial<TaskImportFields>,
  messages: string[],
): void {
  if (has("year")) {
    const year = read.number("year", false);
    if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100)) messages.push("年度应为 2000–2100 之间的整数");
    else if (year !== null) fields.year = year;
  }
  if (has("description")) fields.description = read.text("description", 2000, false);
  if (has("keyTask")) fields.keyTaskId = read.lookup("keyTask", refs.keyTasks);
  if (has("line")) fields.lineId = read.lookup("line", refs.lines);
  if (has("startDate")) fields.startDate = read.date("startDate", false);
  if (has("leader")) fields.responsibleLeaderId = read.lookup("leader", refs.leaders);
  if (has("cooperators")) readCooperators(read, refs, fields, messages);
  if (has("weight")) fields.weight = read.number("weight", false) ?? 1;
  if (has("requiresPhoto")) fields.requiresPhoto = read.flag("requiresPhoto");
  if (has("requiresLocation")) fields.requiresLocation = read.flag("requiresLocation");
  if (has("sitePlace")) fields.sitePlace = read.text("sitePlace", 100, false);
  for (const [key, field, limit] of [
    ["siteLat", "siteLat", 90],
    ["siteLng", "siteLng", 180],
  ] as const) {
    if (!has(key)) continue;
    const value = read.number(key, false);
    if (value !== null && Math.abs(value) > limit) messages.push(`${HEADER[key]}应在 -${limit} 到 ${limit} 之间`);
    fields[field] = value;
  }
}

/** One row of the sheet: its 任务编号, the fields it sets, and every problem in Chinese. */
function parseRow(row: SheetRow, present: ReadonlySet<ImportColumnKey>, refs: ImportRefs): ParsedRow {
  const messages: string[] = [];
  const fields: Partial<TaskImportFields> = {};
  const read = cellReader(row, messages);
  const externalKey = read.text("externalKey", EXTERNAL_KEY_MAX, true) ?? "";
  readRequiredColumns(read, refs, fields, messages);
  readOptionalColumns(read, (key) => present.has(key), refs, fields, messages);
  return { rowNumber: row.rowNumber, externalKey, fields, messages };
}

const NEW_TASK_DEFAULTS = {
  description: null,
  keyTaskId: null,
  lineId: null,
  startDate: null,
  responsibleLeaderId: null,
  cooperatorIds: [] as string[],
  weight: 1,
  requiresPhoto: false,
  requiresLocation: false,
  sitePlace: null,
  siteLat: null,
  siteLng: null,
};

function pickFields(task: TaskImportFields): TaskImportFields {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, task[k]])) as TaskImportFields;
}

function sameFields(a: TaskImportFields, b: TaskImportFields): boolean {
  return FIELD_KEYS.every((k) => (k === "cooperatorIds" ? a[k].join(",") === b[k].join(",") : a[k] === b[k]));
}

// ─── The plan ───────────────────────────────────────────────────────────────

export type RowError = { rowNumber: number; externalKey: string | null; messages: string[] };

export type ImportPlan = {
  rows: number;
  errors: RowError[];
  creates: { rowNumber: number; externalKey: string; fields: TaskImportFields }[];
  updates: { rowNumber: number; externalKey: string; before: ExistingTask; fields: TaskImportFields }[];
  unchanged: number;
};

/** Checks every row and sorts the good ones into new, changed and unchanged tasks. Pure. */
export function planImport(
  rows: readonly SheetRow[],
  columns: readonly ImportColumnKey[],
  refs: ImportRefs,
  existing: ReadonlyMap<string, ExistingTask>,
): ImportPlan {
  const present = new Set(columns);
  const plan: ImportPlan = { rows: rows.length, errors: [], creates: [], updates: [], unchanged: 0 };
  const firstRowOfKey = new Map<string, number>();
  for (const row of rows) {
    const parsed = parseRow(row, present, refs);
    const { externalKey, messages } = parsed;
    if (externalKey) {
      const first = firstRowOfKey.get(externalKey);
      if (first !== undefined) messages.push(`任务编号“${externalKey}”与第 ${first} 行重复`);
      else firstRowOfKey.set(externalKey, row.rowNumber);
    }
    const before = externalKey ? existing.get(externalKey) : undefined;
    if (messages.length === 0) {
      const base = before ? pickFields(before) : { ...NEW_TASK_DEFAULTS, year: Number(parsed.fields.deadline!.slice(0, 4)) };
      const fields = { ...base, ...stripUndefined(parsed.fields) } as TaskImportFields;
      messages.push(...Object.values(taskRuleErrors(fields)));
      if (before) messages.push(...Object.values(milestonesFitErrors(fields, before.milestones)));
      if (messages.length === 0) {
        if (!before) plan.creates.push({ rowNumber: row.rowNumber, externalKey, fields });
        else if (sameFields(fields, pickFields(before))) plan.unchanged += 1;
        else plan.updates.push({ rowNumber: row.rowNumber, externalKey, before, fields });
        continue;
      }
    }
    plan.errors.push({ rowNumber: row.rowNumber, externalKey: externalKey || null, messages });
  }
  return plan;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ─── With the database ──────────────────────────────────────────────────────

type Client = Db | Prisma.TransactionClient;

export async function loadImportRefs(client: Client): Promise<ImportRefs> {
  const [units, keyTasks, lines, leaders] = await Promise.all([
    client.unit.findMany({ where: { archivedAt: null }, select: { id: true, name: true, code: true } }),
    client.keyTask.findMany({ select: { id: true, name: true } }),
    client.line.findMany({ select: { id: true, name: true } }),
    client.user.findMany({ where: { role: "LEADER", active: true }, select: { id: true, name: true, username: true } }),
  ]);
  const leaderMap = new Map<string, string | typeof AMBIGUOUS>();
  for (const l of leaders) leaderMap.set(l.name, leaderMap.has(l.name) && leaderMap.get(l.name) !== l.id ? AMBIGUOUS : l.id);
  for (const l of leaders) leaderMap.set(l.username, l.id);
  return {
    units: new Map([...units.map((u) => [u.code, u.id] as const), ...units.map((u) => [u.name, u.id] as const)]),
    keyTasks: new Map(keyTasks.map((k) => [k.name, k.id])),
    lines: new Map(lines.map((l) => [l.name, l.id])),
    leaders: leaderMap,
  };
}

const existingSelect = {
  ...taskFieldsSelect,
  cooperators: { select: { unitId: true }, orderBy: { unitId: "asc" } },
  milestones: { select: { title: true, dueDate: true, target: true } },
} satisfies Prisma.TaskSelect;

export async function loadExistingTasks(client: Client, keys: readonly string[]): Promise<Map<string, ExistingTask>> {
  const out = new Map<string, ExistingTask>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await client.task.findMany({ where: { externalKey: { in: keys.slice(i, i + 500) } }, select: existingSelect });
    for (const { cooperators, externalKey, ...row } of rows) {
      if (externalKey) out.set(externalKey, { ...row, externalKey, cooperatorIds: cooperators.map((c) => c.unitId).sort() });
    }
  }
  return out;
}

export type ImportSummary = {
  fileName: string;
  sha256: string;
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  errors: RowError[];
  /** the new and changed rows, for the preview (the first 200) */
  changes: { rowNumber: number; externalKey: string; title: string; action: "create" | "update" }[];
};

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; status: 400 | 403 | 409; message: string; summary?: ImportSummary };

function summarize(fileName: string, sha256: string, plan: ImportPlan): ImportSummary {
  const changes = [
    ...plan.creates.map((c) => ({ rowNumber: c.rowNumber, externalKey: c.externalKey, title: c.fields.title, action: "create" as const })),
    ...plan.updates.map((u) => ({ rowNumber: u.rowNumber, externalKey: u.externalKey, title: u.fields.title, action: "update" as const })),
  ].sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    fileName,
    sha256,
    rows: plan.rows,
    create: plan.creates.length,
    update: plan.updates.length,
    unchanged: plan.unchanged,
    errors: plan.errors,
    changes: changes.slice(0, 200),
  };
}

export function sha256Of(buffer: Buffer): string {
  return createHash("sha256").update(buffer).digest("hex");
}

async function planFor(client: Client, rows: SheetRow[], columns: ImportColumnKey[]): Promise<ImportPlan> {
  const keys = [...new Set(rows.map((r) => textOf(r.cells.externalKey)).filter(Boolean))];
  const [refs, existing] = await Promise.all([loadImportRefs(client), loadExistingTasks(client, keys)]);
  return planImport(rows, columns, refs, existing);
}

const ONLY_OFFICE = "只有区督查室可以导入任务清单。";

/** Step 1: read and check the file; nothing is written. */
export async function previewTaskImport(client: Db, user: SessionUser, buffer: Buffer, fileName: string): Promise<ImportOutcome> {
  if (user.role !== "ADMIN") return { ok: false, status: 403, message: ONLY_OFFICE };
  const sheet = await readTaskSheet(buffer, fileName);
  if (!sheet.ok) return { ok: false, status: 400, message: sheet.error };
  const plan = await planFor(client, sheet.rows, sheet.columns);
  const summary = summarize(fileName, sha256Of(buffer), plan);
  return { ok: true, summary };
}

class ImportRejected extends Error {
  constructor(readonly summary: ImportSummary) {
    super("import rejected");
  }
}

/**
 * Step 2: the same file again (its hash must match the preview's), checked
 * again and written all or nothing in one transaction.
 */
export async function commitTaskImport(
  client: Db,
  user: SessionUser,
  buffer: Buffer,
  fileName: string,
  options: { expectedSha256?: string; today?: DistrictDate } = {},
): Promise<ImportOutcome> {
  if (user.role !== "ADMIN") return { ok: false, status: 403, message: ONLY_OFFICE };
  const sha256 = sha256Of(buffer);
  if (options.expectedSha256 && options.expectedSha256 !== sha256) {
    return { ok: false, status: 409, message: "文件与预览时的不一致，请重新预览后再导入。" };
  }
  const sheet = await readTaskSheet(buffer, fileName);
  if (!sheet.ok) return { ok: false, status: 400, message: sheet.error };
  const today = options.today ?? districtToday();
  try {
    const summary = await client.$transaction(
      async (tx) => {
        const plan = await planFor(tx, sheet.rows, sheet.columns);
        const summary = summarize(fileName, sha256, plan);
        if (plan.errors.length) throw new ImportRejected(summary);
        await writePlan(tx, user, plan, today);
        await audit(tx, {
          actorId: user.id,
          action: "task.import",
          entity: "TaskImport",
          entityId: sha256,
          after: { fileName, sha256, rows: plan.rows, create: summary.create, update: summary.update, unchanged: summary.unchanged },
        });
        return summary;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    return { ok: true, summary };
  } catch (error) {
    if (error instanceof ImportRejected) {
      return { ok: false, status: 400, message: `有 ${error.summary.errors.length} 行有错误，没有导入任何任务。`, summary: error.summary };
    }
    throw error;
  }
}

/*
 * Tasks are written with plain SQL through Prisma.sql. Prisma's createMany
 * and update cost ~0.7 ms and ~2 ms of CPU per task row here (its client
 * engine maps every field of every row); a multi-row INSERT, or an UPDATE per
 * row, costs a fifth of that — the difference between 5,000 rows in well
 * under the 10 s and over it (bench/task-import.ts). Portable SQL:
 * quoted names and bound parameters only. The status enum is not written
 * here (a PostgreSQL enum would want a cast): the caller sets it through
 * Prisma, one updateMany per status.
 */
async function insertTasks(tx: Prisma.TransactionClient, creates: ImportPlan["creates"], now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < creates.length; i += 500) {
    const values = creates.slice(i, i + 500).map(({ externalKey, fields: f }) => {
      const id = randomUUID();
      ids.set(externalKey, id);
      return Prisma.sql`(${id}, ${externalKey}, ${f.year}, ${f.unitId}, ${f.title}, ${f.description}, ${f.keyTaskId}, ${f.lineId}, ${f.target}, ${f.measure}, ${0}, ${f.startDate}, ${f.deadline}, ${f.responsibleLeaderId}, ${f.weight}, ${f.requiresPhoto}, ${f.requiresLocation}, ${f.sitePlace}, ${f.siteLat}, ${f.siteLng}, ${now}, ${now})`;
    });
    await tx.$executeRaw`INSERT INTO "Task" ("id", "externalKey", "year", "unitId", "title", "description", "keyTaskId", "lineId", "target", "measure", "valueReached", "startDate", "deadline", "responsibleLeaderId", "weight", "requiresPhoto", "requiresLocation", "sitePlace", "siteLat", "siteLng", "createdAt", "updatedAt") VALUES ${Prisma.join(values)}`;
  }
  return ids;
}

async function updateTasks(tx: Prisma.TransactionClient, updates: ImportPlan["updates"], now: Date): Promise<void> {
  for (const { before, fields: f } of updates) {
    await tx.$executeRaw`UPDATE "Task" SET "year" = ${f.year}, "unitId" = ${f.unitId}, "title" = ${f.title}, "description" = ${f.description}, "keyTaskId" = ${f.keyTaskId}, "lineId" = ${f.lineId}, "target" = ${f.target}, "measure" = ${f.measure}, "startDate" = ${f.startDate}, "deadline" = ${f.deadline}, "responsibleLeaderId" = ${f.responsibleLeaderId}, "weight" = ${f.weight}, "requiresPhoto" = ${f.requiresPhoto}, "requiresLocation" = ${f.requiresLocation}, "sitePlace" = ${f.sitePlace}, "siteLat" = ${f.siteLat}, "siteLng" = ${f.siteLng}, "updatedAt" = ${now} WHERE "id" = ${before.id}`;
  }
}

/** Stored statuses equal to deriveStatus, one updateMany per status. */
async function setStatuses(tx: Prisma.TransactionClient, statuses: Map<string, TaskStatus>): Promise<void> {
  const byStatus = new Map<TaskStatus, string[]>();
  for (const [id, status] of statuses) byStatus.set(status, [...(byStatus.get(status) ?? []), id]);
  for (const [status, ids] of byStatus) {
    for (let i = 0; i < ids.length; i += 500) await tx.task.updateMany({ where: { id: { in: ids.slice(i, i + 500) } }, data: { status } });
  }
}

async function writePlan(tx: Prisma.TransactionClient, user: SessionUser, plan: ImportPlan, today: DistrictDate): Promise<void> {
  const now = new Date();
  const entries: Parameters<typeof auditMany>[1] = [];
  const statuses = new Map<string, TaskStatus>();

  const ids = await insertTasks(tx, plan.creates, now);
  for (const c of plan.creates) {
    const status = deriveStatus({ ...c.fields, valueReached: 0 }, today);
    // NOT_STARTED is the column's default.
    if (status !== "NOT_STARTED") statuses.set(ids.get(c.externalKey)!, status);
  }
  const cooperators = plan.creates.flatMap((c) => c.fields.cooperatorIds.map((unitId) => ({ taskId: ids.get(c.externalKey)!, unitId })));
  for (let i = 0; i < cooperators.length; i += 500) await tx.taskCooperator.createMany({ data: cooperators.slice(i, i + 500) });
  for (const c of plan.creates) {
    entries.push({
      actorId: user.id,
      action: "task.import.create",
      entity: "Task",
      entityId: ids.get(c.externalKey)!,
      after: { externalKey: c.externalKey, ...c.fields },
    });
  }

  await updateTasks(tx, plan.updates, now);
  for (const u of plan.updates) {
    const { cooperatorIds } = u.fields;
    statuses.set(u.before.id, deriveStatus({ ...u.fields, valueReached: u.before.valueReached }, today));
    if (cooperatorIds.join(",") !== u.before.cooperatorIds.join(",")) {
      await tx.taskCooperator.deleteMany({ where: { taskId: u.before.id } });
      if (cooperatorIds.length) await tx.taskCooperator.createMany({ data: cooperatorIds.map((unitId) => ({ taskId: u.before.id, unitId })) });
    }
    const before = { externalKey: u.externalKey, valueReached: u.before.valueReached, ...pickFields(u.before) };
    entries.push({
      actorId: user.id,
      action: "task.import.update",
      entity: "Task",
      entityId: u.before.id,
      before,
      after: { externalKey: u.externalKey, ...u.fields },
    });
  }
  await setStatuses(tx, statuses);
  await auditMany(tx, entries);
}
