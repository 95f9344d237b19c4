/**
 * The feed (晾晒墙): every unit's shown slots, newest first, by channel, unit,
 * line, key task, task, date and slot — a page at a time (keyset on
 * submittedAt, id, so that a page is as fast on day 365 as on day 1).
 *
 * Who may read it: every signed-in user, unit accounts included. Showing the
 * work to the whole district is the point of 晒 (the WeChat groups it comes
 * from were read by every member, domain.md and the 2017 article); what stays
 * scoped is everything else of a unit (its task list, its card's editing,
 * its orders).
 */
import "server-only";
import { withUnitRowScope, type SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { slotShownSelect } from "@/lib/reports/card-json";
import { dateParam, idParam, parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { z } from "@/lib/validation";
import { slotVersionsSelect } from "@/lib/reports/version-history";
import { taskSummarySelect } from "@/lib/tasks/selects";
import { addDays, districtInstant, type DistrictDate } from "@/lib/time";
import { byLineKind, byUnitKind } from "@/lib/enum-order";

export const FEED_PAGE_SIZE = 20;

export type FeedFilters = {
  channelId?: string;
  unitId?: string;
  lineId?: string;
  keyTaskId?: string;
  taskId?: string;
  date?: DistrictDate;
  slot?: SlotKind;
};

/** The URL's names for the filters. */
const feedSearch = {
  channel: idParam.optional(),
  unit: idParam.optional(),
  line: idParam.optional(),
  keyTask: idParam.optional(),
  task: idParam.optional(),
  date: dateParam.optional(),
  slot: z.enum(["MORNING", "NOON", "EVENING"]).optional(),
  cursor: idParam.optional(),
};

/** Filters from the URL; anything malformed is ignored rather than an error page. */
export function parseFeedFilters(params: RawSearchParams): FeedFilters & { cursor?: string } {
  const { channel, unit, line, keyTask, task, date, slot, cursor } = parseSearchParams(feedSearch, params);
  return { channelId: channel, unitId: unit, lineId: line, keyTaskId: keyTask, taskId: task, date: date as DistrictDate | undefined, slot, cursor };
}

function feedWhere(filters: FeedFilters & { taskIdCards?: string[] }): Prisma.ReportSlotWhereInput {
  const and: Prisma.ReportSlotWhereInput[] = [];
  if (filters.channelId) and.push({ card: { unit: { channels: { some: { channelId: filters.channelId } } } } });
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

const feedSelect = {
  ...slotShownSelect,
  author: { select: { name: true } },
  versions: slotVersionsSelect,
  photos: { orderBy: { sortOrder: "asc" }, select: { id: true, width: true, height: true } },
  card: {
    select: {
      id: true,
      date: true,
      unit: { select: { id: true, name: true } },
      items: { where: { taskId: { not: null } }, select: { task: { select: { id: true, title: true } } } },
      instructions: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          slot: true,
          text: true,
          createdAt: true,
          answeredAt: true,
          leader: { select: { name: true, title: true } },
          answers: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true, author: { select: { name: true } } } },
        },
      },
    },
  },
} as const satisfies Prisma.ReportSlotSelect;

export type FeedEntry = Prisma.ReportSlotGetPayload<{ select: typeof feedSelect }>;

export async function listFeed(filters: FeedFilters, cursor?: string): Promise<{ entries: FeedEntry[]; nextCursor: string | null }> {
  // A task is on a few hundred cards at most: find them by the items' task index first, rather
  // than testing every slot of the year for a matching item (a rarely reported task scanned them all).
  const taskIdCards = filters.taskId
    ? (await db.reportItem.findMany({ where: { taskId: filters.taskId }, distinct: ["cardId"], select: { cardId: true } })).map((i) => i.cardId)
    : undefined;
  const rows = await db.reportSlot.findMany({
    where: feedWhere({ ...filters, taskIdCards }),
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    take: FEED_PAGE_SIZE + 1,
    select: feedSelect,
  });
  const entries = rows.slice(0, FEED_PAGE_SIZE);
  return { entries, nextCursor: rows.length > FEED_PAGE_SIZE ? entries[entries.length - 1].id : null };
}

/** The choices of the feed's filters. */
export async function loadFeedFilterOptions() {
  const [channels, units, lines, keyTasks] = await Promise.all([
    db.channel.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.unit.findMany({ where: { archivedAt: null }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true } }).then(byUnitKind),
    db.line.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true, kind: true } }).then(byLineKind),
    db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
  ]);
  return { channels, units, lines, keyTasks };
}

/**
 * The task a feed is filtered by, with its progress — only for a user who may
 * read that task list (a unit sees others' reports, not others' task lists).
 */
export async function getFeedTask(user: SessionUser, taskId: string) {
  return db.task.findFirst({
    where: withUnitRowScope(user, { id: taskId }),
    select: taskSummarySelect,
  });
}
