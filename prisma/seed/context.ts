/** What every part of the seed shares: the database, the clock, the password hash. */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DistrictDate } from "@/lib/time";

export type SeedContext = {
  db: Db;
  /** the district's today; history ends yesterday (plus today's morning) */
  today: DistrictDate;
  yesterday: DistrictDate;
  /** the year of today: the task lists, rules and quarters are for it */
  year: number;
  now: Date;
  /** one hash of the demo password, reused for every account */
  passwordHash: string;
  log: (message: string) => void;
};

/** Rows per createMany statement: well under SQLite's 32,766 bound variables. */
export const BATCH = 500;

export function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Inserts rows in batches, one transaction for all of them. */
export async function insertInBatches<T>(db: Db, rows: readonly T[], insert: (batch: T[]) => Prisma.PrismaPromise<Prisma.BatchPayload>): Promise<void> {
  if (rows.length === 0) return;
  await db.$transaction(chunks(rows).map((batch) => insert(batch)));
}
