/**
 * Idempotency keys for submissions: a retry, a double tap or a second tab with
 * the same key gets the first response instead of doing the work twice — on
 * whichever app server it lands.
 *
 * The key row is written FIRST, inside the same transaction as the work. A
 * concurrent request with the same key (on any server) then blocks on the
 * primary key until the first transaction ends, fails, and its own transaction
 * rolls back; it returns the stored response. Only a completed run is stored:
 * if the work throws, nothing is kept and a retry runs again.
 *
 * Keys are kept for KEY_RETENTION_DAYS (a retry comes within minutes; a week
 * covers a phone that was offline over a weekend); each new key purges the
 * expired ones, so the table holds about a week of submissions.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type IdempotencyInput = {
  /** the client's key (e.g. a UUID made when the form opened) */
  key: string;
  userId: string;
  /** what is being submitted, e.g. "report:submit" */
  scope: string;
};

export type IdempotentResult<T> = { result: T; replayed: boolean };

export const KEY_RETENTION_DAYS = 7;

/** Stored key: scoped to the user and the operation, so one user's key never answers another's request. */
export function storedKey({ key, userId, scope }: IdempotencyInput): string {
  return `${scope}:${userId}:${key}`;
}

/**
 * Runs `run` once per (scope, user, key): the first call runs it in a
 * transaction and stores its JSON response; every later call returns that
 * response with `replayed: true`. The response must survive JSON.
 */
export async function withIdempotencyKey<T>(
  db: Db,
  input: IdempotencyInput,
  run: (tx: Prisma.TransactionClient) => Promise<T>,
  now = new Date(),
): Promise<IdempotentResult<T>> {
  if (input.key.length === 0 || input.key.length > 200) throw new Error("Idempotency key must be 1–200 characters.");
  const key = storedKey(input);
  const stored = await replay<T>(db, key);
  if (stored) return stored;
  try {
    const result = await db.$transaction(async (tx) => {
      await tx.idempotencyKey.create({ data: { key, userId: input.userId, scope: input.scope, response: "", createdAt: now } });
      const value = await run(tx);
      await tx.idempotencyKey.update({ where: { key }, data: { response: JSON.stringify(value ?? null) } });
      return value;
    });
    await purgeExpiredKeys(db, now);
    return { result, replayed: false };
  } catch (error) {
    // Another request with this key committed first: ours rolled back, answer with theirs.
    const winner = await replay<T>(db, key);
    if (winner) return winner;
    throw error;
  }
}

/** Deletes keys past their retention (by the createdAt index); a failure here never fails the work. */
async function purgeExpiredKeys(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - KEY_RETENTION_DAYS * 86_400_000);
  await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: cutoff } } }).catch((error: unknown) => console.error("purging idempotency keys failed", error));
}

async function replay<T>(db: Db, key: string): Promise<IdempotentResult<T> | null> {
  const row = await db.idempotencyKey.findUnique({ where: { key }, select: { response: true } });
  return row ? { result: JSON.parse(row.response) as T, replayed: true } : null;
}
