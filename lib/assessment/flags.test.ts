import assert from "node:assert/strict";
import { test } from "node:test";
import { type HeldFlag, type RankedUnit, escalationFor, rotateFlags } from "@/lib/assessment/flags";
import { rankEntryOf, rankUnits } from "@/lib/assessment/ranking";
import { computeQuarterScore, defaultRules } from "@/lib/assessment/scoring";
import type { UnitKind } from "@/lib/generated/prisma/enums";
import { emptyInputs, groupScore, taskItem } from "@/lib/testing/assessment-fixtures";

const rules = { redFlagCount: 3, yellowFlagCount: 3, escalationLadder: ["通报批评", "约谈"] };

function ranked(ids: string[], kind: UnitKind = "TOWN", failed: string[] = []): RankedUnit[] {
  return ids.map((unitId, i) => ({ unitId, kind, rank: i + 1, failed: failed.includes(unitId) }));
}

/** The units given a flag of `color`, in the order awarded. */
function holders(awards: readonly { unitId: string; color: string }[], color: "RED" | "YELLOW"): string[] {
  return awards.filter((a) => a.color === color).map((a) => a.unitId);
}

test("the top three of each kind get red flags, the bottom three yellow", () => {
  const { awards } = rotateFlags(
    [...ranked(["a", "b", "c", "d", "e", "f", "g", "h"]), ...ranked(["p", "q", "r", "s", "t", "u", "v"], "DEPARTMENT")],
    [],
    rules,
  );
  const by = (color: "RED" | "YELLOW", kind: string[]) => holders(awards, color).filter((id) => kind.includes(id));
  assert.deepEqual(by("RED", ["a", "b", "c", "d", "e", "f", "g", "h"]), ["a", "b", "c"]);
  assert.deepEqual(by("YELLOW", ["a", "b", "c", "d", "e", "f", "g", "h"]), ["h", "g", "f"]);
  assert.deepEqual(by("RED", ["p", "q", "r", "s", "t", "u", "v"]), ["p", "q", "r"]);
  assert.deepEqual(by("YELLOW", ["p", "q", "r", "s", "t", "u", "v"]), ["v", "u", "t"]);
  for (const a of awards.filter((x) => x.color === "YELLOW")) assert.equal(a.escalation, "通报批评");
  for (const a of awards.filter((x) => x.color === "RED")) assert.equal(a.escalation, null);
});

test("N is configurable; zero means no flags of that colour", () => {
  const { awards } = rotateFlags(ranked(["a", "b", "c", "d", "e", "f"]), [], { ...rules, redFlagCount: 1, yellowFlagCount: 0 });
  assert.deepEqual(
    awards.map((a) => [a.unitId, a.color]),
    [["a", "RED"]],
  );
});

test("a failed unit never gets a red flag and is first in line for yellow", () => {
  // A failed unit is ranked last by the ranking; even listed first here it gets no red.
  const units: RankedUnit[] = [
    { unitId: "x", kind: "TOWN", rank: 1, failed: true },
    ...ranked(["a", "b", "c", "d", "e"]).map((u) => ({ ...u, rank: u.rank + 1 })),
  ];
  const { awards } = rotateFlags(units, [], rules);
  assert.deepEqual(holders(awards, "RED"), ["a", "b", "c"]);
  assert.ok(!awards.some((a) => a.unitId === "x" && a.color === "RED"));
});

test("units sharing a rank at a flag boundary share the flag (more than N flags), never split by code", () => {
  // b and c share the 2nd place for red with 2 red places; f and g share the 6th (2nd from the bottom) for yellow with 2 yellow places.
  const units: RankedUnit[] = [
    { unitId: "a", kind: "TOWN", rank: 1, failed: false },
    { unitId: "c", kind: "TOWN", rank: 2, failed: false },
    { unitId: "b", kind: "TOWN", rank: 2, failed: false },
    { unitId: "d", kind: "TOWN", rank: 4, failed: false },
    { unitId: "e", kind: "TOWN", rank: 5, failed: false },
    { unitId: "g", kind: "TOWN", rank: 6, failed: false },
    { unitId: "f", kind: "TOWN", rank: 6, failed: false },
    { unitId: "h", kind: "TOWN", rank: 8, failed: false },
  ];
  const { awards } = rotateFlags(units, [], { ...rules, redFlagCount: 2, yellowFlagCount: 2 });
  assert.deepEqual(holders(awards, "RED").sort(), ["a", "b", "c"]);
  assert.deepEqual(holders(awards, "YELLOW").sort(), ["f", "g", "h"]);
});

test("with fewer units than places, a red holder is not also given yellow", () => {
  const { awards } = rotateFlags(ranked(["a", "b", "c", "d"]), [], rules);
  assert.deepEqual(holders(awards, "RED"), ["a", "b", "c"]);
  assert.deepEqual(holders(awards, "YELLOW"), ["d"]);
});

test("units that are not ranked (rank 0) get no flag", () => {
  const { awards } = rotateFlags([...ranked(["a", "b"]), { unitId: "none", kind: "TOWN", rank: 0, failed: false }], [], {
    ...rules,
    redFlagCount: 1,
    yellowFlagCount: 1,
  });
  assert.deepEqual(
    awards.map((a) => a.unitId),
    ["a", "b"],
  );
});

test("every held flag passes on; a repeat of the same colour continues the streak", () => {
  const held: HeldFlag[] = [
    { id: "f1", unitId: "a", color: "RED", streak: 1 },
    { id: "f2", unitId: "h", color: "YELLOW", streak: 1 },
    { id: "f3", unitId: "g", color: "YELLOW", streak: 2 },
  ];
  const { awards, passed } = rotateFlags(ranked(["a", "b", "c", "d", "e", "f", "g", "h"]), held, rules);
  assert.deepEqual(passed.sort(), ["f1", "f2", "f3"]);
  const of = (id: string) => awards.find((a) => a.unitId === id)!;
  assert.deepEqual([of("a").streak, of("h").streak, of("g").streak, of("f").streak], [2, 2, 3, 1]);
  assert.equal(of("h").escalation, "约谈");
  assert.equal(of("g").escalation, "约谈", "the ladder's last step repeats");
  assert.equal(of("f").escalation, "通报批评");
});

test("a colour change starts a new streak", () => {
  const { awards } = rotateFlags(
    ranked(["h", "b", "c", "d", "e", "f", "g", "a"]),
    [
      { id: "f", unitId: "h", color: "YELLOW", streak: 2 },
      { id: "r", unitId: "a", color: "RED", streak: 3 },
    ],
    rules,
  );
  assert.deepEqual(
    awards.find((a) => a.unitId === "h"),
    { unitId: "h", color: "RED", streak: 1, escalation: null },
  );
  assert.deepEqual(
    awards.find((a) => a.unitId === "a"),
    { unitId: "a", color: "YELLOW", streak: 1, escalation: "通报批评" },
  );
});

test("the escalation ladder is configurable and may be empty", () => {
  assert.equal(escalationFor(1, ["通报批评", "约谈", "诫勉谈话"]), "通报批评");
  assert.equal(escalationFor(3, ["通报批评", "约谈", "诫勉谈话"]), "诫勉谈话");
  assert.equal(escalationFor(5, ["通报批评", "约谈", "诫勉谈话"]), "诫勉谈话");
  assert.equal(escalationFor(2, []), null);
});

test("a whole year: four closed quarters, flags passing, a yellow flag escalating", () => {
  const scoring = defaultRules(2026);
  const towns = ["A", "B", "C", "D", "E", "F", "G", "H"];
  // Each town's group score per quarter; H lags all year, then wins Q4. In Q3 H is vetoed.
  const groupPoints: Record<string, number[]> = {
    A: [95, 70, 80, 60],
    B: [90, 96, 90, 70],
    C: [85, 94, 95, 75],
    D: [80, 92, 70, 80],
    E: [75, 60, 85, 85],
    F: [70, 75, 65, 90],
    G: [65, 55, 75, 95],
    H: [50, 50, 99, 99],
  };
  type Row = { id: string; unitId: string; color: "RED" | "YELLOW"; streak: number; escalation: string | null; quarter: number; passedAt: number | null };
  const ledger: Row[] = [];
  for (const q of [1, 2, 3, 4]) {
    const results = towns.map((t, i) => {
      const inputs = emptyInputs(t, "TOWN", {
        unit: { id: t, name: t, kind: "TOWN", code: t, sortOrder: i + 1, activeFrom: "2020-01-01" },
        taskItems: [taskItem(`${t}-${q}`, 8)],
        groupScores: [groupScore(`${t}-${q}`, groupPoints[t][q - 1])],
        vetoes: q === 3 && t === "H" ? [{ id: "v", vetoItemId: "vi", item: "重大安全生产事故", reason: "事故" }] : [],
      });
      return { unit: inputs.unit, result: computeQuarterScore(inputs, scoring) };
    });
    const ranks = rankUnits(results.map((r) => rankEntryOf(r.unit, r.result)));
    const held = ledger.filter((f) => f.passedAt === null);
    const { awards, passed } = rotateFlags(
      results.map((r) => ({ unitId: r.unit.id, kind: r.unit.kind, rank: ranks.get(r.unit.id)!, failed: r.result.failed })),
      held,
      scoring,
    );
    for (const f of ledger) if (passed.includes(f.id)) f.passedAt = q;
    awards.forEach((a, k) => ledger.push({ id: `${q}-${k}`, ...a, quarter: q, passedAt: null }));
  }

  const holders = (q: number, color: "RED" | "YELLOW") => ledger.filter((f) => f.quarter === q && f.color === color).map((f) => f.unitId);
  assert.deepEqual(holders(1, "RED"), ["A", "B", "C"]);
  assert.deepEqual(holders(1, "YELLOW"), ["H", "G", "F"]);
  assert.deepEqual(holders(2, "RED"), ["B", "C", "D"]);
  assert.deepEqual(holders(2, "YELLOW"), ["H", "G", "E"]);
  // Q3: H has the best group score but is vetoed — no red, last place, yellow.
  assert.deepEqual(holders(3, "RED"), ["C", "B", "E"]);
  assert.deepEqual(holders(3, "YELLOW"), ["H", "F", "D"]);
  assert.deepEqual(holders(4, "RED"), ["H", "G", "F"]);

  // H's yellow flag climbs the ladder: 通报批评, then 约谈, and stays at 约谈.
  const h = ledger.filter((f) => f.unitId === "H");
  assert.deepEqual(
    h.map((f) => [f.quarter, f.color, f.streak, f.escalation]),
    [
      [1, "YELLOW", 1, "通报批评"],
      [2, "YELLOW", 2, "约谈"],
      [3, "YELLOW", 3, "约谈"],
      [4, "RED", 1, null],
    ],
  );
  // C held red in Q1–Q3, one unbroken streak, then fell to yellow: a new streak.
  assert.deepEqual(
    ledger.filter((f) => f.unitId === "C").map((f) => [f.color, f.streak]),
    [
      ["RED", 1],
      ["RED", 2],
      ["RED", 3],
      ["YELLOW", 1],
    ],
  );
  // Every flag but the last quarter's has passed on, in the quarter after it was awarded; history is kept.
  for (const f of ledger) assert.equal(f.passedAt, f.quarter === 4 ? null : f.quarter + 1, f.id);
  assert.equal(ledger.length, 24);
});
