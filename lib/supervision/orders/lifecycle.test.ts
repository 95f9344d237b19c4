/** Every move of the 督办件 state machine, allowed and refused, for every actor and state. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { allowedMoves, move, type OrderAction, type OrderActor, type OrderState } from "@/lib/supervision/orders/lifecycle";

const STATUSES: OrderStatus[] = ["REGISTERED", "OPEN", "SIGNED", "RETURNED", "RESPONDED", "ACCEPTED"];
const ACTORS: OrderActor[] = ["OFFICE", "LEAD_UNIT", "CO_UNIT"];
const deadline = new Date("2026-12-10T10:00:00Z");
const later = new Date("2026-12-20T10:00:00Z");

const ACTIONS: OrderAction[] = [
  { kind: "ASSIGN" },
  { kind: "SIGN" },
  { kind: "FEEDBACK", text: "本周已完成拆除两户" },
  { kind: "REQUEST_EXTENSION", until: later, reason: "雨季无法施工" },
  { kind: "APPROVE_EXTENSION" },
  { kind: "REFUSE_EXTENSION", reason: "理由不充分" },
  { kind: "REQUEST_CLOSE", evidence: "已全部整改到位，附照片" },
  { kind: "CLOSE" },
  { kind: "RETURN", reason: "整改不彻底" },
  { kind: "EVALUATE", rating: "SATISFIED" },
  { kind: "ESCALATE" },
  { kind: "CIRCULATE" },
  { kind: "SUMMON" },
];

const base = (patch: Partial<OrderState> = {}): OrderState => ({
  status: "SIGNED",
  escalation: 0,
  extensionUntil: null,
  deadline,
  rating: null,
  overdue: false,
  ...patch,
});

// The specification, written out: with no pending extension, no rating, not overdue, not escalated.
const ALLOWED: Record<OrderActor, Partial<Record<OrderStatus, OrderAction["kind"][]>>> = {
  OFFICE: { REGISTERED: ["ASSIGN"], RESPONDED: ["CLOSE", "RETURN"], ACCEPTED: ["EVALUATE"] },
  LEAD_UNIT: { OPEN: ["SIGN"], SIGNED: ["FEEDBACK", "REQUEST_EXTENSION", "REQUEST_CLOSE"], RETURNED: ["FEEDBACK", "REQUEST_EXTENSION", "REQUEST_CLOSE"] },
  CO_UNIT: { OPEN: ["SIGN", "FEEDBACK"], SIGNED: ["SIGN", "FEEDBACK"], RETURNED: ["SIGN", "FEEDBACK"], RESPONDED: ["SIGN", "FEEDBACK"] },
};

describe("every (state, actor, move) outside a special condition", () => {
  for (const status of STATUSES) {
    for (const actor of ACTORS) {
      for (const action of ACTIONS) {
        const expected = (ALLOWED[actor][status] ?? []).includes(action.kind);
        test(`${status} · ${actor} · ${action.kind} → ${expected ? "allowed" : "refused"}`, () => {
          const result = move(base({ status }), action, actor);
          assert.equal(result.ok, expected, result.ok ? "allowed" : result.reason);
          if (!result.ok) assert.match(result.reason, /[\u4e00-\u9fff]/, "a Chinese reason");
        });
      }
    }
  }
});

test("the states each allowed move leads to", () => {
  const next = (s: Partial<OrderState>, a: OrderAction, actor: OrderActor) => {
    const r = move(base(s), a, actor);
    assert.ok(r.ok, r.ok ? "" : r.reason);
    return r;
  };
  assert.equal(next({ status: "REGISTERED" }, { kind: "ASSIGN" }, "OFFICE").next.status, "OPEN");
  assert.equal(next({ status: "OPEN" }, { kind: "SIGN" }, "LEAD_UNIT").next.status, "SIGNED");
  assert.equal(next({ status: "SIGNED" }, { kind: "FEEDBACK", text: "进展顺利" }, "LEAD_UNIT").next.status, "SIGNED");
  assert.equal(next({ status: "SIGNED" }, { kind: "REQUEST_CLOSE", evidence: "已经办结完毕" }, "LEAD_UNIT").next.status, "RESPONDED");
  assert.equal(next({ status: "RESPONDED" }, { kind: "CLOSE" }, "OFFICE").next.status, "ACCEPTED");
  const returned = next({ status: "RESPONDED" }, { kind: "RETURN", reason: "整改不彻底" }, "OFFICE");
  assert.equal(returned.next.status, "RETURNED");
  assert.equal(returned.step, "RETURN");
  const rated = next({ status: "ACCEPTED" }, { kind: "EVALUATE", rating: "UNSATISFIED" }, "OFFICE");
  assert.equal(rated.next.rating, "UNSATISFIED");
  assert.equal(rated.next.status, "ACCEPTED");
});

test("texts that are too short are refused", () => {
  assert.equal(move(base(), { kind: "FEEDBACK", text: "好" }, "LEAD_UNIT").ok, false);
  assert.equal(move(base(), { kind: "REQUEST_CLOSE", evidence: "好了" }, "LEAD_UNIT").ok, false);
  assert.equal(move(base({ status: "RESPONDED" }), { kind: "RETURN", reason: "不行" }, "OFFICE").ok, false);
  assert.equal(move(base(), { kind: "REQUEST_EXTENSION", until: later, reason: "忙" }, "LEAD_UNIT").ok, false);
});

describe("延期申请", () => {
  test("asks for a later date, once at a time", () => {
    const asked = move(base(), { kind: "REQUEST_EXTENSION", until: later, reason: "雨季无法施工" }, "LEAD_UNIT");
    assert.ok(asked.ok);
    assert.equal(asked.next.extensionUntil, later);
    assert.equal(asked.next.deadline, deadline, "the deadline changes only when approved");
    assert.equal(move(asked.next, { kind: "REQUEST_EXTENSION", until: later, reason: "再次申请延期" }, "LEAD_UNIT").ok, false);
    assert.equal(move(base(), { kind: "REQUEST_EXTENSION", until: deadline, reason: "雨季无法施工" }, "LEAD_UNIT").ok, false, "not later than now");
    assert.equal(move(base({ status: "OPEN" }), { kind: "REQUEST_EXTENSION", until: later, reason: "雨季无法施工" }, "LEAD_UNIT").ok, false, "sign first");
  });
  test("approved: the new deadline is recorded with the old", () => {
    const pending = base({ extensionUntil: later, overdue: true });
    for (const actor of ["LEAD_UNIT", "CO_UNIT"] as const) assert.equal(move(pending, { kind: "APPROVE_EXTENSION" }, actor).ok, false);
    const approved = move(pending, { kind: "APPROVE_EXTENSION" }, "OFFICE");
    assert.ok(approved.ok);
    assert.equal(approved.next.deadline, later);
    assert.equal(approved.next.extensionUntil, null);
    assert.equal(approved.deadlineBefore, deadline);
    assert.equal(approved.deadlineAfter, later);
    assert.equal(approved.step, "APPROVE_EXTENSION");
  });
  test("refused: with a reason, the deadline stays", () => {
    const pending = base({ extensionUntil: later });
    assert.equal(move(pending, { kind: "REFUSE_EXTENSION", reason: "否" }, "OFFICE").ok, false);
    const refused = move(pending, { kind: "REFUSE_EXTENSION", reason: "理由不充分" }, "OFFICE");
    assert.ok(refused.ok);
    assert.equal(refused.next.deadline, deadline);
    assert.equal(refused.next.extensionUntil, null);
    assert.equal(move(pending, { kind: "REFUSE_EXTENSION", reason: "理由不充分" }, "LEAD_UNIT").ok, false);
  });
  test("a closed order has nothing to approve", () => {
    assert.equal(move(base({ status: "ACCEPTED", extensionUntil: later }), { kind: "APPROVE_EXTENSION" }, "OFFICE").ok, false);
  });
});

test("评价 once, only after 办结", () => {
  assert.equal(move(base({ status: "ACCEPTED", rating: "SATISFIED" }), { kind: "EVALUATE", rating: "UNSATISFIED" }, "OFFICE").ok, false);
  assert.equal(move(base({ status: "RESPONDED" }), { kind: "EVALUATE", rating: "SATISFIED" }, "OFFICE").ok, false);
});

describe("the escalation ladder", () => {
  const ladder: OrderAction[] = [{ kind: "ESCALATE" }, { kind: "CIRCULATE" }, { kind: "SUMMON" }];
  test("only when overdue, only in order, only by the office, each once", () => {
    for (const status of STATUSES) {
      for (let level = 0; level <= 3; level++) {
        ladder.forEach((action, i) => {
          const state = base({ status, escalation: level, overdue: true });
          const ok = ["OPEN", "SIGNED", "RETURNED", "RESPONDED"].includes(status) && level === i;
          assert.equal(move(state, action, "OFFICE").ok, ok, `${status} level ${level} ${action.kind}`);
          assert.equal(move(state, action, "LEAD_UNIT").ok, false);
          assert.equal(move({ ...state, overdue: false }, action, "OFFICE").ok, false, "not overdue");
        });
      }
    }
  });
  test("each rung records its own step and level", () => {
    let state = base({ overdue: true });
    for (const [i, action] of ladder.entries()) {
      const r = move(state, action, "OFFICE");
      assert.ok(r.ok);
      assert.equal(r.step, action.kind);
      assert.equal(r.next.escalation, i + 1);
      state = r.next;
    }
  });
});

test("allowedMoves lists what the forms may offer", () => {
  assert.deepEqual(allowedMoves(base({ status: "RESPONDED" }), "OFFICE"), ["CLOSE", "RETURN"]);
  assert.deepEqual(allowedMoves(base({ status: "SIGNED", extensionUntil: later, overdue: true }), "OFFICE"), [
    "APPROVE_EXTENSION",
    "REFUSE_EXTENSION",
    "ESCALATE",
  ]);
  assert.deepEqual(allowedMoves(base({ status: "OPEN" }), "LEAD_UNIT"), ["SIGN"]);
});
