/** At start: can we reach the database, and is it migrated? */
import fs from "node:fs";
import { createClient } from "@/lib/db-client";
import { env } from "@/lib/env";

export async function checkDatabase(): Promise<string | null> {
  const url = env().DATABASE_URL;
  if (url.startsWith("file:") && !fs.existsSync(url.slice("file:".length))) {
    return `Shaitai cannot start: the database file ${url.slice("file:".length)} does not exist. Run "npm run db:migrate" (and "npm run db:seed" for demo data).`;
  }
  const client = createClient(url);
  try {
    await client.user.count();
    return null;
  } catch (error) {
    return `Shaitai cannot start: the database at DATABASE_URL cannot be used (${(error as Error).message.split("\n")[0]}). Is it reachable and migrated ("npm run db:migrate")?`;
  } finally {
    await client.$disconnect();
  }
}
