/**
 * Bulk creation of accounts from an .xlsx (the office's 账号导入): one row per
 * person — 用户名, 姓名, 职务, 手机号, 角色, 所属单位. Every row is checked
 * (the same zod schema as the form, known unit, username free and not
 * repeated in the file); any bad row → nothing is written and each is listed
 * with its row number and a Chinese reason. Otherwise all accounts are
 * created in one transaction, each with a one-time password shown once.
 */
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db-client";
import { auditMany } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_LABELS, type SessionUser } from "@/lib/auth/roles";
import { userCreateInput } from "@/lib/org/schemas";
import { oneTimePassword, ORG_FORBIDDEN } from "@/lib/org/writes";
import { writeSheet } from "@/lib/tasks/spreadsheet";

export const USER_IMPORT_COLUMNS = [
  { key: "username", header: "用户名", width: 18 },
  { key: "name", header: "姓名", width: 12 },
  { key: "title", header: "职务", width: 16 },
  { key: "phone", header: "手机号", width: 16 },
  { key: "role", header: "角色", width: 12 },
  { key: "unit", header: "所属单位", width: 24 },
] as const;

/** argon2id costs ~50 ms and 19 MiB per password, hashed one after another: 500 rows stay well under a minute. */
export const MAX_USER_IMPORT_ROWS = 500;

const ROLE_BY_LABEL = new Map(Object.entries(ROLE_LABELS).map(([role, label]) => [label, role]));

export type UserImportOutcome =
  | { ok: true; created: { username: string; name: string; password: string }[] }
  | { ok: false; message: string; rowErrors?: { row: number; message: string }[] };

/** The template: headers, an example row, and a sheet of the valid roles and units. */
export async function writeUserTemplate(units: { name: string }[]): Promise<Buffer> {
  const columns = USER_IMPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  return writeSheet(columns, [["zhangsan", "张三", "党政办信息员", "13800000000", "信息员", units[0]?.name ?? ""]], "xlsx", "账号", [
    {
      name: "可选值",
      columns: [
        { header: "角色", width: 14 },
        { header: "单位", width: 24 },
      ],
      rows: Array.from({ length: Math.max(units.length, 5) }, (_, i) => [Object.values(ROLE_LABELS)[i] ?? null, units[i]?.name ?? null]),
    },
  ]);
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "text" in value) return String(value.text).trim();
  if (typeof value === "object" && "richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if (typeof value === "object" && "result" in value) return String(value.result ?? "").trim();
  return String(value).trim();
}

export async function importUsers(client: Db, actor: SessionUser, buffer: Buffer): Promise<UserImportOutcome> {
  if (actor.role !== "ADMIN") return { ok: false, message: ORG_FORBIDDEN };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: "无法读取文件：请上传用模板填写的 .xlsx 文件。" };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: "文件里没有工作表。" };
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(text);
  const index = new Map(USER_IMPORT_COLUMNS.map((c) => [c.key, headers.indexOf(c.header)]));
  const missing = USER_IMPORT_COLUMNS.filter((c) => (index.get(c.key) ?? -1) < 0).map((c) => c.header);
  if (missing.length) return { ok: false, message: `缺少列：${missing.join("、")}。请用模板填写。` };

  const units = new Map((await client.unit.findMany({ where: { archivedAt: null }, select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const taken = new Set((await client.user.findMany({ select: { username: true } })).map((u) => u.username));
  const rows: { row: number; data: ReturnType<typeof userCreateInput.parse> }[] = [];
  const rowErrors: { row: number; message: string }[] = [];
  const seen = new Map<string, number>();
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cell = (key: (typeof USER_IMPORT_COLUMNS)[number]["key"]) => text(row.getCell(index.get(key)!).value);
    if (USER_IMPORT_COLUMNS.every((c) => !cell(c.key))) return;
    const roleLabel = cell("role");
    const unitName = cell("unit");
    const problems: string[] = [];
    const role = ROLE_BY_LABEL.get(roleLabel) ?? roleLabel;
    const unitId = unitName ? units.get(unitName) : "";
    if (unitName && !unitId) problems.push(`没有名为“${unitName}”的在册单位`);
    const parsed = userCreateInput.safeParse({
      username: cell("username"),
      name: cell("name"),
      title: cell("title"),
      phone: cell("phone"),
      role,
      unitId: unitId ?? "",
    });
    if (!parsed.success)
      problems.push(...parsed.error.issues.map((i) => (i.path[0] === "role" ? `角色应为${Object.values(ROLE_LABELS).join("、")}之一` : i.message)));
    const username = cell("username");
    if (taken.has(username)) problems.push(`用户名 ${username} 已被使用`);
    if (seen.has(username)) problems.push(`用户名 ${username} 与第 ${seen.get(username)} 行重复`);
    seen.set(username, rowNumber);
    if (problems.length) rowErrors.push({ row: rowNumber, message: [...new Set(problems)].join("；") });
    else if (parsed.success) rows.push({ row: rowNumber, data: parsed.data });
  });
  if (rows.length + rowErrors.length > MAX_USER_IMPORT_ROWS) return { ok: false, message: `一次最多导入 ${MAX_USER_IMPORT_ROWS} 个账号。` };
  if (rowErrors.length) return { ok: false, message: `有 ${rowErrors.length} 行需要修改，没有导入任何账号。`, rowErrors };
  if (!rows.length) return { ok: false, message: "文件里没有账号。" };

  const prepared: { data: (typeof rows)[number]["data"]; password: string; hash: string }[] = [];
  for (const r of rows) {
    const password = oneTimePassword();
    prepared.push({ data: r.data, password, hash: await hashPassword(password) });
  }
  await client.$transaction(
    async (tx) => {
      const created: { id: string; data: (typeof rows)[number]["data"] }[] = [];
      for (const p of prepared) {
        const user = await tx.user.create({ data: { ...p.data, passwordHash: p.hash, mustChangePassword: true }, select: { id: true } });
        created.push({ id: user.id, data: p.data });
      }
      await auditMany(
        tx,
        created.map((c) => ({ actorId: actor.id, action: "user.import", entity: "User", entityId: c.id, after: { ...c.data, mustChangePassword: true } })),
      );
    },
    { timeout: 120_000 },
  );
  return { ok: true, created: prepared.map((p) => ({ username: p.data.username, name: p.data.name, password: p.password })) };
}
