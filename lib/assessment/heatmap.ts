/**
 * The report-discipline heat map (units × days): each cell says how a unit
 * did on a day's three slots. Pure. A day on which no unit reported at all
 * (before the system was in use, a holiday) is no one's fault: NONE.
 */
export type DayCell = "ON_TIME" | "LATE" | "MISSING" | "NONE";

export const DAY_CELL_LABELS: Record<DayCell, string> = { ON_TIME: "三晒按时", LATE: "有迟报", MISSING: "有未晒", NONE: "无晒报日" };

/** `shown`: slots shown that day (of 3), `late` of them after their deadline. */
export function classifyDay(day: { shown: number; late: number }, reportingDay: boolean): DayCell {
  if (!reportingDay) return "NONE";
  if (day.shown < 3) return "MISSING";
  return day.late > 0 ? "LATE" : "ON_TIME";
}

/** One letter per cell, for a compact row string (and the CSS class of its square). */
export const DAY_CELL_CODES: Record<DayCell, string> = { ON_TIME: "o", LATE: "l", MISSING: "m", NONE: "n" };
