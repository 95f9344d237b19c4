/**
 * Copied text (pure): a report whose wording is a near-duplicate of an earlier
 * report — another unit's, or the unit's own from another day.
 *
 * "Earlier" is by the time the text was added (issue 10): each version of a
 * slot is a text of its own, dated by its version; a slot's current text
 * dates from the first version that already said the same (textFirstAdded),
 * so an edit that copies is judged at the edit, while the original author's
 * own later touch-ups keep the time the text was first theirs.
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
  /** at most this many other matches are listed beside the original */
  maxOthers: 10,
};

export type CopiedTextRules = typeof COPIED_TEXT_RULES;

export type TextReport = {
  slotId: string;
  cardId: string;
  unitId: string;
  unitName: string;
  date: string;
  slot: SlotKind;
  /** the slot's version this text is (1 = as first submitted) and its id where versions are stored */
  version: number;
  versionId: string | null;
  /** when this text was added to its slot: its version's time */
  addedAt: Date;
  text: string;
  /** titles of the items on the report's card */
  itemTexts: string[];
};

export type ShingledReport = TextReport & { shingles: Set<string>; itemShingles: Set<string> };

/** How many units use each shingle in a corpus (the window's reports). */
export type PhrasingStats = { units: number; unitsUsing: Map<string, number> };

/** An earlier slot whose wording the subject repeats, by its first version that said it. */
export type CopiedTextFinding = {
  relatedSlotId: string;
  version: number;
  versionId: string | null;
  addedAt: Date;
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

/**
 * Earlier slots (of any unit) whose wording the subject repeats, earliest
 * first: the first is the original, the rest are listed beside it. `earlier`
 * holds every version of the window's slots; each slot counts once, by its
 * earliest version that matches and was added before the subject's text.
 */
export function detectCopiedText(
  subject: ShingledReport,
  earlier: readonly ShingledReport[],
  stats: PhrasingStats,
  rules: CopiedTextRules = COPIED_TEXT_RULES,
): CopiedTextFinding[] {
  const minMass = rules.minShingles * Math.log(stats.units + 1);
  if (mass(stats, subject.shingles) < minMass) return [];
  const bySlot = new Map<string, CopiedTextFinding>();
  for (const other of earlier) {
    if (other.cardId === subject.cardId || other.addedAt.getTime() >= subject.addedAt.getTime()) continue;
    const known = bySlot.get(other.slotId);
    if (known && known.addedAt.getTime() <= other.addedAt.getTime()) continue;
    const match = compareTexts(subject, other, stats, rules);
    if (!match) continue;
    bySlot.set(other.slotId, {
      relatedSlotId: other.slotId,
      version: other.version,
      versionId: other.versionId,
      addedAt: other.addedAt,
      sameUnit: other.unitId === subject.unitId,
      ...match,
    });
  }
  return [...bySlot.values()].sort(
    (a, b) => a.addedAt.getTime() - b.addedAt.getTime() || b.similarity - a.similarity || (a.relatedSlotId < b.relatedSlotId ? -1 : 1),
  );
}

/**
 * What two texts share, weighed from the subject's side, if that alone does
 * not rule the pair out: the subject's wording (its unit's item titles left
 * out against its own unit's reports) must be distinctive enough, and the
 * shared part must weigh at least the threshold's share of it (similarity ≤
 * shared / mine). Needs the weights of the subject's phrases only.
 */
function sharedWording(subject: ShingledReport, other: ShingledReport, stats: PhrasingStats, rules: CopiedTextRules) {
  const rare = Math.log(stats.units + 1);
  const minMass = rules.minShingles * rare;
  const sameUnit = other.unitId === subject.unitId;
  let mine: ReadonlySet<string> = subject.shingles;
  let theirs: ReadonlySet<string> = other.shingles;
  if (sameUnit) {
    mine = without(without(mine, subject.itemShingles), other.itemShingles);
    theirs = without(without(theirs, subject.itemShingles), other.itemShingles);
  }
  const mineMass = mass(stats, mine);
  if (mineMass < minMass) return null;
  let sharedMass = 0;
  const shared = new Set<string>();
  for (const s of mine) {
    if (!theirs.has(s)) continue;
    const w = shingleWeight(stats, s);
    sharedMass += w;
    if (w >= rare / 2) shared.add(s);
  }
  if (sharedMass < rules.threshold * mineMass) return null;
  return { theirs, mineMass, sharedMass, shared, minMass };
}

/** Whether `other` can reach the threshold against the subject: a necessary test that weighs the subject's phrases only (text-index.ts). */
export function mayBeCopied(subject: ShingledReport, other: ShingledReport, stats: PhrasingStats, rules: CopiedTextRules = COPIED_TEXT_RULES): boolean {
  return sharedWording(subject, other, stats, rules) !== null;
}

/**
 * The subject's phrases of which every text of another unit reaching the
 * threshold shares at least one (a prefix filter): its rarest phrases, taken
 * until the rest weighs less than the threshold's share of the whole — a text
 * sharing none of them shares less than that, and is below the threshold.
 * Empty when the subject is too generic to be judged at all. (Against the
 * unit's own reports item titles are left out, so this bound is for other units.)
 */
export function phrasesAnyMatchShares(subject: ShingledReport, stats: PhrasingStats, rules: CopiedTextRules = COPIED_TEXT_RULES): string[] {
  const weighed = [...subject.shingles].map((s) => ({ s, w: shingleWeight(stats, s) })).sort((a, b) => b.w - a.w || (a.s < b.s ? -1 : 1));
  const total = weighed.reduce((sum, x) => sum + x.w, 0);
  if (total < rules.minShingles * Math.log(stats.units + 1)) return [];
  // A hair under the bound, so that rounding in the sums can only take one phrase more.
  const bound = rules.threshold * total * (1 - 1e-9);
  const out: string[] = [];
  let rest = total;
  for (const { s, w } of weighed) {
    if (rest < bound) break;
    out.push(s);
    rest -= w;
  }
  return out;
}

/** The weighted Jaccard index of two texts, if at or above the threshold (else null). */
function compareTexts(
  subject: ShingledReport,
  other: ShingledReport,
  stats: PhrasingStats,
  rules: CopiedTextRules,
): { similarity: number; shared: Set<string> } | null {
  const part = sharedWording(subject, other, stats, rules);
  if (!part) return null;
  const theirsMass = mass(stats, part.theirs);
  if (theirsMass < part.minMass) return null;
  const similarity = part.sharedMass / (part.mineMass + theirsMass - part.sharedMass);
  return similarity >= rules.threshold ? { similarity, shared: part.shared } : null;
}

/**
 * The version in which a slot's current text first appeared: the earliest of
 * its versions (oldest first, the current one last) that already says the
 * same — a touch-up keeps the text's first time, a rewrite starts a new one.
 */
export function textFirstAdded(versions: readonly ShingledReport[], stats: PhrasingStats, rules: CopiedTextRules = COPIED_TEXT_RULES): ShingledReport {
  const current = versions[versions.length - 1];
  for (const version of versions) {
    if (version === current) break;
    if (weightedJaccard(version.shingles, current.shingles, stats) >= rules.threshold) return version;
  }
  return current;
}

function weightedJaccard(a: ReadonlySet<string>, b: ReadonlySet<string>, stats: PhrasingStats): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared += shingleWeight(stats, s);
  const union = mass(stats, a) + mass(stats, b) - shared;
  return union > 0 ? shared / union : 1;
}
