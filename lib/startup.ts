/** Start-up checks for the Node.js server: environment, then database. */
import { checkDatabase } from "@/lib/db-check";
import { databaseKind, redactUrl } from "@/lib/db-url";
import { loadEnv } from "@/lib/env";

export async function checkStartup(): Promise<void> {
  let url: string;
  try {
    url = loadEnv().DATABASE_URL;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const problem = await checkDatabase(url);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  console.log(`Shaitai: database ${redactUrl(url)} (${databaseKind(url) === "sqlite" ? "SQLite" : "PostgreSQL"}) is reachable and migrated.`);
}
