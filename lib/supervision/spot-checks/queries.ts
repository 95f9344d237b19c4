/** Reads of spot checks (ADMIN and LEADER pages) and the candidates of a draw. */
import "server-only";
import { db } from "@/lib/db";
import { drawSample, type DrawParams, type SampleCandidate } from "@/lib/supervision/sampling";
import { reportSummarySelect, toReportSummary } from "@/lib/supervision/reports";
import { storedDrawParams, type StoredDrawParams } from "@/lib/supervision/spot-checks/schemas";

/** The reports a draw chooses from, each with its open anomaly flags now. */
export async function loadDrawCandidates(params: Pick<DrawParams, "slots" | "unitKinds" | "from" | "to">): Promise<SampleCandidate[]> {
  const rows = await db.reportSlot.findMany({
    where: { slot: { in: params.slots }, card: { date: { gte: params.from, lte: params.to }, unit: { kind: { in: params.unitKinds }, archivedAt: null } } },
    select: { id: true, slot: true, card: { select: { date: true, unit: { select: { kind: true } } } }, _count: { select: { anomalies: { where: { status: "OPEN" } } } } },
  });
  return rows.map((r) => ({ slotId: r.id, slot: r.slot, unitKind: r.card.unit.kind, date: r.card.date, openFlags: r._count.anomalies }));
}

export function parseDrawParams(json: string): StoredDrawParams | null {
  try {
    const parsed = storedDrawParams.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function listDraws(take = 20) {
  const draws = await db.spotCheckDraw.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, seed: true, params: true, createdAt: true, createdBy: { select: { name: true } }, checks: { select: { result: true } } },
  });
  return draws.map((d) => ({
    id: d.id,
    seed: d.seed,
    params: parseDrawParams(d.params),
    createdAt: d.createdAt,
    createdBy: d.createdBy.name,
    total: d.checks.length,
    done: d.checks.filter((c) => c.result).length,
    falseCount: d.checks.filter((c) => c.result === "FALSE").length,
  }));
}

const checkSelect = {
  id: true,
  drawId: true,
  versionId: true,
  method: true,
  result: true,
  notes: true,
  checkedAt: true,
  createdAt: true,
  checker: { select: { name: true } },
  photos: { orderBy: { sortOrder: "asc" }, select: { id: true } },
  slot: { select: reportSummarySelect },
} as const;

type SelectedCheck = {
  id: string;
  drawId: string | null;
  versionId: string | null;
  method: "PHONE" | "PHOTO_REVIEW" | "ON_SITE" | null;
  result: "TRUE" | "PARTLY_TRUE" | "FALSE" | null;
  notes: string | null;
  checkedAt: Date | null;
  createdAt: Date;
  checker: { name: string };
  photos: { id: string }[];
  slot: Parameters<typeof toReportSummary>[0];
};

function toCheck(c: SelectedCheck) {
  return { ...c, photoIds: c.photos.map((p) => p.id), report: toReportSummary(c.slot) };
}

export type SpotCheckView = ReturnType<typeof toCheck>;

export async function getDraw(id: string) {
  const draw = await db.spotCheckDraw.findUnique({
    where: { id },
    select: { id: true, seed: true, params: true, createdAt: true, createdBy: { select: { name: true } }, checks: { orderBy: { createdAt: "asc" }, select: checkSelect } },
  });
  if (!draw) return null;
  return { ...draw, params: parseDrawParams(draw.params), checks: draw.checks.map(toCheck) };
}

export async function getSpotCheck(id: string) {
  const check = await db.spotCheck.findUnique({ where: { id }, select: checkSelect });
  return check ? toCheck(check) : null;
}

export type CheckFilter = "pending" | "done" | "false";

export async function listChecks(filter: CheckFilter, take = 30) {
  const where = filter === "pending" ? { result: null } : filter === "false" ? { result: "FALSE" as const } : { result: { not: null } };
  const checks = await db.spotCheck.findMany({ where, orderBy: [{ checkedAt: "desc" }, { createdAt: "desc" }], take, select: checkSelect });
  return checks.map(toCheck);
}

/**
 * Re-draws with the stored parameters, seed and flags, from the reports that
 * match the parameters now, and compares with the recorded sample. Reports
 * filed late after the draw change the candidates, and then the comparison says so.
 */
export async function reproduceDraw(draw: { seed: string; params: StoredDrawParams; checks: { report: { slotId: string } }[] }) {
  const now = await loadDrawCandidates(draw.params);
  const candidates = now.map((c) => ({ ...c, openFlags: draw.params.flagged[c.slotId] ?? 0 }));
  const again = drawSample(candidates, draw.params, draw.seed).map((d) => d.slotId).sort();
  const recorded = draw.checks.map((c) => c.report.slotId).sort();
  return {
    same: again.length === recorded.length && again.every((id, i) => id === recorded[i]),
    candidatesThen: draw.params.candidates,
    candidatesNow: candidates.length,
  };
}
