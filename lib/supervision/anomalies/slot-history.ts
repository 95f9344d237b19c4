/**
 * When each piece of a slot's content was added (issue 10): the checks judge
 * a photo or a text by that time, not by the slot's first submission.
 *
 * - a photo: `Photo.createdAt`, the save that added it;
 * - a text: the version of the slot it belongs to (ReportVersion: one per
 *   save, 1 = the first submission), oldest first; the current text is the last.
 *
 * Every check reads a slot's history through loadSlotHistories.
 */
import { chunks } from "@/lib/chunks";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A saved state of a slot: its number (1 = as first submitted), its version's id, its time. */
export type SlotVersionRef = { number: number; versionId: string | null; addedAt: Date };

export type TextVersion = SlotVersionRef & { text: string };

/**
 * The slots matching `where`, each with its text history, oldest first. A
 * slot saved before versions existed (or seeded) and not yet given one stands
 * as its version 1, at its submission.
 */
export async function loadSlotHistories(
  db: Db,
  where: Prisma.ReportSlotWhereInput,
): Promise<{ id: string; cardId: string; slot: "MORNING" | "NOON" | "EVENING"; submittedAt: Date; versions: TextVersion[] }[]> {
  const slots = await db.reportSlot.findMany({ where, select: { id: true, cardId: true, slot: true, text: true, submittedAt: true } });
  // By the slots' ids, not by `where` through the relation: SQLite plans that filter as a scan of every
  // version in the district (~117,000 rows of a year, ~0.9 s per check), the ids as an index lookup.
  const versions = [];
  for (const ids of chunks(slots.map((s) => s.id))) {
    versions.push(
      ...(await db.reportVersion.findMany({ where: { slotId: { in: ids } }, select: { id: true, slotId: true, number: true, createdAt: true, text: true } })),
    );
  }
  const bySlot = new Map<string, TextVersion[]>();
  for (const v of versions) {
    const list = bySlot.get(v.slotId) ?? [];
    list.push({ number: v.number, versionId: v.id, addedAt: v.createdAt, text: v.text });
    bySlot.set(v.slotId, list);
  }
  return slots.map((s) => {
    const saved = (bySlot.get(s.id) ?? []).sort((a, b) => a.number - b.number);
    return {
      id: s.id,
      cardId: s.cardId,
      slot: s.slot,
      submittedAt: s.submittedAt,
      versions: saved.length > 0 ? saved : [{ number: 1, versionId: null, addedAt: s.submittedAt, text: s.text }],
    };
  });
}

/** The version that was current at `at` (the one a photo added then belongs to). */
export function versionAt<V extends SlotVersionRef>(history: readonly V[], at: Date): V | null {
  let found: V | null = null;
  for (const v of history) if (v.addedAt.getTime() <= at.getTime()) found = v;
  return found ?? history[0] ?? null;
}
