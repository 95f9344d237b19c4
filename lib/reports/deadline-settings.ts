/**
 * The slot deadlines as stored in the district's settings (key/value rows),
 * with their defaults, read with a given client: the report write path
 * (lib/reports/submit.ts) reads them with its own database. Pages and routes
 * read them user-first through lib/settings.ts.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db-client";
import { DEFAULT_SLOT_DEADLINES, SLOT_SETTING_KEYS, SLOTS, type SlotDeadlines } from "@/lib/reports/slots";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export async function readSlotDeadlines(client: Db | Prisma.TransactionClient): Promise<SlotDeadlines> {
  const rows = await client.setting.findMany({ where: { key: { in: Object.values(SLOT_SETTING_KEYS) } } });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const deadlines = { ...DEFAULT_SLOT_DEADLINES };
  for (const slot of SLOTS) {
    const value = byKey.get(SLOT_SETTING_KEYS[slot]);
    if (value && HHMM.test(value)) deadlines[slot] = value;
  }
  return deadlines;
}
