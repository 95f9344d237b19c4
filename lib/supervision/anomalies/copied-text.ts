/**
 * Copied text (pure): a report whose distinctive wording is a near-duplicate
 * of an earlier report — another unit's, or the unit's own from another day.
 *
 * Reports are built from task lists and stock phrases, so similar wording is
 * normal; three rules keep that from raising flags:
 * - common phrasing is ignored: a shingle that at least `commonUnits` units
 *   used in the window is stock language, not content;
 * - against the unit's own earlier reports, the titles of the items on either
 *   card (carried-over items, the unit's recurring task items) are ignored:
 *   they recur from day to day by design;
 * - a text with fewer than `minShingles` distinctive shingles left is too
 *   short or too generic to judge, and is never flagged.
 */
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { commonShingles, intersect, jaccard, shinglesOf, without } from "@/lib/supervision/text-similarity";

export const COPIED_TEXT_RULES = {
  /** Jaccard index of the distinctive shingles at or above which a pair is flagged */
  threshold: 0.5,
  /** distinctive shingles a text needs to be judged at all */
  minShingles: 24,
  /** a shingle used by this many units is stock phrasing */
  commonUnits: 5,
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

export type CopiedTextFinding = {
  relatedSlotId: string;
  similarity: number;
  sameUnit: boolean;
  /** the distinctive shingles both texts share (for highlighting) */
  shared: Set<string>;
};

export function shingleReport(report: TextReport): ShingledReport {
  const itemShingles = new Set<string>();
  for (const item of report.itemTexts) for (const s of shinglesOf(item)) itemShingles.add(s);
  return { ...report, shingles: shinglesOf(report.text, [report.unitName]), itemShingles };
}

/** The stock phrasing of a corpus: shingles used by `rules.commonUnits` units or more. */
export function stockPhrasing(corpus: readonly ShingledReport[], rules: CopiedTextRules = COPIED_TEXT_RULES): Set<string> {
  return commonShingles(
    corpus.map((r) => ({ group: r.unitId, shingles: r.shingles })),
    rules.commonUnits,
  );
}

/** Earlier reports (of any unit) whose distinctive wording the subject repeats. */
export function detectCopiedText(
  subject: ShingledReport,
  earlier: readonly ShingledReport[],
  common: ReadonlySet<string>,
  rules: CopiedTextRules = COPIED_TEXT_RULES,
): CopiedTextFinding[] {
  const distinctive = without(subject.shingles, common);
  if (distinctive.size < rules.minShingles) return [];
  const findings: CopiedTextFinding[] = [];
  for (const other of earlier) {
    if (other.cardId === subject.cardId || other.submittedAt.getTime() >= subject.submittedAt.getTime()) continue;
    const sameUnit = other.unitId === subject.unitId;
    let mine = distinctive;
    let theirs = without(other.shingles, common);
    if (sameUnit) {
      mine = without(without(mine, subject.itemShingles), other.itemShingles);
      theirs = without(without(theirs, subject.itemShingles), other.itemShingles);
    }
    if (mine.size < rules.minShingles || theirs.size < rules.minShingles) continue;
    const similarity = jaccard(mine, theirs);
    if (similarity >= rules.threshold) findings.push({ relatedSlotId: other.slotId, similarity, sameUnit, shared: intersect(mine, theirs) });
  }
  return findings.sort((a, b) => b.similarity - a.similarity).slice(0, rules.maxFindings);
}
