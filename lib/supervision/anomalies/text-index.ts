/**
 * The copied-text check at city scale (issue 18, item 4): an index so that a
 * check does not read the window's reports.
 *
 * The index (TextPhraseUnit) holds, for each 4-character phrase (shingle) and
 * each unit that wrote it, the latest card date on which it did. That is all
 * the weighted comparison needs besides the texts compared:
 *
 * - a phrase's weight, ln((U+1)/u), counts the units using it in the window:
 *   u = its rows with lastDate ≥ the window's first day, U = the rows of the
 *   empty phrase "" (every unit that wrote a text) — the same numbers the
 *   linear scan counted over every report of the window;
 * - which units can have written a match (a prefix filter): a text reaching
 *   the threshold shares at least a threshold's share of the subject's weight,
 *   so it shares at least one of the subject's rarest phrases taken until the
 *   rest weighs less than that (copied-text.ts, phrasesAnyMatchShares). Only
 *   the units using one of those are read, with the subject's own unit (whose
 *   item titles are left out of the comparison, so the bound does not hold for
 *   it); stock phrases every unit writes weigh little and fall outside the prefix.
 *
 * The candidates' texts are then compared exactly as before (detectCopiedText),
 * after a cheap necessary test on the subject's weights alone, so the flags
 * are the linear scan's (copied-text-index.integration.test.ts checks this).
 *
 * Written in the transaction of every saved version (lib/reports/versions.ts),
 * so it is never stale; rows written before it (or by the seed) are indexed by
 * the data migration and rebuildTextIndex. A unit renamed after writing keeps
 * its old name's phrases in the index until the next rebuild (the name is
 * stripped from its texts before shingling).
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import {
  COPIED_TEXT_RULES,
  detectCopiedText,
  mayBeCopied,
  phrasesAnyMatchShares,
  phrasingStats,
  shingleReport,
  textFirstAdded,
  type CopiedTextFinding,
  type PhrasingStats,
  type ShingledReport,
} from "@/lib/supervision/anomalies/copied-text";
import { loadSlotHistories, type TextVersion } from "@/lib/supervision/anomalies/slot-history";
import { shinglesOf } from "@/lib/supervision/text-similarity";
import { addDays } from "@/lib/time";
import { UNIT_CARD, unitIdOf } from "@/lib/reports/card-owner";
import { chunks } from "@/lib/chunks";

type Tx = Prisma.TransactionClient;
type Client = Db | Tx;

/** The index's row for "this unit wrote a text" (no real shingle is empty). */
export const ANY_TEXT = "";

// ── Writing ─────────────────────────────────────────────────────────────────

/** The phrases a unit's text adds to the index. */
export function indexedPhrases(text: string, unitName: string): string[] {
  return text ? [ANY_TEXT, ...shinglesOf(text, [unitName])] : [];
}

/**
 * Records that a unit used these phrases on (at the latest) the given dates.
 * A save adds its new phrases one by one as upserts (two saves of one unit at
 * the same moment may add the same phrase: an insert would fail the second);
 * the rebuild, alone in its transaction, adds them in bulk.
 */
async function writePhrases(tx: Tx, unitId: string, lastDates: Map<string, string>, bulk = false): Promise<void> {
  for (const part of chunks([...lastDates.keys()])) {
    const known = await tx.textPhraseUnit.findMany({ where: { unitId, shingle: { in: part } }, select: { shingle: true, lastDate: true } });
    const seen = new Map(known.map((k) => [k.shingle, k.lastDate]));
    const fresh = part.filter((s) => !seen.has(s));
    if (bulk && fresh.length > 0)
      await tx.textPhraseUnit.createMany({ data: fresh.map((shingle) => ({ shingle, unitId, lastDate: lastDates.get(shingle)! })) });
    else
      for (const shingle of fresh) {
        const lastDate = lastDates.get(shingle)!;
        await tx.textPhraseUnit.upsert({ where: { shingle_unitId: { shingle, unitId } }, create: { shingle, unitId, lastDate }, update: {} });
        seen.set(shingle, "");
      }
    // Dates only move forward; grouped by date, so a page of the rebuild updates in a few statements.
    const later = new Map<string, string[]>();
    for (const [shingle, before] of seen) {
      const date = lastDates.get(shingle)!;
      if (date > before) later.set(date, [...(later.get(date) ?? []), shingle]);
    }
    for (const [date, shingles] of later)
      await tx.textPhraseUnit.updateMany({ where: { unitId, shingle: { in: shingles }, lastDate: { lt: date } }, data: { lastDate: date } });
  }
}

/** Indexes a slot's text as just saved (inside the saving transaction). */
export async function indexSlotText(tx: Tx, slotId: string, text: string): Promise<void> {
  if (!text) return;
  const slot = await tx.reportSlot.findUniqueOrThrow({
    where: { id: slotId },
    select: { card: { select: { unitId: true, date: true, unit: { select: { name: true } } } } },
  });
  const { unitId, date, unit } = slot.card;
  // A leader's own card is never a source of copied-text evidence.
  if (unitId === null || unit === null) return;
  await writePhrases(tx, unitId, new Map(indexedPhrases(text, unit.name).map((s) => [s, date])));
}

/**
 * Indexes every text of every slot (each version, and a slot's own text where
 * it has none yet), `pageSize` cards at a time. Idempotent: a phrase already
 * indexed only moves its date forward. The data migration and the seed (which
 * writes its slots directly) run it.
 */
export async function rebuildTextIndex(tx: Tx, pageSize = 500): Promise<number> {
  const unitNames = new Map((await tx.unit.findMany({ select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  let after: string | undefined;
  let texts = 0;
  for (;;) {
    const cards = await tx.reportCard.findMany({
      where: after ? { id: { gt: after }, ...UNIT_CARD } : UNIT_CARD,
      orderBy: { id: "asc" },
      take: pageSize,
      select: { id: true, unitId: true, date: true },
    });
    if (cards.length === 0) return texts;
    after = cards[cards.length - 1].id;
    const cardOf = new Map(cards.map((c) => [c.id, c]));
    const byUnit = new Map<string, Map<string, string>>();
    for (const slot of await loadSlotHistories(tx as Db, { cardId: { in: cards.map((c) => c.id) } })) {
      const card = cardOf.get(slot.cardId)!;
      const unitId = unitIdOf(card);
      const dates = byUnit.get(unitId) ?? new Map<string, string>();
      byUnit.set(unitId, dates);
      for (const v of slot.versions) {
        if (!v.text) continue;
        texts++;
        for (const s of indexedPhrases(v.text, unitNames.get(unitId) ?? "")) if ((dates.get(s) ?? "") < card.date) dates.set(s, card.date);
      }
    }
    for (const [unitId, dates] of byUnit) await writePhrases(tx, unitId, dates, true);
  }
}

// ── Reading ─────────────────────────────────────────────────────────────────

/** What a slot is, for naming it in evidence. */
export type SlotMeta = { unitId: string; date: string; slot: SlotKind; submittedAt: Date };

/** A slot to check: its id, its card and the text it shows now. */
export type TextSubject = { id: string; cardId: string; unitId: string; date: string; text: string };

export type TextCheck = { text: ShingledReport; matches: CopiedTextFinding[] } | null;

export type TextLookup = {
  check: TextCheck;
  /** every version of each slot read, oldest first (for the evidence) */
  versions: Map<string, ShingledReport[]>;
  slots: Map<string, SlotMeta>;
  /** how many texts were read, and how many were compared exactly */
  read: number;
  compared: number;
};

/** How many units use each phrase in the window that starts on `from` ("" → every unit that wrote). */
async function unitCounts(db: Client, shingles: Iterable<string>, from: string, into = new Map<string, number>()): Promise<Map<string, number>> {
  const wanted = [...new Set(shingles)].filter((s) => !into.has(s));
  for (const part of chunks(wanted)) {
    const rows = await db.textPhraseUnit.groupBy({ by: ["shingle"], where: { shingle: { in: part }, lastDate: { gte: from } }, _count: { _all: true } });
    for (const r of rows) into.set(r.shingle, r._count._all);
  }
  return into;
}

const statsOf = (counts: Map<string, number>): PhrasingStats => ({ units: counts.get(ANY_TEXT) ?? 0, unitsUsing: counts });

/**
 * Every version of every slot on the cards of the window (from `from` on) of
 * the given units (all units: null), shingled at its version's time. Item
 * titles matter only against the unit's own reports: only `itemsOf`'s are read.
 */
export async function loadWindowTexts(
  db: Db,
  args: { from: string; unitIds: string[] | null; itemsOf: string; unitNames: Map<string, string> },
): Promise<{ reports: ShingledReport[]; slots: Map<string, SlotMeta> }> {
  // Units' cards only: a leader's own card is never checked nor a source of evidence.
  const cardWhere = { date: { gte: args.from }, ...(args.unitIds ? { unitId: { in: args.unitIds } } : UNIT_CARD) };
  const [cards, histories, items] = await Promise.all([
    db.reportCard.findMany({ where: cardWhere, select: { id: true, unitId: true, date: true } }),
    loadSlotHistories(db, { card: cardWhere }),
    db.reportItem.findMany({ where: { card: { date: { gte: args.from }, unitId: args.itemsOf } }, select: { cardId: true, text: true } }),
  ]);
  const cardById = new Map(cards.map((c) => [c.id, c]));
  const itemsByCard = new Map<string, string[]>();
  for (const item of items) itemsByCard.set(item.cardId, [...(itemsByCard.get(item.cardId) ?? []), item.text]);
  const reports: ShingledReport[] = [];
  const slots = new Map<string, SlotMeta>();
  for (const s of histories) {
    const card = cardById.get(s.cardId);
    if (!card) continue;
    const unitId = unitIdOf(card);
    slots.set(s.id, { unitId, date: card.date, slot: s.slot, submittedAt: s.submittedAt });
    for (const v of s.versions) {
      if (!v.text) continue;
      reports.push(
        textReport(
          { id: s.id, cardId: card.id, slot: s.slot },
          { unitId, date: card.date },
          args.unitNames.get(unitId) ?? "",
          v,
          itemsByCard.get(card.id) ?? [],
        ),
      );
    }
  }
  return { reports, slots };
}

function textReport(
  slot: { id: string; cardId: string; slot: SlotKind },
  card: { unitId: string; date: string },
  unitName: string,
  v: TextVersion,
  itemTexts: string[],
): ShingledReport {
  return shingleReport({
    slotId: slot.id,
    cardId: slot.cardId,
    unitId: card.unitId,
    unitName,
    date: card.date,
    slot: slot.slot,
    version: v.number,
    versionId: v.versionId,
    addedAt: v.addedAt,
    text: v.text,
    itemTexts,
  });
}

function versionsBySlot(reports: readonly ShingledReport[]): Map<string, ShingledReport[]> {
  const out = new Map<string, ShingledReport[]>();
  for (const r of reports) out.set(r.slotId, [...(out.get(r.slotId) ?? []), r]);
  return out;
}

/** The subject's current text dated by its first version that said it, if the versions end with what the slot shows. */
function subjectText(subject: TextSubject, versions: ShingledReport[] | undefined, stats: PhrasingStats): ShingledReport | null {
  if (!versions || versions[versions.length - 1].text !== subject.text) return null;
  const first = textFirstAdded(versions, stats);
  return { ...versions[versions.length - 1], version: first.version, versionId: first.versionId, addedAt: first.addedAt };
}

/** The copied-text check of one slot through the index. */
export async function copiedTextByIndex(db: Db, subject: TextSubject, unitNames: Map<string, string>): Promise<TextLookup> {
  const from = addDays(subject.date, -COPIED_TEXT_RULES.windowDays);
  // The unit's own window: the subject's versions, and the texts its item titles rule is for.
  const own = await loadWindowTexts(db, { from, unitIds: [subject.unitId], itemsOf: subject.unitId, unitNames });
  const versions = versionsBySlot(own.reports);
  const mine = versions.get(subject.id) ?? [];
  const counts = await unitCounts(db, [ANY_TEXT, ...mine.flatMap((v) => [...v.shingles])], from);
  const text = subjectText(subject, mine, statsOf(counts));
  const lookup = { versions, slots: own.slots, read: own.reports.length, compared: 0 };
  if (!text) return { check: null, ...lookup };

  const prefix = phrasesAnyMatchShares(text, statsOf(counts));
  const others = new Set<string>();
  for (const part of chunks(prefix)) {
    const rows = await db.textPhraseUnit.findMany({
      where: { shingle: { in: part }, lastDate: { gte: from }, unitId: { not: subject.unitId } },
      distinct: ["unitId"],
      select: { unitId: true },
    });
    for (const r of rows) others.add(r.unitId);
  }
  const theirs =
    others.size > 0 ? await loadWindowTexts(db, { from, unitIds: [...others], itemsOf: subject.unitId, unitNames }) : { reports: [], slots: new Map() };
  for (const [id, meta] of theirs.slots) lookup.slots.set(id, meta);
  for (const [id, list] of versionsBySlot(theirs.reports)) versions.set(id, list);
  lookup.read += theirs.reports.length;

  // A necessary test on the subject's weights alone, then the exact comparison with every phrase weighed.
  const window = [...own.reports, ...theirs.reports];
  const candidates = window.filter((r) => r.cardId !== subject.cardId && r.addedAt.getTime() < text.addedAt.getTime() && mayBeCopied(text, r, statsOf(counts)));
  await unitCounts(
    db,
    candidates.flatMap((r) => [...r.shingles]),
    from,
    counts,
  );
  lookup.compared = candidates.length;
  return { check: { text, matches: detectCopiedText(text, candidates, statsOf(counts)) }, ...lookup };
}

/** The same check by reading the whole window (before the index; kept for the tests and the benchmark). */
export async function copiedTextByScan(db: Db, subject: TextSubject, unitNames: Map<string, string>): Promise<TextLookup> {
  const from = addDays(subject.date, -COPIED_TEXT_RULES.windowDays);
  const all = await loadWindowTexts(db, { from, unitIds: null, itemsOf: subject.unitId, unitNames });
  const versions = versionsBySlot(all.reports);
  const stats = phrasingStats(all.reports);
  const text = subjectText(subject, versions.get(subject.id), stats);
  const lookup = { versions, slots: all.slots, read: all.reports.length, compared: all.reports.length };
  return { check: text ? { text, matches: detectCopiedText(text, all.reports, stats) } : null, ...lookup };
}
