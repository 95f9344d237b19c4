/**
 * The audit viewer's reads (/admin/audit and its export) on the app's
 * database; the rules — who may read, the filters, the paging — are in
 * lib/audit/entries.ts, which takes the client so tests can pass their own.
 */
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { AuditFilters } from "@/lib/audit/filters";
import * as entries from "@/lib/audit/entries";

export { AUDIT_READER_ROLES, type AuditRow } from "@/lib/audit/entries";

/** One page of entries, newest first. */
export function listAuditEntries(user: SessionUser, filters: AuditFilters) {
  return entries.listAuditEntries(user, filters, db);
}

/** What the filter form offers. */
export function listAuditFilterOptions(user: SessionUser) {
  return entries.listAuditFilterOptions(user, db);
}

/** Every entry matching the filters for the .xlsx export, with the filtered unit's name for its heading. */
export async function listAuditExport(user: SessionUser, filters: AuditFilters) {
  // The entries first: they refuse a user who may not read the log.
  const { rows, truncated } = await entries.listAuditEntriesForExport(user, filters, db);
  const unit = filters.unit ? await db.unit.findUnique({ where: { id: filters.unit }, select: { name: true } }) : null;
  return { rows, truncated, unitName: unit?.name ?? null };
}
