/**
 * Reads of the district settings, user first (like lib/<domain>/queries.ts):
 * the scope is inside — the slot deadlines are the district's, and every
 * signed-in user may read them (a unit's staff to know when a slot is late,
 * the office and leaders to read the day's table). Settings are not written
 * through the app yet; a write would live in a writes.ts behind authedAction.
 */
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { readSlotDeadlines } from "@/lib/reports/deadline-settings";
import type { SlotDeadlines } from "@/lib/reports/slots";

/** The three slots' deadlines (HH:mm, district time), for any signed-in user. */
export async function getSlotDeadlines(user: SessionUser): Promise<SlotDeadlines> {
  void user; // every role may read them: the session is the scope
  return readSlotDeadlines(db);
}
