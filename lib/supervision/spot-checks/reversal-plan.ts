/**
 * A claim found false is taken back (issue 10, "What was seen" 2; domain.md:
 * "A claim found 不属实 is taken back from the task's progress, with a link
 * to the check").
 *
 * What a slot claims: the amounts of its card's items, per task — only the
 * evening (晚晒) carries amounts, so a morning or noon check takes nothing back.
 * What the check takes back, per task:
 *   不属实  — all the slot claims;
 *   部分属实 — the amount the checker entered as not true for that task
 *             (at most the claim; none entered: nothing is taken back);
 *   属实    — nothing.
 * Only the slot's latest recorded check counts (a slot checked twice is
 * taken back once). The reversal is kept as REVERSAL progress events linked
 * to the check, each with the amount it asked for (`requested`); the plan is
 * the difference between what should be taken back now and what those
 * events already asked for. So recording the same result again changes
 * nothing, a changed result (不属实 → 属实) gives back what was taken, and a
 * unit's later correction of its amount moves the reversal with it — never
 * twice. Pure rules here, the reads below; the writes are in
 * lib/reports/task-progress.ts (moveTaskProgress).
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SpotCheckResult } from "@/lib/generated/prisma/enums";
import type { DistrictDate } from "@/lib/time";

export type ReversalCheck = {
  id: string;
  result: SpotCheckResult | null;
  /** 部分属实: the amount found not true, per task */
  untrueAmounts: Readonly<Record<string, number>>;
  checkedAt: Date | null;
  createdAt: Date;
};

export type ReversalMove = { spotCheckId: string; taskId: string; amount: number };

const round = (value: number) => Math.round(value * 1000) / 1000;

/** The check whose result governs the slot: the latest recorded one. */
export function governingCheck<C extends ReversalCheck>(checks: readonly C[]): C | null {
  const recorded = checks.filter((c) => c.result !== null);
  recorded.sort(
    (a, b) => (b.checkedAt?.getTime() ?? 0) - (a.checkedAt?.getTime() ?? 0) || b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
  return recorded[0] ?? null;
}

/** What the check should have taken back from each task (negative amounts). */
export function wantedReversal(check: ReversalCheck, claims: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [taskId, claimed] of claims) {
    if (claimed <= 0) continue;
    const untrue = check.result === "FALSE" ? claimed : check.result === "PARTLY_TRUE" ? Math.min(claimed, Math.max(0, check.untrueAmounts[taskId] ?? 0)) : 0;
    if (untrue > 0) out.set(taskId, -round(untrue));
  }
  return out;
}

/**
 * The moves that bring every check's reversal to what it should be now.
 * `applied`: what each check's REVERSAL events asked for so far, per task.
 */
export function planReversal(
  claims: ReadonlyMap<string, number>,
  checks: readonly ReversalCheck[],
  applied: ReadonlyMap<string, ReadonlyMap<string, number>>,
): ReversalMove[] {
  const governing = governingCheck(checks);
  const moves: ReversalMove[] = [];
  const checkIds = new Set([...checks.map((c) => c.id), ...applied.keys()]);
  for (const spotCheckId of [...checkIds].sort()) {
    const check = checks.find((c) => c.id === spotCheckId);
    const wanted = check && check.id === governing?.id ? wantedReversal(check, claims) : new Map<string, number>();
    const done = applied.get(spotCheckId) ?? new Map<string, number>();
    for (const taskId of [...new Set([...wanted.keys(), ...done.keys()])].sort()) {
      const amount = round((wanted.get(taskId) ?? 0) - (done.get(taskId) ?? 0));
      if (amount !== 0) moves.push({ spotCheckId, taskId, amount });
    }
  }
  return moves;
}

/** The JSON kept in SpotCheck.untrueAmounts, read back (anything malformed counts as nothing entered). */
export function parseUntrueAmounts(json: string | null): Record<string, number> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== "object") return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0));
  } catch {
    return {};
  }
}

export type SlotClaims = { slotId: string; unitId: string; cardDate: DistrictDate; claims: Map<string, number> };

/** What a slot claims now: the evening's amounts of its card's items, per task. */
export async function loadSlotClaims(tx: Db | Prisma.TransactionClient, slotId: string): Promise<SlotClaims | null> {
  const slot = await tx.reportSlot.findUnique({
    where: { id: slotId },
    select: {
      slot: true,
      card: { select: { date: true, unitId: true, items: { where: { taskId: { not: null } }, select: { taskId: true, progressValue: true } } } },
    },
  });
  if (!slot) return null;
  const claims = new Map<string, number>();
  if (slot.slot === "EVENING") {
    for (const item of slot.card.items) {
      if (item.taskId && item.progressValue) claims.set(item.taskId, round((claims.get(item.taskId) ?? 0) + item.progressValue));
    }
  }
  return { slotId, unitId: slot.card.unitId, cardDate: slot.card.date, claims };
}

/** The reversal moves a slot needs now (none for a slot never checked). */
export async function planSlotReversal(tx: Prisma.TransactionClient, slotId: string): Promise<{ claims: SlotClaims; moves: ReversalMove[] } | null> {
  // Checks are never deleted: a slot without one has nothing to take back (the common case, one query).
  const checks = await tx.spotCheck.findMany({ where: { slotId }, select: { id: true, result: true, untrueAmounts: true, checkedAt: true, createdAt: true } });
  if (checks.length === 0) return null;
  const [claims, events] = await Promise.all([
    loadSlotClaims(tx, slotId),
    tx.progressEvent.findMany({
      where: { slotId, source: "REVERSAL", milestoneId: null },
      select: { spotCheckId: true, taskId: true, requested: true, delta: true },
    }),
  ]);
  if (!claims) return null;
  const applied = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (!e.spotCheckId) continue;
    const perTask = applied.get(e.spotCheckId) ?? new Map<string, number>();
    perTask.set(e.taskId, round((perTask.get(e.taskId) ?? 0) + (e.requested ?? e.delta)));
    applied.set(e.spotCheckId, perTask);
  }
  const moves = planReversal(
    claims.claims,
    checks.map((c) => ({ ...c, untrueAmounts: parseUntrueAmounts(c.untrueAmounts) })),
    applied,
  );
  return { claims, moves };
}
