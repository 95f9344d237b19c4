/**
 * Reads of anomaly flags: the office's review page, and the API for the office and leaders.
 * Each takes the user first; another role reads nothing.
 */
import "server-only";
import { DISTRICT_ROLES, type SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import type { AnomalyKind, AnomalyStatus } from "@/lib/generated/prisma/enums";
import { parseEvidence } from "@/lib/supervision/anomalies/evidence";
import { reportSummarySelect, toReportSummary } from "@/lib/supervision/reports";

export type AnomalyFilter = { status?: AnomalyStatus; kind?: AnomalyKind; date?: string; slotId?: string };

const anomalySelect = {
  id: true,
  kind: true,
  score: true,
  evidence: true,
  status: true,
  createdAt: true,
  reviewedAt: true,
  reviewedBy: { select: { name: true } },
  slot: { select: reportSummarySelect },
} as const;

function whereOf(filter: AnomalyFilter) {
  return {
    AND: [
      filter.status ? { status: filter.status } : {},
      filter.kind ? { kind: filter.kind } : {},
      filter.date ? { slot: { card: { date: filter.date } } } : {},
      filter.slotId ? { slotId: filter.slotId } : {},
    ],
  };
}

export async function listAnomalies(user: SessionUser, filter: AnomalyFilter, take = 30, skip = 0) {
  if (user.role !== "ADMIN") return { total: 0, anomalies: [] };
  const [rows, total] = await Promise.all([
    db.anomaly.findMany({ where: whereOf(filter), orderBy: [{ createdAt: "desc" }, { score: "desc" }, { id: "asc" }], take, skip, select: anomalySelect }),
    db.anomaly.count({ where: whereOf(filter) }),
  ]);
  return {
    total,
    anomalies: rows.map((a) => ({ ...a, parsed: parseEvidence(a.kind, a.evidence), report: toReportSummary(a.slot) })),
  };
}

export type AnomalyView = Awaited<ReturnType<typeof listAnomalies>>["anomalies"][number];

export async function countOpenAnomaliesByKind(user: SessionUser): Promise<Record<AnomalyKind, number>> {
  const counts: Record<AnomalyKind, number> = { RECYCLED_PHOTO: 0, COPIED_TEXT: 0, EXIF_TIME: 0, LOCATION: 0 };
  if (user.role !== "ADMIN") return counts;
  const rows = await db.anomaly.groupBy({ by: ["kind"], where: { status: "OPEN" }, _count: true });
  for (const r of rows) counts[r.kind] = r._count;
  return counts;
}

/** The flags on the reports of a district date, for the API. */
export async function listAnomaliesOfDate(user: SessionUser, date: string) {
  if (!DISTRICT_ROLES.includes(user.role)) return [];
  const rows = await db.anomaly.findMany({
    where: { slot: { card: { date } } },
    orderBy: [{ slot: { card: { unit: { sortOrder: "asc" } } } }, { createdAt: "asc" }],
    select: {
      id: true,
      kind: true,
      score: true,
      status: true,
      evidence: true,
      createdAt: true,
      slot: { select: { id: true, slot: true, submittedAt: true, card: { select: { date: true, unit: { select: { id: true, name: true, kind: true } } } } } },
    },
  });
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    score: a.score,
    status: a.status,
    createdAt: a.createdAt.toISOString(),
    unit: a.slot.card.unit,
    date: a.slot.card.date,
    slot: { id: a.slot.id, kind: a.slot.slot, submittedAt: a.slot.submittedAt.toISOString() },
    evidence: parseEvidence(a.kind, a.evidence)?.evidence ?? null,
  }));
}
