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
 *
 * A key is for one request: its fingerprint (a hash of what was sent) is kept
 * with it, and the same key with a different body is refused
 * (IdempotencyKeyReusedError → 409) rather than answered with the first
 * request's result.
 */
import crypto from "node:crypto";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type IdempotencyInput = {
  /** the client's key (e.g. a UUID made when the form opened) */
  key: string;
  userId: string;
  /** what is being submitted, e.g. "report:submit" */
  scope: string;
  /** a hash of the request's content (requestFingerprint); a retry must send the same */
  fingerprint?: string;
};

/** The same key was sent again with another request. */
export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super("这个 Idempotency-Key 已用于另一份不同的提交：重试请发送相同的内容，新的提交请换一个新的键。");
  }
}

/** A stable hash of a request's parts (JSON values hashed as their canonical JSON, buffers as bytes). */
export function requestFingerprint(parts: readonly (unknown | Buffer)[]): string {
  const hash = crypto.createHash("sha256");
  for (const part of parts) {
    if (Buffer.isBuffer(part)) hash.update(crypto.createHash("sha256").update(part).digest());
    else hash.update(canonicalJson(part));
    hash.update("\u0000");
  }
  return hash.digest("hex");
}

/** JSON with object keys sorted, so that key order does not change the fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

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
  const stored = await replay<T>(db, key, input.fingerprint);
  if (stored) return stored;
  try {
    const result = await db.$transaction(async (tx) => {
      await tx.idempotencyKey.create({
        data: { key, userId: input.userId, scope: input.scope, fingerprint: input.fingerprint ?? null, response: "", createdAt: now },
      });
      const value = await run(tx);
      await tx.idempotencyKey.update({ where: { key }, data: { response: JSON.stringify(value ?? null) } });
      return value;
    });
    await purgeExpiredKeys(db, now);
    return { result, replayed: false };
  } catch (error) {
    // Another request with this key committed first: ours rolled back, answer with theirs.
    const winner = await replay<T>(db, key, input.fingerprint);
    if (winner) return winner;
    throw error;
  }
}

/** Deletes keys past their retention (by the createdAt index); a failure here never fails the work. */
async function purgeExpiredKeys(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - KEY_RETENTION_DAYS * 86_400_000);
  await db.idempotencyKey
    .deleteMany({ where: { createdAt: { lt: cutoff } } })
    .catch((error: unknown) => console.error("purging idempotency keys failed", error));
}

/** The stored answer for a key, or null; a key stored for another request is refused. */
export async function replay<T>(db: Db, key: string, fingerprint?: string): Promise<IdempotentResult<T> | null> {
  const row = await db.idempotencyKey.findUnique({ where: { key }, select: { response: true, fingerprint: true } });
  if (!row) return null;
  if (fingerprint && row.fingerprint && row.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
  return { result: JSON.parse(row.response) as T, replayed: true };
}
