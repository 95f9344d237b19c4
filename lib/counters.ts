/**
 * Named sequences shared by every app server (bulletin numbers per year:
 * key `bulletin:2026` …). A Counter row holds the last number given out.
 *
 * One statement takes the next number: an upsert that increments and returns
 * the new value. It is the same SQL on SQLite (3.35+) and PostgreSQL, and it
 * is atomic on both: on PostgreSQL the row stays locked until the caller's
 * transaction ends, so a second transaction (on this or another server) waits
 * and then reads the committed value — two publishers never get the same
 * number, and a rolled-back transaction gives its number back (no gaps).
 * A read-then-write in Prisma (findUnique + update) would not be safe: both
 * transactions can read the same value under READ COMMITTED.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The next number of sequence `key` (1 for a new key). Call it inside the
 * transaction that writes the numbered row, so the number and the row commit
 * or roll back together.
 */
export async function nextNumber(tx: Prisma.TransactionClient | Db, key: string): Promise<number> {
  const rows = await tx.$queryRaw<{ value: number | bigint }[]>`
    INSERT INTO "Counter" ("key", "value") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "Counter"."value" + 1
    RETURNING "value"`;
  return Number(rows[0].value);
}
