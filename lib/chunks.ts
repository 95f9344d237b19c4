/** Rows per IN (…) list: well under SQLite's and PostgreSQL's parameter limits. */
export const IN_LIST_CHUNK = 500;

/** `items` in consecutive runs of at most `size` (for IN lists of any length). */
export function chunks<T>(items: readonly T[], size = IN_LIST_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
