/**
 * npm run db:migrate — applies the committed migrations to DATABASE_URL
 * (default: the embedded SQLite file under data/). Never by hand.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL ?? "file:./data/shaitai.db";

execFileSync("npx", ["prisma", "migrate", "deploy"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url },
});
