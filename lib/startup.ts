/** Start-up checks for the Node.js server: environment, then database. */
import { checkDatabase } from "@/lib/db-check";
import { loadEnv } from "@/lib/env";

export async function checkStartup(): Promise<void> {
  try {
    loadEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const problem = await checkDatabase();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
