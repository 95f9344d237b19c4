/** 120 → "120", 12.5 → "12.5", 3.333… → "3.33". */
export function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** "45%" */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}
