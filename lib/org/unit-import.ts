/**
 * Bulk creation of units from an .xlsx (the office's 单位导入): one row per
 * unit — 单位代码, 单位名称, 类别, 驻地, 纬度, 经度. Each row goes through the
 * unit form's zod schema; the code and the name must be free (retired units
 * keep theirs) and not repeated in the file. Any bad row → nothing written and
 * each listed with its row number; otherwise all units are created in one
 * transaction, each with its audit entry. The reader and the template are the
 * account import's (lib/org/sheet-import.ts).
 */
import type { Db } from "@/lib/db-client";
import { auditMany } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import { UNIT_KIND_LABELS, UNIT_KINDS } from "@/lib/labels";
import { unitCreateInput, type UnitCreateInput } from "@/lib/org/schemas";
import { unitSnapshotSelect } from "@/lib/org/selects";
import { readImportSheet, rowFailure, uniqueIn, writeImportTemplate, type ImportFailure, type RowError } from "@/lib/org/sheet-import";
import { ORG_FORBIDDEN } from "@/lib/org/writes";

export const UNIT_IMPORT_COLUMNS = [
  { key: "code", header: "单位代码", width: 14 },
  { key: "name", header: "单位名称", width: 24 },
  { key: "kind", header: "类别", width: 12 },
  { key: "seatPlace", header: "驻地", width: 24 },
  { key: "lat", header: "纬度", width: 12 },
  { key: "lng", header: "经度", width: 12 },
] as const;

export const MAX_UNIT_IMPORT_ROWS = 500;

const KIND_BY_LABEL = new Map(UNIT_KINDS.map((kind) => [UNIT_KIND_LABELS[kind], kind]));

export type UnitImportOutcome = { ok: true; created: { code: string; name: string }[] } | ImportFailure;

/** The template: headers, an example row, and the valid kinds. */
export function writeUnitTemplate(): Promise<Buffer> {
  return writeImportTemplate(UNIT_IMPORT_COLUMNS, ["town-01", "临洺关镇", UNIT_KIND_LABELS.TOWN, "临洺关镇人民政府", "36.774", "114.517"], "单位", {
    columns: [{ header: "类别", width: 14 }],
    rows: UNIT_KINDS.map((kind) => [UNIT_KIND_LABELS[kind]]),
  });
}

export async function importUnits(client: Db, actor: SessionUser, buffer: Buffer): Promise<UnitImportOutcome> {
  if (actor.role !== "ADMIN") return { ok: false, message: ORG_FORBIDDEN };
  const sheet = await readImportSheet(buffer, UNIT_IMPORT_COLUMNS, { noun: "单位", maxRows: MAX_UNIT_IMPORT_ROWS });
  if (!sheet.ok) return sheet;

  const existing = await client.unit.findMany({ select: { code: true, name: true } });
  const takenCodes = new Set(existing.map((u) => u.code));
  const takenNames = new Set(existing.map((u) => u.name));
  const uniqueCode = uniqueIn("单位代码");
  const uniqueName = uniqueIn("单位名称");
  const rows: UnitCreateInput[] = [];
  const rowErrors: RowError[] = [];
  for (const { row, cell } of sheet.rows) {
    const problems: string[] = [];
    const parsed = unitCreateInput.safeParse({
      code: cell("code"),
      name: cell("name"),
      kind: KIND_BY_LABEL.get(cell("kind")) ?? cell("kind"),
      seatPlace: cell("seatPlace"),
      lat: cell("lat"),
      lng: cell("lng"),
    });
    if (!parsed.success)
      problems.push(...parsed.error.issues.map((i) => (i.path[0] === "kind" ? `类别应为${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k]).join("或")}` : i.message)));
    uniqueCode(cell("code"), row, takenCodes, problems);
    uniqueName(cell("name"), row, takenNames, problems);
    if (problems.length) rowErrors.push({ row, message: [...new Set(problems)].join("；") });
    else if (parsed.success) rows.push(parsed.data);
  }
  if (rowErrors.length) return rowFailure(rowErrors, "单位");

  await client.$transaction(async (tx) => {
    const next = new Map<string, number>();
    for (const kind of UNIT_KINDS) {
      const last = await tx.unit.aggregate({ where: { kind }, _max: { sortOrder: true } });
      next.set(kind, (last._max.sortOrder ?? 0) + 1);
    }
    const created = [];
    for (const data of rows) {
      const sortOrder = next.get(data.kind)!;
      next.set(data.kind, sortOrder + 1);
      created.push(await tx.unit.create({ data: { ...data, sortOrder }, select: unitSnapshotSelect }));
    }
    await auditMany(
      tx,
      created.map((unit) => ({ actorId: actor.id, action: "unit.import", entity: "Unit", entityId: unit.id, after: unit, unitId: unit.id })),
    );
  });
  return { ok: true, created: rows.map((r) => ({ code: r.code, name: r.name })) };
}
