/**
 * The feed's filter as a Prisma where (lib/reports/feed.ts reads with it): a
 * plain module, so that tests run it against a test database.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { addDays, districtInstant, type DistrictDate } from "@/lib/time";

export type FeedFilters = {
  channelId?: string;
  unitId?: string;
  lineId?: string;
  keyTaskId?: string;
  taskId?: string;
  date?: DistrictDate;
  slot?: SlotKind;
};

export function feedWhere(filters: FeedFilters & { taskIdCards?: string[] }): Prisma.ReportSlotWhereInput {
  const and: Prisma.ReportSlotWhereInput[] = [];
  if (filters.channelId) {
    // A channel shows its units' cards and its members' own cards (the leaders in 区级领导干部工作群).
    and.push({
      OR: [
        { card: { unit: { channels: { some: { channelId: filters.channelId } } } } },
        { card: { leader: { channelMemberships: { some: { channelId: filters.channelId } } } } },
      ],
    });
  }
  if (filters.unitId) and.push({ card: { unitId: filters.unitId } });
  if (filters.lineId) {
    and.push({
      OR: [{ card: { unit: { lines: { some: { lineId: filters.lineId } } } } }, { card: { items: { some: { task: { lineId: filters.lineId } } } } }],
    });
  }
  if (filters.keyTaskId) and.push({ card: { items: { some: { task: { keyTaskId: filters.keyTaskId } } } } });
  if (filters.taskIdCards) and.push({ cardId: { in: filters.taskIdCards } });
  if (filters.date) {
    // A slot is first submitted on its own day (past days are only corrected), so
    // the day's window on the submittedAt index finds it without scanning the year.
    and.push({ card: { date: filters.date }, submittedAt: { gte: districtInstant(filters.date), lt: districtInstant(addDays(filters.date, 1)) } });
  }
  if (filters.slot) and.push({ slot: filters.slot });
  return { AND: and };
}
