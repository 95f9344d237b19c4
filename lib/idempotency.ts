/**
 * Idempotency keys: a retry, a double tap or a second tab with the same key
 * gets the first answer instead of doing the work twice. The key is claimed in
 * the same transaction as the work, so two servers cannot both do it.
 */
import type { Db } from "@/lib/db-client";
import { Prisma } from "@/lib/generated/prisma/client";

export type IdempotentResult<T> = { result: T; replayed: boolean };

export class IdempotencyConflictError extends Error {}

export async function withIdempotencyKey<T>(
  db: Db,
  claim: { key: string; userId: string; scope: string },
  run: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<IdempotentResult<T>> {
  const replay = async (): Promise<IdempotentResult<T> | null> => {
    const row = await db.idempotencyKey.findUnique({ where: { key: claim.key } });
    if (!row) return null;
    if (row.userId !== claim.userId || row.scope !== claim.scope) throw new IdempotencyConflictError("该幂等键已被用于其他请求。");
    return { result: JSON.parse(row.response) as T, replayed: true };
  };

  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const result = await db.$transaction(async (tx) => {
      await tx.idempotencyKey.create({ data: { ...claim, response: "null" } });
      const value = await run(tx);
      await tx.idempotencyKey.update({ where: { key: claim.key }, data: { response: JSON.stringify(value) } });
      return value;
    });
    return { result, replayed: false };
  } catch (error) {
    // Another request claimed the key first and has committed: answer as it did.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await replay();
      if (winner) return winner;
    }
    throw error;
  }
}
