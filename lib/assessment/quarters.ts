/**
 * Quarter keys ("2026Q3") as they travel in URLs and the API, and the order of
 * quarters. Pure; the calendar itself (start and end dates in Asia/Shanghai)
 * comes from lib/time.
 */
import { type QuarterRef, quarterLabel } from "@/lib/time";

const KEY_RE = /^(\d{4})Q([1-4])$/;

export function quarterKey(q: QuarterRef): string {
  return `${q.year}Q${q.number}`;
}

export function parseQuarterKey(value: string | null | undefined): QuarterRef | null {
  const match = KEY_RE.exec(value ?? "");
  if (!match) return null;
  return { year: Number(match[1]), number: Number(match[2]) as QuarterRef["number"] };
}

export function previousQuarter(q: QuarterRef): QuarterRef {
  return q.number === 1 ? { year: q.year - 1, number: 4 } : { year: q.year, number: (q.number - 1) as QuarterRef["number"] };
}

/** Negative when `a` comes before `b`. */
export function compareQuarters(a: QuarterRef, b: QuarterRef): number {
  return a.year - b.year || a.number - b.number;
}

/** "2026年第三季度" from a key or a ref. */
export function quarterName(q: QuarterRef | string): string {
  const ref = typeof q === "string" ? parseQuarterKey(q) : q;
  return ref ? quarterLabel(ref) : String(q);
}

/** "26年Q3", short enough for chart axes. */
export function quarterShortName(q: QuarterRef): string {
  return `${String(q.year).slice(2)}年Q${q.number}`;
}
