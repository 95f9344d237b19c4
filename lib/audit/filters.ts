/**
 * The audit viewer's filters live in the URL (bookmarkable, the export takes
 * the same query). Forgiving like the task list's: a malformed value is
 * dropped, never an error page. Dates are district dates (lib/time.ts).
 */
import { dateFilter, parseUrlFilters, textFilter, type SearchParams } from "@/lib/url-filters";
import { z } from "@/lib/validation";

export const auditFiltersInput = z.object({
  unit: textFilter(40),
  /** a username or a person's name */
  user: textFilter(60),
  /** the kind of write (AuditLog.action) */
  action: textFilter(60),
  from: dateFilter,
  to: dateFilter,
  /** one record's entries (a link from its page, e.g. a task's history) */
  entity: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional()
    .catch(undefined),
  entityId: textFilter(64),
  /** where the page starts: "<ISO instant>_<id>" of the last entry of the previous page */
  after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[\w-]{1,40}$/)
    .optional()
    .catch(undefined),
});

export type AuditFilters = Partial<z.infer<typeof auditFiltersInput>>;

export type { SearchParams };

export function parseAuditFilters(params: SearchParams | URLSearchParams): AuditFilters {
  return parseUrlFilters(auditFiltersInput, params);
}

/** The query string of `filters` with `changes` applied ("" when empty); the page cursor is dropped unless set. */
export function auditFiltersQuery(filters: AuditFilters, changes: Partial<Record<keyof AuditFilters, string | undefined>> = {}): string {
  const merged: Record<string, string | undefined> = { ...filters, after: undefined, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function encodeCursor(entry: { createdAt: Date; id: string }): string {
  return `${entry.createdAt.toISOString()}_${entry.id}`;
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const at = cursor.indexOf("_");
  return { createdAt: new Date(cursor.slice(0, at)), id: cursor.slice(at + 1) };
}
