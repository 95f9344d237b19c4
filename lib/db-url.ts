/**
 * Which database a DATABASE_URL names: `file:` = the embedded SQLite file,
 * `postgresql://` (or `postgres://`) = a PostgreSQL server. Imports nothing,
 * so prisma.config.ts, scripts and the app share it.
 */
export type DatabaseKind = "sqlite" | "postgresql";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got ${JSON.stringify(redactUrl(url))}.`);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*):[^@]*@/i, "$1:***@");
}

/** The schema, migrations and seed that the Prisma CLI uses for a kind of database. */
export const PRISMA_SCHEMA: Record<DatabaseKind, string> = {
  sqlite: "prisma/schema.prisma",
  postgresql: "prisma/postgres/schema.prisma",
};
