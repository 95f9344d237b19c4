/**
 * Spot-check sampling (pure): a reproducible draw of reports to verify.
 *
 * The same candidates, parameters and seed always give the same sample, so a
 * draw can be re-run and audited (SpotCheckDraw keeps params and seed). The
 * candidates are put in a canonical order first, so the order a query returns
 * them in does not matter.
 *
 * Random mode is stratified by kind of unit × slot: each stratum contributes
 * its proportional share (largest-remainder rounding, so no stratum is off by
 * a whole report). Risk mode keeps a purely random, stratified share and draws
 * the rest weighted towards reports with open anomaly flags.
 */
import crypto from "node:crypto";
import type { SlotKind, UnitKind } from "@/lib/generated/prisma/enums";

export type SampleCandidate = {
  slotId: string;
  unitKind: UnitKind;
  slot: SlotKind;
  date: string;
  /** open anomaly flags on the report at the time of the draw */
  openFlags: number;
};

export type DrawSize = { by: "SHARE"; share: number } | { by: "COUNT"; count: number };

export type DrawParams = {
  mode: "RANDOM" | "RISK";
  size: DrawSize;
  slots: SlotKind[];
  unitKinds: UnitKind[];
  /** district dates, both included */
  from: string;
  to: string;
  /** risk mode: the share of the sample drawn purely at random */
  randomShare: number;
};

export type DrawnReport = { slotId: string; via: "RANDOM" | "RISK" };

/** In risk mode each open flag (up to 3) adds this much to a report's weight of 1. */
export const RISK_WEIGHT_PER_FLAG = 200;
const MAX_COUNTED_FLAGS = 3;

/** A small, fast PRNG (xoshiro128**) seeded from the SHA-256 of the seed text. */
export function seededRandom(seed: string): () => number {
  const digest = crypto.createHash("sha256").update(seed, "utf8").digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The reports the parameters allow, in canonical order. */
export function eligibleCandidates(candidates: readonly SampleCandidate[], params: DrawParams): SampleCandidate[] {
  return candidates
    .filter((c) => params.slots.includes(c.slot) && params.unitKinds.includes(c.unitKind) && c.date >= params.from && c.date <= params.to)
    .sort((x, y) => (x.slotId < y.slotId ? -1 : x.slotId > y.slotId ? 1 : 0));
}

/** How many reports a draw takes from `available`. */
export function sampleSize(size: DrawSize, available: number): number {
  if (available === 0) return 0;
  if (size.by === "COUNT") return Math.min(available, Math.max(0, Math.floor(size.count)));
  return Math.min(available, Math.round(Math.max(0, Math.min(1, size.share)) * available));
}

/** Splits `total` across groups in proportion to their sizes; no group is off by one or more. */
export function allocate(sizes: readonly number[], total: number): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (sum === 0 || total <= 0) return sizes.map(() => 0);
  if (total >= sum) return sizes.slice();
  const quotas = sizes.map((s) => (s * total) / sum);
  const counts = quotas.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  // Largest remainders first; ties to the earlier group, so the split is deterministic.
  const order = quotas.map((q, i) => ({ i, r: q - Math.floor(q) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (counts[i] < sizes[i]) {
      counts[i]++;
      left--;
    }
  }
  return counts;
}

function strataOf(pool: readonly SampleCandidate[]): SampleCandidate[][] {
  const byKey = new Map<string, SampleCandidate[]>();
  for (const c of pool) {
    const key = `${c.unitKind}|${c.slot}`;
    const list = byKey.get(key) ?? [];
    list.push(c);
    byKey.set(key, list);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, list]) => list);
}

/** `k` of `items`, uniformly, by a partial Fisher–Yates shuffle. */
function pickUniform<T>(items: readonly T[], k: number, random: () => number): T[] {
  const out = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (out.length - i));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.slice(0, k);
}

function stratifiedPick(pool: readonly SampleCandidate[], total: number, random: () => number): SampleCandidate[] {
  const strata = strataOf(pool);
  const counts = allocate(
    strata.map((s) => s.length),
    total,
  );
  return strata.flatMap((stratum, i) => pickUniform(stratum, counts[i], random));
}

/** Weighted sampling without replacement (Efraimidis–Spirakis: the top keys u^(1/w)). */
function weightedPick(pool: readonly SampleCandidate[], k: number, random: () => number): SampleCandidate[] {
  return pool
    .map((c) => ({ c, key: Math.pow(random(), 1 / (1 + RISK_WEIGHT_PER_FLAG * Math.min(MAX_COUNTED_FLAGS, c.openFlags))) }))
    .sort((x, y) => y.key - x.key)
    .slice(0, k)
    .map((x) => x.c);
}

export function drawSample(candidates: readonly SampleCandidate[], params: DrawParams, seed: string): DrawnReport[] {
  const pool = eligibleCandidates(candidates, params);
  const n = sampleSize(params.size, pool.length);
  const random = seededRandom(seed);
  if (params.mode === "RANDOM") return stratifiedPick(pool, n, random).map((c) => ({ slotId: c.slotId, via: "RANDOM" }));
  const nRandom = Math.round(n * Math.max(0, Math.min(1, params.randomShare)));
  const randomPart = stratifiedPick(pool, nRandom, random);
  const taken = new Set(randomPart.map((c) => c.slotId));
  const riskPart = weightedPick(
    pool.filter((c) => !taken.has(c.slotId)),
    n - nRandom,
    random,
  );
  return [...randomPart.map((c) => ({ slotId: c.slotId, via: "RANDOM" as const })), ...riskPart.map((c) => ({ slotId: c.slotId, via: "RISK" as const }))];
}

/** A fresh seed for a draw: short enough to read out, long enough not to be guessed. */
export function newSeed(): string {
  return crypto.randomBytes(6).toString("hex");
}
