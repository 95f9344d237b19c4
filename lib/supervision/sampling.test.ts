import assert from "node:assert/strict";
import { test } from "node:test";
import type { SlotKind, UnitKind } from "@/lib/generated/prisma/enums";
import { allocate, drawSample, eligibleCandidates, sampleSize, seededRandom, type DrawParams, type SampleCandidate } from "@/lib/supervision/sampling";

/** A fortnight of reports: 17 towns and 96 departments, three slots a day. */
function fortnight(flagged: (i: number) => number = () => 0): SampleCandidate[] {
  const out: SampleCandidate[] = [];
  let i = 0;
  for (let day = 1; day <= 14; day++) {
    const date = `2026-11-${String(day).padStart(2, "0")}`;
    for (let unit = 0; unit < 113; unit++) {
      for (const slot of ["MORNING", "NOON", "EVENING"] as SlotKind[]) {
        out.push({ slotId: `s${String(i).padStart(5, "0")}`, unitKind: unit < 17 ? "TOWN" : "DEPARTMENT", slot, date, openFlags: flagged(i) });
        i++;
      }
    }
  }
  return out;
}

const ALL: Pick<DrawParams, "slots" | "unitKinds" | "from" | "to"> = {
  slots: ["MORNING", "NOON", "EVENING"],
  unitKinds: ["TOWN", "DEPARTMENT"],
  from: "2026-11-01",
  to: "2026-11-14",
};

const random = (share: number): DrawParams => ({ mode: "RANDOM", size: { by: "SHARE", share }, randomShare: 1, ...ALL });

function shuffled<T>(items: readonly T[], seed: string): T[] {
  const r = seededRandom(seed);
  return items
    .map((x) => ({ x, k: r() }))
    .sort((a, b) => a.k - b.k)
    .map((e) => e.x);
}

test("the same seed gives the same sample, whatever order the candidates come in", () => {
  const candidates = fortnight();
  const first = drawSample(candidates, random(0.05), "a1b2c3");
  const again = drawSample(shuffled(candidates, "order"), random(0.05), "a1b2c3");
  assert.deepEqual(again, first);
  const other = drawSample(candidates, random(0.05), "ffffff");
  assert.notDeepEqual(
    other.map((d) => d.slotId),
    first.map((d) => d.slotId),
  );
});

test("a share is respected in every stratum (kind of unit × slot)", () => {
  const candidates = fortnight();
  const picked = new Set(drawSample(candidates, random(0.1), "share").map((d) => d.slotId));
  assert.equal(picked.size, Math.round(0.1 * candidates.length));
  for (const kind of ["TOWN", "DEPARTMENT"] as UnitKind[]) {
    for (const slot of ["MORNING", "NOON", "EVENING"] as SlotKind[]) {
      const stratum = candidates.filter((c) => c.unitKind === kind && c.slot === slot);
      const taken = stratum.filter((c) => picked.has(c.slotId)).length;
      assert.ok(Math.abs(taken - 0.1 * stratum.length) < 1, `${kind} ${slot}: ${taken} of ${stratum.length}`);
    }
  }
});

test("filters by slot, kind of unit and date range; a count is a count", () => {
  const candidates = fortnight();
  const params: DrawParams = {
    mode: "RANDOM",
    size: { by: "COUNT", count: 12 },
    randomShare: 1,
    slots: ["EVENING"],
    unitKinds: ["TOWN"],
    from: "2026-11-03",
    to: "2026-11-05",
  };
  const sample = drawSample(candidates, params, "count");
  assert.equal(sample.length, 12);
  const byId = new Map(candidates.map((c) => [c.slotId, c]));
  for (const { slotId } of sample) {
    const c = byId.get(slotId)!;
    assert.equal(c.slot, "EVENING");
    assert.equal(c.unitKind, "TOWN");
    assert.ok(c.date >= "2026-11-03" && c.date <= "2026-11-05");
  }
  assert.equal(eligibleCandidates(candidates, params).length, 17 * 3);
  assert.equal(drawSample(candidates, { ...params, size: { by: "COUNT", count: 500 } }, "all").length, 51, "never more than there are");
});

test("risk mode keeps its purely random share and favours flagged reports in the rest", () => {
  // 1 report in 100 has an open anomaly flag.
  const candidates = fortnight((i) => (i % 100 === 7 ? 1 : 0));
  const flagged = new Set(candidates.filter((c) => c.openFlags > 0).map((c) => c.slotId));
  const params: DrawParams = { ...ALL, mode: "RISK", size: { by: "COUNT", count: 40 }, randomShare: 0.5 };
  const sample = drawSample(candidates, params, "risk");
  assert.equal(sample.length, 40);
  const randomPart = sample.filter((d) => d.via === "RANDOM");
  const riskPart = sample.filter((d) => d.via === "RISK");
  assert.equal(randomPart.length, 20);
  assert.equal(riskPart.length, 20);
  const flaggedInRisk = riskPart.filter((d) => flagged.has(d.slotId)).length;
  assert.ok(flaggedInRisk >= 8, `only ${flaggedInRisk} of 20 risk-weighted picks are flagged (base rate 1%)`);
  assert.equal(new Set(sample.map((d) => d.slotId)).size, 40, "no report twice");
  assert.deepEqual(drawSample(shuffled(candidates, "x"), params, "risk"), sample);
});

test("allocation by largest remainder sums to the total and never exceeds a group", () => {
  assert.deepEqual(allocate([10, 10, 10], 2), [1, 1, 0]);
  assert.deepEqual(allocate([1, 99], 10), [0, 10]);
  assert.deepEqual(allocate([3, 3], 10), [3, 3], "capped by the group sizes");
  assert.equal(sampleSize({ by: "SHARE", share: 0.05 }, 0), 0);
  assert.equal(sampleSize({ by: "SHARE", share: 0.05 }, 30), 2);
});
