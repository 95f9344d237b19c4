/**
 * Prisma CLI configuration. Prisma 6.19 runs offline here only with a driver
 * adapter and the WASM schema engine (docs/stack.md), and with a
 * prisma.config.ts it does not read .env itself — so we load it here and give
 * DATABASE_URL the same default as the app (lib/env.ts).
 *
 * DATABASE_URL picks the database: file: → prisma/schema.prisma on SQLite;
 * postgresql:// → the derived prisma/postgres/schema.prisma (and its
 * migrations folder) through the pg adapter. On PostgreSQL, apply migrations
 * with `npm run db:migrate`, not `prisma migrate deploy` (scripts/db-migrate.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseKind, PRISMA_SCHEMA } from "./lib/db-url";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= "file:./data/shaitai.db";
const kind = databaseKind(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: PRISMA_SCHEMA[kind],
  migrations: { seed: "tsx prisma/seed.ts" },
  async adapter() {
    const url = process.env.DATABASE_URL!;
    // A short idle timeout: the CLI exits when done instead of waiting out the pool’s 10 s.
    if (kind === "postgresql") return new PrismaPg({ connectionString: url, idleTimeoutMillis: 100 });
    // SQLite creates the file but not its folder.
    fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
