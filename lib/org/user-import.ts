/**
 * Bulk creation of accounts from an .xlsx (the office's 账号导入): one row per
 * person — 用户名, 姓名, 职务, 手机号, 角色, 所属单位. Every row is checked
 * (the same zod schema as the form, known unit, username free and not
 * repeated in the file); any bad row → nothing is written and each is listed
 * with its row number and a Chinese reason. Otherwise all accounts are
 * created in one transaction, each with a one-time password shown once.
 */
import type { Db } from "@/lib/db-client";
import { auditMany } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_LABELS, type SessionUser } from "@/lib/auth/roles";
import { userCreateInput } from "@/lib/org/schemas";
import { readImportSheet, rowFailure, uniqueIn, writeImportTemplate, type ImportFailure, type RowError } from "@/lib/org/sheet-import";
import { oneTimePassword, ORG_FORBIDDEN } from "@/lib/org/writes";

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

export type UserImportOutcome = { ok: true; created: { username: string; name: string; password: string }[] } | ImportFailure;

/** The template: headers, an example row, and a sheet of the valid roles and units. */
export async function writeUserTemplate(units: { name: string }[]): Promise<Buffer> {
  return writeImportTemplate(USER_IMPORT_COLUMNS, ["zhangsan", "张三", "党政办信息员", "13800000000", "信息员", units[0]?.name ?? ""], "账号", {
    columns: [
      { header: "角色", width: 14 },
      { header: "单位", width: 24 },
    ],
    rows: Array.from({ length: Math.max(units.length, 5) }, (_, i) => [Object.values(ROLE_LABELS)[i] ?? null, units[i]?.name ?? null]),
  });
}

export async function importUsers(client: Db, actor: SessionUser, buffer: Buffer): Promise<UserImportOutcome> {
  if (actor.role !== "ADMIN") return { ok: false, message: ORG_FORBIDDEN };
  const sheet = await readImportSheet(buffer, USER_IMPORT_COLUMNS, { noun: "账号", maxRows: MAX_USER_IMPORT_ROWS });
  if (!sheet.ok) return sheet;

  const units = new Map((await client.unit.findMany({ where: { archivedAt: null }, select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const taken = new Set((await client.user.findMany({ select: { username: true } })).map((u) => u.username));
  const rows: { row: number; data: ReturnType<typeof userCreateInput.parse> }[] = [];
  const rowErrors: RowError[] = [];
  const uniqueUsername = uniqueIn("用户名");
  for (const { row, cell } of sheet.rows) {
    const unitName = cell("unit");
    const problems: string[] = [];
    const unitId = unitName ? units.get(unitName) : "";
    if (unitName && !unitId) problems.push(`没有名为“${unitName}”的在册单位`);
    const parsed = userCreateInput.safeParse({
      username: cell("username"),
      name: cell("name"),
      title: cell("title"),
      phone: cell("phone"),
      role: ROLE_BY_LABEL.get(cell("role")) ?? cell("role"),
      unitId: unitId ?? "",
    });
    if (!parsed.success)
      problems.push(...parsed.error.issues.map((i) => (i.path[0] === "role" ? `角色应为${Object.values(ROLE_LABELS).join("、")}之一` : i.message)));
    uniqueUsername(cell("username"), row, taken, problems);
    if (problems.length) rowErrors.push({ row, message: [...new Set(problems)].join("；") });
    else if (parsed.success) rows.push({ row, data: parsed.data });
  }
  if (rowErrors.length) return rowFailure(rowErrors, "账号");

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
