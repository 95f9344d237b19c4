/**
 * Prisma CLI configuration. Prisma 6.19 runs offline here only with a driver
 * adapter and the WASM schema engine (../shared/docs/stack.md), and with a
 * prisma.config.ts it does not read .env itself — so we load it here and give
 * DATABASE_URL the same default as the app (lib/env.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
process.env.DATABASE_URL ??= "file:./data/shaitai.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { seed: "tsx prisma/seed.ts" },
  async adapter() {
    const url = process.env.DATABASE_URL!;
    // SQLite creates the file but not its folder.
    if (url.startsWith("file:")) fs.mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
