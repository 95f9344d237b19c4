/**
 * Copied text (pure): a report whose wording is a near-duplicate of an earlier
 * report — another unit's, or the unit's own from another day.
 *
 * Reports are built from task lists and stock phrases, so similar wording is
 * normal; three rules keep that from raising flags:
 * - stock phrasing counts for little: each shingle is weighted by how few
 *   units use it in the window (w = ln((U+1)/units using it), an IDF over
 *   units), and similarity is the weighted Jaccard index — a phrase every unit
 *   writes weighs almost nothing, a passage only two units share weighs most;
 * - against the unit's own earlier reports, the titles of the items on either
 *   card (carried-over items, the unit's recurring task items) are ignored:
 *   they recur from day to day by design;
 * - a text with less distinctive content than `minShingles` shingles that no
 *   other unit uses is too short or too generic to judge, and is never flagged.
 */
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { shinglesOf, without } from "@/lib/supervision/text-similarity";

export const COPIED_TEXT_RULES = {
  /** weighted Jaccard index at or above which a pair is flagged (bench/anomaly-accuracy.ts) */
  threshold: 0.45,
  /** distinctive content a text needs to be judged: this many shingles' worth of unit-unique wording */
  minShingles: 24,
  /** how far back earlier reports are compared */
  windowDays: 60,
  /** at most this many flags per report (the closest matches) */
  maxFindings: 3,
};

export type CopiedTextRules = typeof COPIED_TEXT_RULES;

export type TextReport = {
  slotId: string;
  cardId: string;
  unitId: string;
  unitName: string;
  date: string;
  slot: SlotKind;
  submittedAt: Date;
  text: string;
  /** titles of the items on the report's card */
  itemTexts: string[];
};

export type ShingledReport = TextReport & { shingles: Set<string>; itemShingles: Set<string> };

/** How many units use each shingle in a corpus (the window's reports). */
export type PhrasingStats = { units: number; unitsUsing: Map<string, number> };

export type CopiedTextFinding = {
  relatedSlotId: string;
  similarity: number;
  sameUnit: boolean;
  /** the shared shingles that are not stock phrasing (for highlighting) */
  shared: Set<string>;
};

export function shingleReport(report: TextReport): ShingledReport {
  const itemShingles = new Set<string>();
  for (const item of report.itemTexts) for (const s of shinglesOf(item)) itemShingles.add(s);
  return { ...report, shingles: shinglesOf(report.text, [report.unitName]), itemShingles };
}

export function phrasingStats(corpus: readonly ShingledReport[]): PhrasingStats {
  const seen = new Map<string, string | Set<string>>();
  const units = new Set<string>();
  for (const r of corpus) {
    units.add(r.unitId);
    for (const s of r.shingles) {
      const by = seen.get(s);
      if (by === undefined) seen.set(s, r.unitId);
      else if (typeof by === "string") {
        if (by !== r.unitId) seen.set(s, new Set([by, r.unitId]));
      } else by.add(r.unitId);
    }
  }
  const unitsUsing = new Map<string, number>();
  for (const [s, by] of seen) unitsUsing.set(s, typeof by === "string" ? 1 : by.size);
  return { units: units.size, unitsUsing };
}

/** A shingle's weight: ln((U+1)/u) for a shingle u of the U units use. */
export function shingleWeight(stats: PhrasingStats, shingle: string): number {
  return Math.log((stats.units + 1) / Math.max(1, stats.unitsUsing.get(shingle) ?? 1));
}

function mass(stats: PhrasingStats, shingles: ReadonlySet<string>): number {
  let total = 0;
  for (const s of shingles) total += shingleWeight(stats, s);
  return total;
}

/** Earlier reports (of any unit) whose wording the subject repeats. */
export function detectCopiedText(
  subject: ShingledReport,
  earlier: readonly ShingledReport[],
  stats: PhrasingStats,
  rules: CopiedTextRules = COPIED_TEXT_RULES,
): CopiedTextFinding[] {
  const rare = Math.log(stats.units + 1);
  const minMass = rules.minShingles * rare;
  const subjectMass = mass(stats, subject.shingles);
  if (subjectMass < minMass) return [];
  const findings: CopiedTextFinding[] = [];
  for (const other of earlier) {
    if (other.cardId === subject.cardId || other.submittedAt.getTime() >= subject.submittedAt.getTime()) continue;
    const sameUnit = other.unitId === subject.unitId;
    let mine: ReadonlySet<string> = subject.shingles;
    let theirs: ReadonlySet<string> = other.shingles;
    let mineMass = subjectMass;
    if (sameUnit) {
      mine = without(without(mine, subject.itemShingles), other.itemShingles);
      theirs = without(without(theirs, subject.itemShingles), other.itemShingles);
      mineMass = mass(stats, mine);
      if (mineMass < minMass) continue;
    }
    // Cheap reject before weighing the other text: nothing rare in common.
    let sharedMass = 0;
    const shared = new Set<string>();
    for (const s of mine) {
      if (!theirs.has(s)) continue;
      const w = shingleWeight(stats, s);
      sharedMass += w;
      if (w >= rare / 2) shared.add(s);
    }
    // similarity ≤ shared / mine, so below the threshold already.
    if (sharedMass < rules.threshold * mineMass) continue;
    const theirsMass = mass(stats, theirs);
    if (theirsMass < minMass) continue;
    const similarity = sharedMass / (mineMass + theirsMass - sharedMass);
    if (similarity >= rules.threshold) findings.push({ relatedSlotId: other.slotId, similarity, sameUnit, shared });
  }
  return findings.sort((a, b) => b.similarity - a.similarity).slice(0, rules.maxFindings);
}
