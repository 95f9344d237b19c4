/**
 * Builds a Prisma client for a DATABASE_URL: `file:` → SQLite through
 * better-sqlite3, `postgresql://` → PostgreSQL through pg. Used by the app
 * (lib/db.ts), the seed, scripts and tests; it imports nothing server-only.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";
import { databaseKind } from "@/lib/db-url";

/**
 * The client type the code base is written against: the SQLite client's. The
 * PostgreSQL client is generated from the same models but is not the same
 * type — its API is a superset (string filters take `mode`, `createMany`
 * takes `skipDuplicates`, `$transaction` takes more isolation levels), and
 * TypeScript cannot match the overloaded `$transaction` across the two. Code
 * typed against the subset runs unchanged on both: the queries have the same
 * shape, and both clients share one runtime (@prisma/client/runtime/client),
 * so `Prisma.PrismaClientKnownRequestError` and friends are the same classes.
 * The PostgreSQL integration suite runs that code on a real server.
 */
export type Db = PrismaClient;

/**
 * Prisma's default transaction timeout (5 s) also bounds batch transactions
 * such as the seed's bulk inserts; on a busy machine, or over the network to
 * PostgreSQL, a healthy one can take longer.
 */
const transactionOptions = { maxWait: 10_000, timeout: 30_000 };

export function createClient(url: string): Db {
  if (databaseKind(url) === "sqlite") return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }), transactionOptions });
  // A pool of up to 10 connections per process (pg's default); give up on an unreachable host after 10 s.
  const adapter = new PrismaPg({ connectionString: url, connectionTimeoutMillis: 10_000 });
  return new PgPrismaClient({ adapter, transactionOptions }) as unknown as Db;
}
