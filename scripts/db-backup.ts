/**
 * npm run db:backup [-- <file>]    consistent online copy of the embedded SQLite
 *                                  database (default data/backups/shaitai-<time>.db)
 * npm run db:restore -- <file>     puts a backup in place (stop the app first)
 *
 * For PostgreSQL use pg_dump / pg_restore (README, "Deploying for a city").
 */
import fs from "node:fs";
import path from "node:path";
import { backupSqlite, restoreSqlite } from "../lib/backup";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL ?? "file:./data/shaitai.db";

async function main([mode, file]: string[]): Promise<void> {
  if (mode === "backup") {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const target = file ?? path.join("data", "backups", `shaitai-${stamp}.db`);
    const started = performance.now();
    const { bytes } = await backupSqlite(url, target);
    console.log(`Backed up ${url} to ${target} (${(bytes / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s); integrity check ok.`);
  } else if (mode === "restore") {
    if (!file) throw new Error("Usage: npm run db:restore -- <backup file>   (stop the app first)");
    const { kept } = restoreSqlite(file, url);
    console.log(`Restored ${file} to ${url}.${kept ? ` The previous file is kept as ${kept}.` : ""}`);
  } else {
    throw new Error("Usage: tsx scripts/db-backup.ts backup [file] | restore <file>");
  }
}

main(process.argv.slice(2).filter((arg) => arg !== "--")).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
