/**
 * Reads of spot checks and the candidates of a draw, for the office and leaders (the checkers).
 * Each takes the user first; another role reads nothing.
 */
import "server-only";
import { DISTRICT_ROLES, type SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { drawSample, type DrawParams, type SampleCandidate } from "@/lib/supervision/sampling";
import { reportSummarySelect, toReportSummary } from "@/lib/supervision/reports";
import { loadSlotClaims, parseUntrueAmounts } from "@/lib/supervision/spot-checks/reversal-plan";
import { storedDrawParams, type StoredDrawParams } from "@/lib/supervision/spot-checks/schemas";
import { unitOf } from "@/lib/reports/card-owner";

/** The reports a draw chooses from, each with its open anomaly flags now. */
const isChecker = (user: SessionUser) => DISTRICT_ROLES.includes(user.role);

export async function loadDrawCandidates(user: SessionUser, params: Pick<DrawParams, "slots" | "unitKinds" | "from" | "to">): Promise<SampleCandidate[]> {
  if (!isChecker(user)) return [];
  const rows = await db.reportSlot.findMany({
    where: { slot: { in: params.slots }, card: { date: { gte: params.from, lte: params.to }, unit: { kind: { in: params.unitKinds }, archivedAt: null } } },
    select: {
      id: true,
      slot: true,
      card: { select: { date: true, unit: { select: { kind: true } } } },
      _count: { select: { anomalies: { where: { status: "OPEN" } } } },
    },
  });
  return rows.map((r) => ({ slotId: r.id, slot: r.slot, unitKind: unitOf(r.card).kind, date: r.card.date, openFlags: r._count.anomalies }));
}

export function parseDrawParams(json: string): StoredDrawParams | null {
  try {
    const parsed = storedDrawParams.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function listDraws(user: SessionUser, take = 20) {
  if (!isChecker(user)) return [];
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

export async function getDraw(user: SessionUser, id: string) {
  if (!isChecker(user)) return null;
  const draw = await db.spotCheckDraw.findUnique({
    where: { id },
    select: {
      id: true,
      seed: true,
      params: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      checks: { orderBy: { createdAt: "asc" }, select: checkSelect },
    },
  });
  if (!draw) return null;
  return { ...draw, params: parseDrawParams(draw.params), checks: draw.checks.map(toCheck) };
}

export async function getSpotCheck(user: SessionUser, id: string) {
  if (!isChecker(user)) return null;
  const check = await db.spotCheck.findUnique({ where: { id }, select: checkSelect });
  return check ? toCheck(check) : null;
}

export type CheckFilter = "pending" | "done" | "false";

export async function listChecks(user: SessionUser, filter: CheckFilter, take = 30) {
  if (!isChecker(user)) return [];
  const where = filter === "pending" ? { result: null } : filter === "false" ? { result: "FALSE" as const } : { result: { not: null } };
  const checks = await db.spotCheck.findMany({ where, orderBy: [{ checkedAt: "desc" }, { createdAt: "desc" }], take, select: checkSelect });
  return checks.map(toCheck);
}

/**
 * Re-draws with the stored parameters, seed and flags, from the reports that
 * match the parameters now, and compares with the recorded sample. Reports
 * filed late after the draw change the candidates, and then the comparison says so.
 */
export async function reproduceDraw(user: SessionUser, draw: { seed: string; params: StoredDrawParams; checks: { report: { slotId: string } }[] }) {
  const now = await loadDrawCandidates(user, draw.params);
  const candidates = now.map((c) => ({ ...c, openFlags: draw.params.flagged[c.slotId] ?? 0 }));
  const again = drawSample(candidates, draw.params, draw.seed)
    .map((d) => d.slotId)
    .sort();
  const recorded = draw.checks.map((c) => c.report.slotId).sort();
  return {
    same: again.length === recorded.length && again.every((id, i) => id === recorded[i]),
    candidatesThen: draw.params.candidates,
    candidatesNow: candidates.length,
  };
}

export type CheckClaim = {
  taskId: string;
  title: string;
  measure: string;
  /** what the slot claims for the task (the evening's amounts) */
  claimed: number;
  /** 部分属实: the amount the checker entered as not true */
  untrue: number | null;
  /** what this check's reversal took back so far (negative) or 0 */
  reversed: number;
};

/**
 * The amounts a checked slot claims, per task, with what this check entered
 * as not true and what its reversal took back (lib/supervision/spot-checks/reversal-plan.ts).
 */
export async function listCheckClaims(user: SessionUser, checkId: string): Promise<CheckClaim[]> {
  if (!isChecker(user)) return [];
  const check = await db.spotCheck.findUnique({ where: { id: checkId }, select: { slotId: true, untrueAmounts: true } });
  if (!check) return [];
  const [claims, events] = await Promise.all([
    loadSlotClaims(db, check.slotId),
    db.progressEvent.findMany({ where: { spotCheckId: checkId, milestoneId: null }, select: { taskId: true, requested: true, delta: true } }),
  ]);
  const reversed = new Map<string, number>();
  for (const e of events) reversed.set(e.taskId, (reversed.get(e.taskId) ?? 0) + (e.requested ?? e.delta));
  const taskIds = [...new Set([...(claims?.claims.keys() ?? []), ...reversed.keys()])];
  const tasks = await db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, title: true, measure: true } });
  const untrue = parseUntrueAmounts(check.untrueAmounts);
  return tasks
    .map((t) => ({
      taskId: t.id,
      title: t.title,
      measure: t.measure,
      claimed: claims?.claims.get(t.id) ?? 0,
      untrue: untrue[t.id] ?? null,
      reversed: Math.round((reversed.get(t.id) ?? 0) * 1000) / 1000,
    }))
    .sort((a, b) => a.title.localeCompare(b.title, "zh-CN"));
}
