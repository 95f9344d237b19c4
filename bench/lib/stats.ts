/** The figures the benchmarks report. */

/** The p-th percentile (nearest rank) of numbers sorted ascending; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** The middle value (the upper one of an even count); NaN when there are none. */
export const median = (xs: number[]): number => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);

/** Wall time and this process's CPU time (ms): SQLite runs in-process, so CPU time holds on a loaded machine. */
export async function timed<T>(run: () => Promise<T>): Promise<[T, { wall: number; cpu: number }]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(c0);
  return [result, { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 }];
}
