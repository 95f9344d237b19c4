/**
 * Builds a Prisma client for a DATABASE_URL. Used by the app (lib/db.ts), the
 * seed, scripts and tests; it imports nothing server-only.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

export function createClient(url: string): PrismaClient {
  if (!url.startsWith("file:")) {
    throw new Error(`Shaitai: DATABASE_URL must be a SQLite file: URL (got ${JSON.stringify(url.split("@").pop())}).`);
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
