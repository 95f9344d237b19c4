/**
 * The task list's filters live in the URL query (so a filtered list can be
 * bookmarked, shared and exported as is). Parsing is forgiving: a malformed
 * value is dropped, never an error page.
 */
import { TASK_STATUSES } from "@/lib/tasks/status";
import { isDistrictDate } from "@/lib/time";
import { z } from "@/lib/validation";

const id = z.string().trim().min(1).max(40).optional().catch(undefined);
const date = z.string().trim().refine(isDistrictDate).optional().catch(undefined);
const flag = z.literal("1").optional().catch(undefined);

export const taskFiltersInput = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
  unit: id,
  kind: z.enum(["TOWN", "DEPARTMENT"]).optional().catch(undefined),
  keyTask: id,
  line: id,
  leader: id,
  status: z.enum(TASK_STATUSES).optional().catch(undefined),
  overdue: flag,
  from: date,
  to: date,
  archived: flag,
  sort: z.enum(["unit", "deadline"]).optional().catch(undefined),
  /** the leaders' view: group by key task (default) or by line */
  by: z.enum(["keyTask", "line"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type TaskFilters = Partial<z.infer<typeof taskFiltersInput>>;

export type SearchParams = Record<string, string | string[] | undefined>;

/** The filters in a page's searchParams or a route's URLSearchParams. */
export function parseTaskFilters(params: SearchParams | URLSearchParams): TaskFilters {
  const flat: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in flat)) flat[key] = first;
  }
  const parsed = taskFiltersInput.parse(flat);
  // Dropped values leave no key behind, so equal filters compare equal.
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as TaskFilters;
}

/** The query string of `filters` with `changes` applied ("" when empty); page is dropped unless set. */
export function taskFiltersQuery(filters: TaskFilters, changes: Partial<Record<keyof TaskFilters, string | number | undefined>> = {}): string {
  const merged: Record<string, string | number | undefined> = { ...filters, page: undefined, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && value !== "" && !(key === "page" && value === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Whether any filter narrows the list (page, sort and grouping do not). */
export function hasActiveFilters(filters: TaskFilters): boolean {
  return Object.entries(filters).some(([key, value]) => !["page", "sort", "by"].includes(key) && value !== undefined);
}
