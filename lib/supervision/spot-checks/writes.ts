/**
 * The writes of spot checks: a draw (its sample, seed and parameters) or a
 * single pick, each with its audit entry; and recording a check's verification (ADMIN, LEADER): method, result,
 * notes, photos, and — in the same transaction — the reversal of what the
 * slot claimed that the check found not true (./reversal-plan.ts), with one
 * audit entry saying what was taken back or given back. Re-recording replaces
 * the record (audited with before and after); the reversal follows the new
 * result and is never applied twice. A plain function over a client, so the
 * integration tests call it; ./actions.ts wraps it as the server action.
 */
import type { Db } from "@/lib/db-client";
import { audit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/roles";
import type { StoredPhoto } from "@/lib/supervision/photo-uploads";
import { loadSlotClaims } from "@/lib/supervision/spot-checks/reversal-plan";
import { syncSlotReversal } from "@/lib/supervision/spot-checks/reversal";
import type { RecordInput } from "@/lib/supervision/spot-checks/schemas";
import { currentVersionId, currentVersionIds } from "@/lib/reports/versions";
import { Refused, answerRefusal, refuse, succeed, type WriteResult } from "@/lib/write-result";

export type RecordResult = WriteResult<{ reversed: { taskId: string; amount: number }[] }>;

const CHECKERS = new Set(["ADMIN", "LEADER"]);

export async function recordSpotCheckResult(
  client: Db,
  user: SessionUser,
  input: Omit<RecordInput, "checkedAt"> & { checkedAt: Date },
  photos: readonly StoredPhoto[] = [],
  now: Date = new Date(),
): Promise<RecordResult> {
  if (!CHECKERS.has(user.role)) return refuse("没有权限执行此操作。", { status: 403 });
  return answerRefusal(() =>
    client.$transaction(async (tx) => {
      const check = await tx.spotCheck.findUnique({
        where: { id: input.checkId },
        select: { id: true, slotId: true, method: true, result: true, notes: true, checkedAt: true, checkerId: true, untrueAmounts: true },
      });
      if (!check) throw new Refused("没有找到这条抽查。", { status: 404 });

      // 部分属实: only amounts of tasks the slot claims, each at most what it claims.
      let untrueAmounts: string | null = null;
      if (input.result === "PARTLY_TRUE") {
        const claims = (await loadSlotClaims(tx, check.slotId))?.claims ?? new Map<string, number>();
        const entered = Object.entries(input.untrue).filter(([, amount]) => amount > 0);
        for (const [taskId, amount] of entered) {
          const claimed = claims.get(taskId);
          if (claimed === undefined) throw new Refused("所填的不属实数量不属于这条晒报的任务。", { fieldErrors: { untrue: ["所填的任务不在这条晒报中"] } });
          if (amount > claimed) {
            const message = `不属实的数量（${amount}）不能超过晒报所报的完成量（${claimed}）。`;
            throw new Refused(message, { fieldErrors: { untrue: [message] } });
          }
        }
        if (entered.length > 0) untrueAmounts = JSON.stringify(Object.fromEntries(entered));
      }

      await tx.spotCheck.update({
        where: { id: check.id },
        data: { method: input.method, result: input.result, notes: input.notes ?? null, checkedAt: input.checkedAt, checkerId: user.id, untrueAmounts },
      });
      const base = await tx.photo.count({ where: { spotCheckId: check.id } });
      for (const p of photos) await tx.photo.create({ data: { ...p, sortOrder: base + p.sortOrder, uploaderId: user.id, spotCheckId: check.id } });
      const moves = await syncSlotReversal(tx, check.slotId, { actorId: user.id, now });
      await audit(tx, {
        actorId: user.id,
        action: "spot-check.record",
        entity: "SpotCheck",
        entityId: check.id,
        before: check,
        after: {
          method: input.method,
          result: input.result,
          notes: input.notes ?? null,
          checkedAt: input.checkedAt,
          checkerId: user.id,
          photos: photos.length,
          untrueAmounts,
          reversal: moves,
        },
      });
      return succeed({ reversed: moves.map((m) => ({ taskId: m.taskId, amount: m.amount })) });
    }),
  );
}

/** A draw's sample as pending checks, with the draw's seed and parameters (to re-draw and audit it). */
export async function createSpotCheckDraw(
  client: Db,
  user: SessionUser,
  draw: { seed: string; params: unknown; stored: unknown; sample: readonly { slotId: string }[] },
): Promise<{ id: string }> {
  return client.$transaction(async (tx) => {
    const row = await tx.spotCheckDraw.create({ data: { seed: draw.seed, params: JSON.stringify(draw.stored), createdById: user.id }, select: { id: true } });
    const versions = await currentVersionIds(
      tx,
      draw.sample.map((s) => s.slotId),
    );
    await tx.spotCheck.createMany({
      data: draw.sample.map((s) => ({ drawId: row.id, slotId: s.slotId, versionId: versions.get(s.slotId), checkerId: user.id })),
    });
    await audit(tx, {
      actorId: user.id,
      action: "spot-check.draw",
      entity: "SpotCheckDraw",
      entityId: row.id,
      after: { seed: draw.seed, params: draw.params, sample: draw.sample },
    });
    return row;
  });
}

/** One report picked to check (no draw). */
export async function pickSpotCheck(client: Db, user: SessionUser, slotId: string): Promise<WriteResult<{ id: string }>> {
  const slot = await client.reportSlot.findUnique({ where: { id: slotId }, select: { id: true } });
  if (!slot) return refuse("没有找到这条晒报。", { status: 404 });
  return client.$transaction(async (tx) => {
    const check = await tx.spotCheck.create({
      data: { slotId: slot.id, versionId: await currentVersionId(tx, slot.id), checkerId: user.id },
      select: { id: true },
    });
    await audit(tx, { actorId: user.id, action: "spot-check.pick", entity: "SpotCheck", entityId: check.id, after: { slotId: slot.id } });
    return succeed(check);
  });
}
