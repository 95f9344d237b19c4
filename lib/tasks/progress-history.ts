/**
 * The progress history as plain data (issue 11, "Progress history"): every
 * change of a task's or milestone's value reached is an event with the
 * district date it counts from, the instant it was recorded and the change
 * (delta). The value on day D is the sum of the deltas of the events dated on
 * or before D — not the last event's valueAfter, because an event can be
 * dated before events recorded earlier (a correction of yesterday's evening,
 * a reversal dated to the false claim's day). Pure functions, tested alone;
 * lib/tasks/progress-events.ts reads and writes the rows.
 */
import type { ProgressSource } from "@/lib/generated/prisma/enums";
import type { DistrictDate } from "@/lib/time";

export type HistoryEvent = {
  id: number;
  date: DistrictDate;
  at: Date;
  delta: number;
};

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Events in the order they count: by date, then by when they were recorded. */
export function inHistoryOrder<E extends HistoryEvent>(events: readonly E[]): E[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.at.getTime() - b.at.getTime() || a.id - b.id));
}

/** The value at the end of each day that has events, in date order (a value never below 0). */
export function dailyValues(events: readonly HistoryEvent[]): { date: DistrictDate; value: number }[] {
  const out: { date: DistrictDate; value: number }[] = [];
  let sum = 0;
  for (const e of inHistoryOrder(events)) {
    sum += e.delta;
    const value = Math.max(0, round(sum));
    if (out.length > 0 && out[out.length - 1].date === e.date) out[out.length - 1].value = value;
    else out.push({ date: e.date, value });
  }
  return out;
}

export type ValueAsOf = {
  /** the value reached at the end of `date` */
  value: number;
  /**
   * The day the value reached the target and stayed there up to `date`
   * (null when it is below the target on `date`, or the target is not above 0).
   * A value that reached the target, fell back (a reversal) and reached it
   * again counts from the second time.
   */
  reachedOn: DistrictDate | null;
};

/** The value and the day the target was reached, as of the end of `date`. */
export function valueAsOf(events: readonly HistoryEvent[], target: number, date: DistrictDate): ValueAsOf {
  let value = 0;
  let reachedOn: DistrictDate | null = null;
  for (const day of dailyValues(events)) {
    if (day.date > date) break;
    value = day.value;
    if (target > 0 && value >= target) reachedOn ??= day.date;
    else reachedOn = null;
  }
  return { value, reachedOn };
}

/** Chinese names of the sources, for the history list and the export. */
export const PROGRESS_SOURCE_LABELS: Record<ProgressSource, string> = {
  REPORT: "晚晒填报",
  UNIT_UPDATE: "单位更新",
  OFFICE_EDIT: "督查室修改",
  REVERSAL: "抽查核减",
  MIGRATION: "启用前数值",
};

/** A reversal that gives back (the check's result was changed) says so. */
export function progressSourceLabel(source: ProgressSource, delta: number, requested: number | null = null): string {
  if (source === "REVERSAL" && (requested ?? delta) > 0) return "抽查改判恢复";
  return PROGRESS_SOURCE_LABELS[source];
}

/**
 * The task's value over time for a chart: 0 at its start, a point at the end
 * of each day with a change, and today's value at today.
 */
export function valueSeries(events: readonly HistoryEvent[], from: DistrictDate | null, today: DistrictDate): { date: DistrictDate; value: number }[] {
  const days = dailyValues(events).filter((d) => d.date <= today);
  const start = from && (days.length === 0 || from < days[0].date) ? from : null;
  const out = [...(start ? [{ date: start, value: 0 }] : []), ...days];
  const last = out.at(-1);
  if (last && last.date < today) out.push({ date: today, value: last.value });
  return out;
}
