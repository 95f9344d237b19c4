/**
 * Before/after of an audit entry, readable: the fields that changed, as
 * dotted paths ("items.0.points"), with the old and the new value as short
 * text. Pure, over the JSON the writers stored (lib/audit.ts).
 */
export type FieldChange = { path: string; before: string | null; after: string | null };

export function parseAuditJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Leaves of a JSON value by path; an empty object or array is a leaf of its own. */
function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) {
      out.set(prefix, value);
      return;
    }
    for (const [key, child] of entries) flatten(child, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix, value);
}

export function formatValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  return JSON.stringify(value);
}

/**
 * The changed fields between two stored records. A creation (no before) lists
 * every field of after; a deletion every field of before. Unchanged fields are
 * left out; the order is that of the records.
 */
export function diffAudit(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  if (before !== undefined) flatten(before, "", a);
  if (after !== undefined) flatten(after, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const changes: FieldChange[] = [];
  for (const path of paths) {
    const old = formatValue(a.get(path));
    const now = formatValue(b.get(path));
    if (old !== now) changes.push({ path, before: old, after: now });
  }
  return changes;
}
