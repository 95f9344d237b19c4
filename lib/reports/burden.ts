/**
 * The burden meter (domain.md: "a unit's reporting burden is measured
 * (minutes a day) and kept low"): from each slot's effortSeconds — its
 * author's time from first input to submit, corrections included — each
 * unit's minutes per day over the last 7 and 30 full days. Pure.
 */
import { addDays, type DistrictDate } from "@/lib/time";

export type EffortRow = { unitId: string; date: DistrictDate; effortSeconds: number | null };

export type UnitBurden = {
  unitId: string;
  /** mean minutes per calendar day (days without reports count as 0) */
  week: number;
  month: number;
  /** the heaviest single day of the 30 */
  maxDay: number;
  today: number;
  /** slots whose time was measured, of all slots in the 30 days (API clients may not send startedAt) */
  measured: number;
  slots: number;
};

export type BurdenSummary = { units: UnitBurden[]; daily: { date: DistrictDate; minutes: number }[]; from: DistrictDate; to: DistrictDate };

const round1 = (n: number) => Math.round(n * 10) / 10;

export function summarizeBurden(rows: readonly EffortRow[], unitIds: readonly string[], today: DistrictDate): BurdenSummary {
  const to = addDays(today, -1);
  const monthFrom = addDays(to, -29);
  const weekFrom = addDays(to, -6);
  const byUnitDay = new Map<string, number>();
  const stats = new Map(unitIds.map((id) => [id, { week: 0, month: 0, today: 0, measured: 0, slots: 0 }]));
  const dailyTotal = new Map<DistrictDate, number>();

  for (const row of rows) {
    const s = stats.get(row.unitId);
    if (!s) continue;
    const seconds = row.effortSeconds ?? 0;
    if (row.date === today) {
      s.today += seconds;
      continue;
    }
    if (row.date < monthFrom || row.date > to) continue;
    s.slots += 1;
    if (row.effortSeconds !== null) s.measured += 1;
    s.month += seconds;
    if (row.date >= weekFrom) s.week += seconds;
    const key = `${row.unitId}|${row.date}`;
    byUnitDay.set(key, (byUnitDay.get(key) ?? 0) + seconds);
    dailyTotal.set(row.date, (dailyTotal.get(row.date) ?? 0) + seconds);
  }

  const maxDay = new Map<string, number>();
  for (const [key, seconds] of byUnitDay) {
    const unitId = key.split("|")[0];
    maxDay.set(unitId, Math.max(maxDay.get(unitId) ?? 0, seconds));
  }

  const units = unitIds.map((unitId) => {
    const s = stats.get(unitId)!;
    return {
      unitId,
      week: round1(s.week / 60 / 7),
      month: round1(s.month / 60 / 30),
      maxDay: round1((maxDay.get(unitId) ?? 0) / 60),
      today: round1(s.today / 60),
      measured: s.measured,
      slots: s.slots,
    };
  });

  const daily: BurdenSummary["daily"] = [];
  for (let d = monthFrom; d <= to; d = addDays(d, 1)) {
    daily.push({ date: d, minutes: unitIds.length ? round1((dailyTotal.get(d) ?? 0) / 60 / unitIds.length) : 0 });
  }
  return { units, daily, from: monthFrom, to };
}
