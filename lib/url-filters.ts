/**
 * The one way a list's filters are read from its URL (the task list, the
 * audit viewer): each parameter once, by its first value, empty ones left
 * out; the list's zod schema drops a malformed value (each field ends in
 * .catch(undefined)), and a dropped value leaves no key behind, so equal
 * filters compare equal. Never an error page.
 */
import type { RawSearchParams } from "@/lib/search-params";
import { isDistrictDate } from "@/lib/time";
import { z } from "@/lib/validation";

export type SearchParams = RawSearchParams;

/** A district date (YYYY-MM-DD), or nothing. */
export const dateFilter = z.string().trim().refine(isDistrictDate).optional().catch(undefined);

/** Trimmed text of at most `max` characters, or nothing (an empty one too). */
export const textFilter = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

export function parseUrlFilters<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  params: SearchParams | URLSearchParams,
): Partial<z.infer<Schema>> {
  const flat: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "" && !(key in flat)) flat[key] = first;
  }
  const parsed = schema.parse(flat);
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as Partial<z.infer<Schema>>;
}
