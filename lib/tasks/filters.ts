/**
 * The task list's filters live in the URL query (so a filtered list can be
 * bookmarked, shared and exported as is). Parsing is forgiving: a malformed
 * value is dropped, never an error page.
 */
import { TASK_STATUSES } from "@/lib/tasks/status";
import { dateFilter, parseUrlFilters, textFilter, type SearchParams } from "@/lib/url-filters";
import { formNumber, z } from "@/lib/validation";

const id = z.string().trim().min(1).max(40).optional().catch(undefined);
const flag = z.literal("1").optional().catch(undefined);

export const taskFiltersInput = z.object({
  q: textFilter(100),
  unit: id,
  kind: z.enum(["TOWN", "DEPARTMENT"]).optional().catch(undefined),
  keyTask: id,
  line: id,
  leader: id,
  status: z.enum(TASK_STATUSES).optional().catch(undefined),
  overdue: flag,
  from: dateFilter,
  to: dateFilter,
  archived: flag,
  sort: z.enum(["unit", "deadline"]).optional().catch(undefined),
  /** the leaders' view: group by key task (default) or by line */
  by: z.enum(["keyTask", "line"]).optional().catch(undefined),
  page: z.preprocess(formNumber, z.number().int().min(1).max(100_000).optional()).catch(undefined),
});

export type TaskFilters = Partial<z.infer<typeof taskFiltersInput>>;

export type { SearchParams };

/** The filters in a page's searchParams or a route's URLSearchParams. */
export function parseTaskFilters(params: SearchParams | URLSearchParams): TaskFilters {
  return parseUrlFilters(taskFiltersInput, params);
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
