/**
 * First run: outside demo mode an empty database asks for the first admin —
 * there is no default password.
 */
import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export async function needsFirstAdmin(): Promise<boolean> {
  if (env().SHAITAI_DEMO) return false;
  return (await db.user.count()) === 0;
}
