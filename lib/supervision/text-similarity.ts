/**
 * Text similarity for Chinese reports (pure), shared by the copied-text
 * anomaly check and the bulletin draft's merging of near-duplicates.
 *
 * Chinese has no spaces, so a text is compared as the set of its overlapping
 * character k-grams ("shingles") after normalisation (full-width → half-width,
 * punctuation and spaces dropped, unit names removed so that swapping the name
 * does not hide a copy). Similarity is the Jaccard index of two shingle sets.
 */

/** Characters per shingle: 4 keeps common two-character words from matching by chance. */
export const SHINGLE_SIZE = 4;

type PreparedText = {
  /** kept characters, normalised */
  chars: string[];
  /** for each kept character, its index in the original text (for highlighting) */
  index: number[];
};

const KEEP = /[\p{L}\p{N}]/u;

/** Normalises a text for comparison; `strip` (e.g. unit names) is removed first. */
function prepareText(text: string, strip: readonly string[] = []): PreparedText {
  const removed = new Uint8Array(text.length);
  for (const name of strip) {
    if (!name) continue;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) removed.fill(1, at, at + name.length);
  }
  const chars: string[] = [];
  const index: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (removed[i]) continue;
    const normalised = text[i].normalize("NFKC").toLowerCase();
    if (normalised.length === 1 && KEEP.test(normalised)) {
      chars.push(normalised);
      index.push(i);
    }
  }
  return { chars, index };
}

const DROP = /[^\p{L}\p{N}]/gu;

/**
 * The normalised text as one string: the fast path for comparing many texts
 * (prepareText keeps the positions too, for highlighting one pair).
 */
export function normalizeText(text: string, strip: readonly string[] = []): string {
  let out = text;
  for (const name of strip) if (name) out = out.split(name).join(" ");
  return out.normalize("NFKC").toLowerCase().replace(DROP, "");
}

/** Shingles of a raw text (normalised, `strip` removed). */
export function shinglesOf(text: string, strip: readonly string[] = [], k = SHINGLE_SIZE): Set<string> {
  const chars = Array.from(normalizeText(text, strip));
  const out = new Set<string>();
  if (chars.length < k) return out;
  let window = chars.slice(0, k).join("");
  out.add(window);
  for (let i = k; i < chars.length; i++) {
    window = window.slice(chars[i - k].length) + chars[i];
    out.add(window);
  }
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

export function without(a: ReadonlySet<string>, remove: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const s of a) if (!remove.has(s)) out.add(s);
  return out;
}

/** [start, end) ranges of the original text covered by the given shingles, merged. */
export function highlightRanges(text: string, shingles: ReadonlySet<string>, strip: readonly string[] = [], k = SHINGLE_SIZE): [number, number][] {
  const prepared = prepareText(text, strip);
  const covered = new Uint8Array(text.length);
  for (let i = 0; i + k <= prepared.chars.length; i++) {
    if (!shingles.has(prepared.chars.slice(i, i + k).join(""))) continue;
    covered.fill(1, prepared.index[i], prepared.index[i + k - 1] + 1);
  }
  const ranges: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    if (!covered[i]) continue;
    const last = ranges[ranges.length - 1];
    // Punctuation between two covered stretches belongs to the same passage.
    if (last && (last[1] === i || (i - last[1] <= 2 && !KEEP.test(text.slice(last[1], i))))) last[1] = i + 1;
    else ranges.push([i, i + 1]);
  }
  return ranges;
}
