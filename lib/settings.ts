/** District settings stored as key/value rows, with their defaults. */
import type { Db } from "@/lib/db-client";
import { DEFAULT_SLOT_DEADLINES, SLOT_SETTING_KEYS, SLOTS, type SlotDeadlines } from "@/lib/reports/slots";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export async function getSlotDeadlines(db: Db): Promise<SlotDeadlines> {
  const rows = await db.setting.findMany({ where: { key: { in: Object.values(SLOT_SETTING_KEYS) } } });
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  const deadlines = { ...DEFAULT_SLOT_DEADLINES };
  for (const slot of SLOTS) {
    const value = byKey.get(SLOT_SETTING_KEYS[slot]);
    if (value && HHMM.test(value)) deadlines[slot] = value;
  }
  return deadlines;
}
