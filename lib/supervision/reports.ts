/**
 * Reports as supervision sees them: a summary of one report slot (unit, day,
 * text, photos, spot-check results, open flags) and the office's search by
 * date, unit, channel, key task and text. Scoped in the query.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SlotKind, SpotCheckResult } from "@/lib/generated/prisma/enums";
import { unitScopeWhere, type SessionUser } from "@/lib/auth/roles";
import { addDays, isDistrictDate } from "@/lib/time";
import { parseSearchParams } from "@/lib/search-params";
import { z } from "@/lib/validation";
import { listVisibleUnits } from "@/lib/org/queries";

export const reportSummarySelect = {
  id: true,
  slot: true,
  text: true,
  place: true,
  submittedAt: true,
  late: true,
  revisionCount: true,
  correctionCount: true,
  author: { select: { name: true } },
  card: { select: { date: true, unit: { select: { id: true, name: true, kind: true } } } },
  photos: { orderBy: { sortOrder: "asc" }, select: { id: true } },
  spotChecks: { where: { result: { not: null } }, orderBy: { checkedAt: "desc" }, select: { id: true, result: true } },
  _count: { select: { anomalies: { where: { status: "OPEN" } } } },
} as const;

type SelectedReport = Prisma.ReportSlotGetPayload<{ select: typeof reportSummarySelect }>;

export type ReportSummary = {
  slotId: string;
  slot: SlotKind;
  text: string;
  place: string | null;
  submittedAt: Date;
  late: boolean;
  /** saves after the first submission; of them, made while the slot was locked (更正) */
  revisionCount: number;
  correctionCount: number;
  authorName: string;
  date: string;
  unit: { id: string; name: string; kind: "TOWN" | "DEPARTMENT" };
  photoIds: string[];
  spotChecks: { id: string; result: SpotCheckResult | null }[];
  openFlags: number;
};

export function toReportSummary(r: SelectedReport): ReportSummary {
  return {
    slotId: r.id,
    slot: r.slot,
    text: r.text,
    place: r.place,
    submittedAt: r.submittedAt,
    late: r.late,
    revisionCount: r.revisionCount,
    correctionCount: r.correctionCount,
    authorName: r.author.name,
    date: r.card.date,
    unit: r.card.unit,
    photoIds: r.photos.map((p) => p.id),
    spotChecks: r.spotChecks,
    openFlags: r._count.anomalies,
  };
}

/** One report, if the user may see its unit. */
export async function getReportSummary(user: SessionUser, slotId: string): Promise<ReportSummary | null> {
  const row = await db.reportSlot.findFirst({ where: { id: slotId, card: { unit: unitScopeWhere(user) } }, select: reportSummarySelect });
  return row ? toReportSummary(row) : null;
}

const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.string().max(40).optional());
const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), z.string().refine(isDistrictDate, "日期格式应为 YYYY-MM-DD").optional());

/** The search form (GET): every field optional; bad values are dropped, not fatal. */
export const reportSearchInput = z.object({
  from: optionalDate,
  to: optionalDate,
  unitId: optionalId,
  channelId: optionalId,
  keyTaskId: optionalId,
  slot: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["MORNING", "NOON", "EVENING"]).optional()),
  q: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : undefined), z.string().max(50).optional()),
});

export type ReportSearch = z.infer<typeof reportSearchInput>;

export function parseReportSearch(params: Record<string, string | string[] | undefined>): ReportSearch {
  // Each field on its own: the fields that are fine are kept.
  return parseSearchParams(reportSearchInput.shape, params);
}

/** Reports matching the search, newest first (at most `take`), within the user's scope. */
export async function searchReports(user: SessionUser, search: ReportSearch, today: string, take = 40): Promise<ReportSummary[]> {
  const to = search.to ?? search.from ?? today;
  const from = search.from ?? addDays(to, -6);
  const rows = await db.reportSlot.findMany({
    where: {
      AND: [
        { card: { date: { gte: from, lte: to } } },
        search.unitId ? { card: { unitId: search.unitId } } : {},
        search.channelId ? { card: { unit: { channels: { some: { channelId: search.channelId } } } } } : {},
        search.keyTaskId ? { card: { items: { some: { task: { keyTaskId: search.keyTaskId } } } } } : {},
        search.slot ? { slot: search.slot } : {},
        search.q ? { text: { contains: search.q } } : {},
        { text: { not: "" } },
        { card: { unit: unitScopeWhere(user) } },
      ],
    },
    orderBy: { submittedAt: "desc" },
    take,
    select: reportSummarySelect,
  });
  return rows.map(toReportSummary);
}

/** The choices of the search form: the units the user may see, channels and key tasks. */
export async function reportSearchOptions(user: SessionUser) {
  const [units, channels, keyTasks] = await Promise.all([
    listVisibleUnits(user),
    db.channel.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
    db.keyTask.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, name: true } }),
  ]);
  return { units, channels, keyTasks };
}
