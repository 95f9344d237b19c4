/**
 * The 督办件 lifecycle as a pure state machine (domain.md, "督办件 lifecycle"):
 *
 *   立项 REGISTERED ─交办→ OPEN (待签收) ─签收→ SIGNED (承办中)
 *   SIGNED/RETURNED ─反馈→ same state (the feedback rhythm)
 *   SIGNED/RETURNED ─办结申请 (evidence)→ RESPONDED ─办结→ ACCEPTED ─评价→ ACCEPTED + rating
 *                                          RESPONDED ─退回 (reason)→ RETURNED
 *   延期申请 (lead unit, reason, a later date) → pending ─同意→ new deadline / ─不同意 (reason)→ as before
 *   escalation when overdue: 0 ─提级督办→ 1 ─通报→ 2 ─约谈→ 3, each a step of its own
 *
 * `move(state, action, actor)` answers the next state and the step to record,
 * or a Chinese reason why the move is refused. The writes (writes.ts) apply it
 * with the state in the UPDATE's WHERE, so two clicks move an order once.
 */
import type { OrderRating, OrderSource, OrderStatus, OrderStepKind } from "@/lib/generated/prisma/enums";

/** Who acts on an order: its office side (the issuer, the issuing group, the 督查室), its lead unit, one of its co-units. */
export type OrderActor = "OFFICE" | "LEAD_UNIT" | "CO_UNIT";

export type OrderState = {
  status: OrderStatus;
  /** 0 none, 1 提级督办, 2 通报, 3 约谈 */
  escalation: number;
  /** the deadline asked for by a pending 延期申请 */
  extensionUntil: Date | null;
  deadline: Date;
  rating: OrderRating | null;
  /** past its deadline without an answer in time (order-status.ts isOverdue) */
  overdue: boolean;
};

export type OrderAction =
  | { kind: "ASSIGN" }
  | { kind: "SIGN" }
  | { kind: "FEEDBACK"; text: string }
  | { kind: "REQUEST_EXTENSION"; until: Date; reason: string }
  | { kind: "APPROVE_EXTENSION" }
  | { kind: "REFUSE_EXTENSION"; reason: string }
  | { kind: "REQUEST_CLOSE"; evidence: string }
  | { kind: "CLOSE" }
  | { kind: "RETURN"; reason: string }
  | { kind: "EVALUATE"; rating: OrderRating }
  | { kind: "ESCALATE" }
  | { kind: "CIRCULATE" }
  | { kind: "SUMMON" };

export type OrderMove = { ok: true; next: OrderState; step: OrderStepKind; deadlineBefore?: Date; deadlineAfter?: Date } | { ok: false; reason: string };

export const ESCALATION_LABELS = ["未升级", "提级督办", "通报", "约谈"] as const;

export const ORDER_STEP_LABELS: Record<OrderStepKind, string> = {
  REGISTER: "立项",
  ASSIGN: "交办",
  SIGN: "签收",
  FEEDBACK: "反馈",
  REQUEST_EXTENSION: "延期申请",
  APPROVE_EXTENSION: "同意延期",
  REFUSE_EXTENSION: "不同意延期",
  REQUEST_CLOSE: "办结申请",
  CLOSE: "办结",
  RETURN: "退回",
  EVALUATE: "评价",
  ESCALATE: "提级督办",
  CIRCULATE: "通报",
  SUMMON: "约谈",
};

export const ORDER_SOURCE_LABELS: Record<OrderSource, string> = {
  MANUAL: "手工立项",
  REPORT: "晒报",
  SPOT_CHECK: "抽查",
  ANOMALY: "异常线索",
  INSTRUCTION: "领导批示",
  TASK: "任务",
};

export const ORDER_RATING_LABELS: Record<OrderRating, string> = { SATISFIED: "满意", BASICALLY_SATISFIED: "基本满意", UNSATISFIED: "不满意" };

/** States in which the lead unit is at work on the order (it may report back, ask for time or for closure). */
const IN_WORK: readonly OrderStatus[] = ["SIGNED", "RETURNED"];
/** States of an order that is out with the units and not yet closed. */
const OUT: readonly OrderStatus[] = ["OPEN", "SIGNED", "RETURNED", "RESPONDED"];

const MIN_REASON = 4;

function refuse(reason: string): OrderMove {
  return { ok: false, reason };
}

function only(actor: OrderActor, allowed: OrderActor, who: string): string | null {
  return actor === allowed ? null : `只有${who}可以这样做。`;
}

export function move(state: OrderState, action: OrderAction, actor: OrderActor): OrderMove {
  const to = (patch: Partial<OrderState>, step: OrderStepKind, extra: { deadlineBefore?: Date; deadlineAfter?: Date } = {}): OrderMove => ({
    ok: true,
    next: { ...state, ...patch },
    step,
    ...extra,
  });
  const closed = state.status === "ACCEPTED";
  switch (action.kind) {
    case "ASSIGN": {
      const who = only(actor, "OFFICE", "督办方");
      if (who) return refuse(who);
      if (state.status !== "REGISTERED") return refuse("这件督办件已经交办。");
      return to({ status: "OPEN" }, "ASSIGN");
    }
    case "SIGN": {
      if (actor === "OFFICE") return refuse("签收由承办单位进行。");
      if (actor === "CO_UNIT") return OUT.includes(state.status) ? to({}, "SIGN") : refuse("这件督办件不在办理中。");
      if (state.status !== "OPEN") return refuse(state.status === "REGISTERED" ? "这件督办件尚未交办。" : "这件督办件已经签收。");
      return to({ status: "SIGNED" }, "SIGN");
    }
    case "FEEDBACK": {
      if (actor === "OFFICE") return refuse("反馈由承办单位填写。");
      if (action.text.trim().length < MIN_REASON) return refuse("反馈内容至少 4 个字。");
      // A co-unit answers its part while the order is out; the lead unit while it works on it.
      if (actor === "CO_UNIT") return OUT.includes(state.status) ? to({}, "FEEDBACK") : refuse("这件督办件不在办理中。");
      if (!IN_WORK.includes(state.status)) return refuse(state.status === "OPEN" ? "请先签收。" : "现在不能反馈。");
      return to({}, "FEEDBACK");
    }
    case "REQUEST_EXTENSION": {
      const who = only(actor, "LEAD_UNIT", "牵头单位");
      if (who) return refuse(who);
      if (!IN_WORK.includes(state.status)) return refuse(state.status === "OPEN" ? "请先签收。" : "现在不能申请延期。");
      if (state.extensionUntil) return refuse("已有一份延期申请在等待审批。");
      if (action.until.getTime() <= state.deadline.getTime()) return refuse("申请的期限须晚于现在的办结期限。");
      if (action.reason.trim().length < MIN_REASON) return refuse("请写明延期理由（至少 4 个字）。");
      return to({ extensionUntil: action.until }, "REQUEST_EXTENSION");
    }
    case "APPROVE_EXTENSION": {
      const who = only(actor, "OFFICE", "督办方");
      if (who) return refuse(who);
      if (!state.extensionUntil || closed) return refuse("没有待审批的延期申请。");
      // The new deadline is recorded; an order no longer past it is no longer overdue.
      return to({ deadline: state.extensionUntil, extensionUntil: null }, "APPROVE_EXTENSION", {
        deadlineBefore: state.deadline,
        deadlineAfter: state.extensionUntil,
      });
    }
    case "REFUSE_EXTENSION": {
      const who = only(actor, "OFFICE", "督办方");
      if (who) return refuse(who);
      if (!state.extensionUntil || closed) return refuse("没有待审批的延期申请。");
      if (action.reason.trim().length < MIN_REASON) return refuse("请写明不同意的理由（至少 4 个字）。");
      return to({ extensionUntil: null }, "REFUSE_EXTENSION");
    }
    case "REQUEST_CLOSE": {
      const who = only(actor, "LEAD_UNIT", "牵头单位");
      if (who) return refuse(who);
      if (!IN_WORK.includes(state.status))
        return refuse(state.status === "OPEN" ? "请先签收。" : state.status === "RESPONDED" ? "办结申请已提交，正在等待审核。" : "现在不能申请办结。");
      if (action.evidence.trim().length < 5) return refuse("请写明办理结果和佐证（至少 5 个字）。");
      return to({ status: "RESPONDED" }, "REQUEST_CLOSE");
    }
    case "CLOSE": {
      const who = only(actor, "OFFICE", "督办方");
      if (who) return refuse(who);
      if (state.status !== "RESPONDED") return refuse("只有已申请办结的督办件可以办结。");
      return to({ status: "ACCEPTED", extensionUntil: null }, "CLOSE");
    }
    case "RETURN": {
      const who = only(actor, "OFFICE", "督办方");
      if (who) return refuse(who);
      if (state.status !== "RESPONDED") return refuse("只有已申请办结的督办件可以退回。");
      if (action.reason.trim().length < MIN_REASON) return refuse("退回时请写明理由（至少 4 个字）。");
      return to({ status: "RETURNED" }, "RETURN");
    }
    case "EVALUATE": {
      const who = only(actor, "OFFICE", "督办方");
      if (who) return refuse(who);
      if (!closed) return refuse("办结后才能评价。");
      if (state.rating) return refuse("这件督办件已经评价。");
      return to({ rating: action.rating }, "EVALUATE");
    }
    case "ESCALATE":
    case "CIRCULATE":
    case "SUMMON": {
      const who = only(actor, "OFFICE", "督办方");
      if (who) return refuse(who);
      const level = action.kind === "ESCALATE" ? 1 : action.kind === "CIRCULATE" ? 2 : 3;
      if (!OUT.includes(state.status)) return refuse("只有办理中的督办件可以升级督办。");
      if (!state.overdue) return refuse("督办件逾期后才能升级督办。");
      if (state.escalation >= level) return refuse(`已经${ESCALATION_LABELS[state.escalation]}。`);
      if (state.escalation !== level - 1) return refuse(`请先${ESCALATION_LABELS[level - 1]}。`);
      return to({ escalation: level }, action.kind);
    }
  }
}

/** The moves an actor may make now (for showing only the forms that can succeed). */
export function allowedMoves(state: OrderState, actor: OrderActor): OrderAction["kind"][] {
  const probe: Record<OrderAction["kind"], OrderAction> = {
    ASSIGN: { kind: "ASSIGN" },
    SIGN: { kind: "SIGN" },
    FEEDBACK: { kind: "FEEDBACK", text: "probe text" },
    REQUEST_EXTENSION: { kind: "REQUEST_EXTENSION", until: new Date(8.64e15), reason: "probe reason" },
    APPROVE_EXTENSION: { kind: "APPROVE_EXTENSION" },
    REFUSE_EXTENSION: { kind: "REFUSE_EXTENSION", reason: "probe reason" },
    REQUEST_CLOSE: { kind: "REQUEST_CLOSE", evidence: "probe evidence" },
    CLOSE: { kind: "CLOSE" },
    RETURN: { kind: "RETURN", reason: "probe reason" },
    EVALUATE: { kind: "EVALUATE", rating: "SATISFIED" },
    ESCALATE: { kind: "ESCALATE" },
    CIRCULATE: { kind: "CIRCULATE" },
    SUMMON: { kind: "SUMMON" },
  };
  return (Object.keys(probe) as OrderAction["kind"][]).filter((k) => move(state, probe[k], actor).ok);
}
