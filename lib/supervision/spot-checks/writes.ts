/**
 * Recording a spot check's verification (ADMIN, LEADER): method, result,
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
import type { FieldErrors } from "@/lib/validation";

export type RecordResult =
  | { ok: true; reversed: { taskId: string; amount: number }[] }
  | { ok: false; message: string; fieldErrors?: FieldErrors };

const CHECKERS = new Set(["ADMIN", "LEADER"]);

class Refused extends Error {
  constructor(readonly result: Extract<RecordResult, { ok: false }>) {
    super(result.message);
  }
}

export async function recordSpotCheckResult(
  client: Db,
  user: SessionUser,
  input: Omit<RecordInput, "checkedAt"> & { checkedAt: Date },
  photos: readonly StoredPhoto[] = [],
  now: Date = new Date(),
): Promise<RecordResult> {
  if (!CHECKERS.has(user.role)) return { ok: false, message: "没有权限执行此操作。" };
  try {
    return await client.$transaction(async (tx) => {
      const check = await tx.spotCheck.findUnique({
        where: { id: input.checkId },
        select: { id: true, slotId: true, method: true, result: true, notes: true, checkedAt: true, checkerId: true, untrueAmounts: true },
      });
      if (!check) throw new Refused({ ok: false, message: "没有找到这条抽查。" });

      // 部分属实: only amounts of tasks the slot claims, each at most what it claims.
      let untrueAmounts: string | null = null;
      if (input.result === "PARTLY_TRUE") {
        const claims = (await loadSlotClaims(tx, check.slotId))?.claims ?? new Map<string, number>();
        const entered = Object.entries(input.untrue).filter(([, amount]) => amount > 0);
        for (const [taskId, amount] of entered) {
          const claimed = claims.get(taskId);
          if (claimed === undefined) throw new Refused({ ok: false, message: "所填的不属实数量不属于这条晒报的任务。", fieldErrors: { untrue: ["所填的任务不在这条晒报中"] } });
          if (amount > claimed) {
            const message = `不属实的数量(${amount})不能超过晒报所报的完成量(${claimed})。`;
            throw new Refused({ ok: false, message, fieldErrors: { untrue: [message] } });
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
      return { ok: true, reversed: moves.map((m) => ({ taskId: m.taskId, amount: m.amount })) } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}
