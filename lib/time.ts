/**
 * District time. Every "today", slot deadline, task deadline and quarter is
 * computed here, in Asia/Shanghai, whatever the server's own zone
 * (domain.md: "Time zone Asia/Shanghai for every today, deadline and quarter").
 * Calendar dates travel as "YYYY-MM-DD" strings.
 */
import { TZDate } from "@date-fns/tz";
import { addDays as addDaysFns, differenceInCalendarDays, format, parseISO } from "date-fns";

export const DISTRICT_TZ = "Asia/Shanghai";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date "YYYY-MM-DD" in the district. */
export type DistrictDate = string;

export function isDistrictDate(value: string): value is DistrictDate {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function inDistrict(instant: Date): TZDate {
  return new TZDate(instant.getTime(), DISTRICT_TZ);
}

/**
 * Remembers a pure function's answers (a bounded map, emptied when full).
 * Building a TZDate asks Intl for the zone's offset, ~30–100 µs each; a page
 * listing 113 units × 3 slots or 5,000 tasks asks the same few questions
 * hundreds of times (README, "Throughput": a third of /leader's CPU went here).
 */
function remembered<K, V>(compute: (key: K) => V, limit = 4096): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined) return known;
    if (answers.size >= limit) answers.clear();
    const value = compute(key);
    answers.set(key, value);
    return value;
  };
}

// Every zone offset is a whole number of minutes, so the date is the same for
// every instant of one minute.
const dateOfMinute = remembered((minute: number) => format(inDistrict(new Date(minute * 60_000)), "yyyy-MM-dd"));

const instantOf = remembered((key: string) => {
  const [date, hhmm] = key.split(" ");
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = hhmm.split(":").map(Number);
  return new TZDate(y, m - 1, d, hh, mm, 0, DISTRICT_TZ).getTime();
});

/**
 * A date a person may mean for the district's daily work: from 1 January of
 * last year to 31 December of next year (district time). Catches 9999-12-31
 * and 0001-01-01 typed or sent by mistake.
 */
export function isNearDistrictDate(value: string, now: Date = new Date()): value is DistrictDate {
  if (!isDistrictDate(value)) return false;
  const year = Number(districtToday(now).slice(0, 4));
  return value >= `${year - 1}-01-01` && value <= `${year + 1}-12-31`;
}

/** Today's date in the district at `now`. */
export function districtToday(now: Date = new Date()): DistrictDate {
  return dateOfMinute(Math.floor(now.getTime() / 60_000));
}

/** The district date an instant falls on. */
export function districtDateOf(instant: Date): DistrictDate {
  return districtToday(instant);
}

/** The instant of a wall-clock time ("HH:mm") on a district date. */
export function districtInstant(date: DistrictDate, hhmm = "00:00"): Date {
  return new Date(instantOf(`${date} ${hhmm}`));
}

export function addDays(date: DistrictDate, days: number): DistrictDate {
  return format(addDaysFns(parseISO(date), days), "yyyy-MM-dd");
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DistrictDate, to: DistrictDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

export type QuarterRef = { year: number; number: 1 | 2 | 3 | 4 };

export function quarterOf(date: DistrictDate): QuarterRef {
  const [y, m] = date.split("-").map(Number);
  return { year: y, number: (Math.floor((m - 1) / 3) + 1) as QuarterRef["number"] };
}

/** First and last district dates of a quarter. */
export function quarterRange(q: QuarterRef): { start: DistrictDate; end: DistrictDate } {
  const startMonth = (q.number - 1) * 3 + 1;
  const start = `${q.year}-${String(startMonth).padStart(2, "0")}-01`;
  const nextStart = q.number === 4 ? `${q.year + 1}-01-01` : `${q.year}-${String(startMonth + 3).padStart(2, "0")}-01`;
  return { start, end: addDays(nextStart, -1) };
}

export function quarterLabel(q: QuarterRef): string {
  return `${q.year}年第${"一二三四"[q.number - 1]}季度`;
}

/** "2026-11-27 09:30" in the district, for display. */
export function formatDistrictDateTime(instant: Date): string {
  return format(inDistrict(instant), "yyyy-MM-dd HH:mm");
}

/** "09:30" in the district, for display. */
export function formatDistrictTime(instant: Date): string {
  return format(inDistrict(instant), "HH:mm");
}

/** "11月27日 星期五" for headings. */
export function formatDistrictDateLong(date: DistrictDate): string {
  const [, m, d] = date.split("-").map(Number);
  const weekday = "日一二三四五六"[districtInstant(date, "12:00").getUTCDay()];
  return `${m}月${d}日 星期${weekday}`;
}
