/**
 * The one home for sorting by an enum. An SQL ORDER BY on an enum column sorts by the enum's
 * declaration order on PostgreSQL and by its text on SQLite, so lists sorted that way came out
 * differently on the two databases (a CI run failed on it). Queries order by plain columns
 * (sortOrder, name) in SQL and group by the enum here, in code; lib/enum-order.test.ts fails on
 * an `orderBy` over an enum field. Each enum's order is declared once: the unit kinds in
 * lib/labels.ts (towns first), the rest below.
 */
import type { LineKind } from "@/lib/generated/prisma/enums";
import { UNIT_KINDS } from "@/lib/labels";

/** 分管线 first, then 工作推进指挥部 (the order of the line form's choices). */
export const LINE_KINDS: readonly LineKind[] = ["LINE", "COMMAND_CENTRE"];

/**
 * The rows grouped by an enum value in `order`: a stable sort, so within one value the rows keep
 * the order they came in (e.g. sortOrder from SQL). A value missing from `order` goes last.
 */
export function sortByEnum<T, E extends string>(rows: readonly T[], order: readonly E[], valueOf: (row: T) => E): T[] {
  const rank = new Map<string, number>(order.map((value, i) => [value, i]));
  const rankOf = (row: T) => rank.get(valueOf(row)) ?? order.length;
  return [...rows].sort((a, b) => rankOf(a) - rankOf(b));
}

/** Units, towns first, then departments (UNIT_KINDS), each kind in the order it came. */
export function byUnitKind<T extends { kind: (typeof UNIT_KINDS)[number] }>(units: readonly T[]): T[] {
  return sortByEnum(units, UNIT_KINDS, (unit) => unit.kind);
}

/** Lines, 分管线 first, then 工作推进指挥部 (LINE_KINDS), each kind in the order it came. */
export function byLineKind<T extends { kind: LineKind }>(lines: readonly T[]): T[] {
  return sortByEnum(lines, LINE_KINDS, (line) => line.kind);
}
