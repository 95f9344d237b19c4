/**
 * The audit viewer's filters live in the URL (bookmarkable, the export takes
 * the same query). Forgiving like the task list's: a malformed value is
 * dropped, never an error page. Dates are district dates (lib/time.ts).
 */
import { isDistrictDate } from "@/lib/time";
import { z } from "@/lib/validation";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
const date = z.string().trim().refine(isDistrictDate).optional().catch(undefined);

export const auditFiltersInput = z.object({
  unit: text(40),
  /** a username or a person's name */
  user: text(60),
  /** the kind of write (AuditLog.action) */
  action: text(60),
  from: date,
  to: date,
  /** one record's entries (a link from its page, e.g. a task's history) */
  entity: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional()
    .catch(undefined),
  entityId: text(64),
  /** where the page starts: "<ISO instant>_<id>" of the last entry of the previous page */
  after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[\w-]{1,40}$/)
    .optional()
    .catch(undefined),
});

export type AuditFilters = Partial<z.infer<typeof auditFiltersInput>>;

export type SearchParams = Record<string, string | string[] | undefined>;

export function parseAuditFilters(params: SearchParams | URLSearchParams): AuditFilters {
  const flat: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in flat)) flat[key] = first;
  }
  const parsed = auditFiltersInput.parse(flat);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as AuditFilters;
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
