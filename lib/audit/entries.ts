/**
 * Reads of the audit log for the office's viewer (/admin/audit) and its
 * export. The office (ADMIN) and the leaders (LEADER) may read it — today
 * both see the same, as the viewer has no actions; every other role is
 * refused here, whatever page or route calls. User first, role inside.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";
import { type AuditFilters, decodeCursor, encodeCursor } from "@/lib/audit/filters";
import { type FieldChange, diffAudit, parseAuditJson } from "@/lib/audit/diff";
import { addDays, districtInstant } from "@/lib/time";

export const AUDIT_READER_ROLES: readonly Role[] = ["ADMIN", "LEADER"];

export class AuditAccessDenied extends Error {
  constructor() {
    super("只有督查室和区级领导可以查看操作记录。");
  }
}

function assertReader(user: SessionUser): void {
  if (!AUDIT_READER_ROLES.includes(user.role)) throw new AuditAccessDenied();
}

export const AUDIT_PAGE_SIZE = 50;
/** An export is a file for a meeting, not a dump of the table. */
export const AUDIT_EXPORT_LIMIT = 20_000;

export type AuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  entity: string;
  entityId: string | null;
  actor: { name: string; username: string; role: Role } | null;
  unit: { id: string; name: string } | null;
  changes: FieldChange[];
};

async function whereOf(user: SessionUser, filters: AuditFilters, db: Db): Promise<Prisma.AuditLogWhereInput | null> {
  assertReader(user);
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.unit) and.push({ unitId: filters.unit });
  if (filters.action) and.push({ action: filters.action });
  if (filters.entity) and.push({ entity: filters.entity, ...(filters.entityId ? { entityId: filters.entityId } : {}) });
  if (filters.user) {
    const people = await db.user.findMany({ where: { OR: [{ username: filters.user }, { name: filters.user }] }, select: { id: true } });
    if (people.length === 0) return null;
    and.push({ actorId: { in: people.map((p) => p.id) } });
  }
  // District days: from the first instant of `from` to before the first instant of the day after `to`.
  if (filters.from) and.push({ createdAt: { gte: districtInstant(filters.from) } });
  if (filters.to) and.push({ createdAt: { lt: districtInstant(addDays(filters.to, 1)) } });
  return { AND: and };
}

const rowSelect = {
  id: true,
  createdAt: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  unitId: true,
  actor: { select: { name: true, username: true, role: true } },
} satisfies Prisma.AuditLogSelect;

async function toRows(db: Db, rows: Prisma.AuditLogGetPayload<{ select: typeof rowSelect }>[]): Promise<AuditRow[]> {
  const unitIds = [...new Set(rows.map((r) => r.unitId).filter((id): id is string => id !== null))];
  const units = unitIds.length ? await db.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }) : [];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    actor: r.actor,
    unit: r.unitId ? { id: r.unitId, name: unitName.get(r.unitId) ?? r.unitId } : null,
    changes: diffAudit(parseAuditJson(r.before), parseAuditJson(r.after)),
  }));
}

/**
 * One page of entries, newest first. Keyset paging on (createdAt, id): each
 * page is an index range scan however deep (no OFFSET over a year of rows).
 */
export async function listAuditEntries(
  user: SessionUser,
  filters: AuditFilters,
  db: Db,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ rows: AuditRow[]; next: string | null }> {
  const where = await whereOf(user, filters, db);
  if (!where) return { rows: [], next: null };
  if (filters.after) {
    const cursor = decodeCursor(filters.after);
    // The plain bound first, so the (…, createdAt) index range starts at the cursor; the OR breaks ties by id.
    (where.AND as Prisma.AuditLogWhereInput[]).push(
      { createdAt: { lte: cursor.createdAt } },
      { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] },
    );
  }
  const found = await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: pageSize + 1, select: rowSelect });
  const rows = await toRows(db, found.slice(0, pageSize));
  return { rows, next: found.length > pageSize ? encodeCursor(found[pageSize - 1]) : null };
}

/** Every entry matching the filters (newest first, up to AUDIT_EXPORT_LIMIT), for the .xlsx export. */
export async function listAuditEntriesForExport(user: SessionUser, filters: AuditFilters, db: Db): Promise<{ rows: AuditRow[]; truncated: boolean }> {
  const where = await whereOf(user, { ...filters, after: undefined }, db);
  if (!where) return { rows: [], truncated: false };
  const found = await db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: AUDIT_EXPORT_LIMIT + 1, select: rowSelect });
  return { rows: await toRows(db, found.slice(0, AUDIT_EXPORT_LIMIT)), truncated: found.length > AUDIT_EXPORT_LIMIT };
}

/** What the filter form offers: the units, and the kinds of write that occur in the log. */
export async function listAuditFilterOptions(user: SessionUser, db: Db) {
  assertReader(user);
  const [units, actions] = await Promise.all([
    // Towns first, then departments: sorted here, not by the enum in SQL (the two databases order enums differently).
    db.unit
      .findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true, archivedAt: true } })
      .then((rows) => [...rows.filter((u) => u.kind === "TOWN"), ...rows.filter((u) => u.kind !== "TOWN")]),
    db.auditLog.groupBy({ by: ["action"] }).then((rows) => rows.map((r) => r.action).sort()),
  ]);
  return { units, actions };
}
