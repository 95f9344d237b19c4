/**
 * When each piece of a slot's content was added (issue 10): the checks judge
 * a photo or a text by that time, not by the slot's first submission.
 *
 * - a photo: `Photo.createdAt`, the save that added it;
 * - a text: the version of the slot it belongs to. A slot's history is its
 *   first submission and every correction after it (ReportRevision keeps the
 *   state before each correction), oldest first; the current text is the last.
 *
 * This is the one seam where slot versions plug in: every check reads a
 * slot's history through loadSlotHistories.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A saved state of a slot: its number (1 = as first submitted), its id where versions are stored, its time. */
export type SlotVersionRef = { number: number; versionId: string | null; addedAt: Date };

export type TextVersion = SlotVersionRef & { text: string };

/** The slots matching `where`, each with its text history, oldest first. */
export async function loadSlotHistories(
  db: Db,
  where: Prisma.ReportSlotWhereInput,
): Promise<{ id: string; cardId: string; slot: "MORNING" | "NOON" | "EVENING"; submittedAt: Date; versions: TextVersion[] }[]> {
  const [slots, revisions] = await Promise.all([
    db.reportSlot.findMany({ where, select: { id: true, cardId: true, slot: true, text: true, submittedAt: true } }),
    db.reportRevision.findMany({ where: { slot: where }, select: { slotId: true, number: true, createdAt: true, snapshot: true } }),
  ]);
  const bySlot = new Map<string, typeof revisions>();
  for (const r of revisions) {
    const list = bySlot.get(r.slotId) ?? [];
    list.push(r);
    bySlot.set(r.slotId, list);
  }
  return slots.map((s) => {
    const corrections = (bySlot.get(s.id) ?? []).sort((a, b) => a.number - b.number);
    // Correction n keeps the state before it: the text of version n, shown from the previous save.
    const versions: TextVersion[] = corrections.map((c, i) => ({
      number: i + 1,
      versionId: null,
      addedAt: i === 0 ? s.submittedAt : corrections[i - 1].createdAt,
      text: snapshotText(c.snapshot),
    }));
    versions.push({ number: corrections.length + 1, versionId: null, addedAt: corrections.at(-1)?.createdAt ?? s.submittedAt, text: s.text });
    return { id: s.id, cardId: s.cardId, slot: s.slot, submittedAt: s.submittedAt, versions };
  });
}

function snapshotText(snapshot: string): string {
  try {
    const text = (JSON.parse(snapshot) as { text?: unknown }).text;
    return typeof text === "string" ? text : "";
  } catch {
    return "";
  }
}

/** The version that was current at `at` (the one a photo added then belongs to). */
export function versionAt<V extends SlotVersionRef>(history: readonly V[], at: Date): V | null {
  let found: V | null = null;
  for (const v of history) if (v.addedAt.getTime() <= at.getTime()) found = v;
  return found ?? history[0] ?? null;
}
