/**
 * A page's search parameters, parsed through zod (issue 13, finding 4): a URL
 * is user input like any form. `?notice=constructor`, `?sort=__proto__` or a
 * repeated `?unitId=a&unitId=b` must never reach a table lookup or a query as
 * anything but a plain value of the expected shape.
 *
 * Pages are lenient where forms are strict: a parameter that does not parse
 * falls back to its field's default (or is left out) — the page renders its
 * default view instead of an error — and a repeated parameter counts once,
 * by its first value.
 */
import { z } from "@/lib/validation";
import { isDistrictDate } from "@/lib/time";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A page's `searchParams` or a route handler's `new URL(request.url).searchParams`. */
export function parseSearchParams<Shape extends z.ZodRawShape>(shape: Shape, raw: RawSearchParams | URLSearchParams): z.infer<z.ZodObject<Shape>> {
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape) as [string, z.ZodType][]) {
    const value = raw instanceof URLSearchParams ? (raw.get(key) ?? undefined) : Object.hasOwn(raw, key) ? raw[key] : undefined;
    const first = Array.isArray(value) ? value[0] : value;
    const parsed = field.safeParse(first);
    const outcome = parsed.success ? parsed : field.safeParse(undefined);
    if (outcome.success && outcome.data !== undefined) result[key] = outcome.data;
  }
  return result as z.infer<z.ZodObject<Shape>>;
}

/** A parameter that names one key of a table (labels, sorts, notices): only its own keys, never a prototype's. */
export function keyOf<T extends Record<string, unknown>>(table: T) {
  return z.enum(Object.keys(table) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]]);
}

/** A record id in a URL (cuid and the seed's readable ids): short, no spaces or markup. */
export const idParam = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w-]+$/);

/** A district date in a URL ("2026-11-30"). */
export const dateParam = z.string().refine(isDistrictDate);

/** A quarter's key in a URL ("2026Q4", lib/assessment/quarters.ts). */
export const quarterParam = z.string().regex(/^\d{4}Q[1-4]$/);

/** A year in a URL: four plain digits (no "0x7e8", no "2e3"). */
export const yearParam = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .refine((year) => year >= 2000 && year <= 2100);

/** A flag in a URL: present as "1". */
export const flagParam = z.literal("1");
