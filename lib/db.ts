/**
 * The one Prisma client of the process: a globalThis singleton (Next's dev
 * server reloads modules), built on first use so that `next build` never
 * opens the database.
 */
import "server-only";
import { createClient, type Db } from "@/lib/db-client";
import { env } from "@/lib/env";

export type { Db };

const globalForDb = globalThis as unknown as { shaitaiDb?: Db };

export function getDb(): Db {
  globalForDb.shaitaiDb ??= createClient(env().DATABASE_URL);
  return globalForDb.shaitaiDb;
}

/** Lazy handle: importing it opens nothing; the first query does. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
