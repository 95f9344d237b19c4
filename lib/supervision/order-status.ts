/**
 * 督办单 status (pure): the three colours of a deadline-bound supervision
 * order (domain.md: blue = deadline near, yellow = behind, red = overdue),
 * reckoned in the district's calendar (Asia/Shanghai).
 *
 * - RED (逾期): the deadline has passed and the unit did not answer in time.
 *   An answer counts if it came by the deadline and was not returned. RED is
 *   also what counts against the unit in the quarter score (isOverdue).
 * - YELLOW (滞后): not overdue, but behind — the issuer returned the answer,
 *   or more than half of the time from issue to deadline has gone without one,
 *   or a 反馈 asked for by the order's rhythm is due by tomorrow or past.
 * - BLUE (临期): the deadline is today, tomorrow or the day after.
 * - otherwise ON_TRACK (办理中, also 立项 not yet 交办); WAITING (待审核) once
 *   answered in time and awaiting the issuer; CLOSED (已办结) once accepted.
 */
import type { OrderDecision, OrderStatus } from "@/lib/generated/prisma/enums";
import { addDays, daysBetween, districtDateOf, districtToday } from "@/lib/time";

export type OrderColour = "RED" | "YELLOW" | "BLUE" | "ON_TRACK" | "WAITING" | "CLOSED";

export type OrderFacts = {
  status: OrderStatus;
  createdAt: Date;
  deadline: Date;
  responses: { createdAt: Date; decision: OrderDecision | null }[];
  /** the feedback rhythm (反馈 every N days) and when it was last met */
  feedbackEveryDays?: number | null;
  signedAt?: Date | null;
  lastFeedbackAt?: Date | null;
};

/** Blue from this many calendar days before the deadline's day. */
export const BLUE_DAYS = 2;

export const ORDER_COLOUR_LABELS: Record<OrderColour, string> = {
  RED: "逾期",
  YELLOW: "滞后",
  BLUE: "临期",
  ON_TRACK: "办理中",
  WAITING: "待审核",
  CLOSED: "已办结",
};

export function answeredInTime(order: OrderFacts): boolean {
  return order.responses.some((r) => r.createdAt.getTime() <= order.deadline.getTime() && r.decision !== "RETURNED");
}

/** Past its deadline without an answer in time (what counts in the quarter score). */
export function isOverdue(order: OrderFacts, now: Date): boolean {
  return now.getTime() > order.deadline.getTime() && !answeredInTime(order);
}

/** Calendar days (district) from today to the deadline's day; negative once past. */
export function daysLeft(order: Pick<OrderFacts, "deadline">, now: Date): number {
  return daysBetween(districtToday(now), districtDateOf(order.deadline));
}

/** The district day the next 反馈 is due on, for an order with a rhythm that is in work; null otherwise. */
export function nextFeedbackDate(order: OrderFacts): string | null {
  if (!order.feedbackEveryDays || !["OPEN", "SIGNED", "RETURNED"].includes(order.status)) return null;
  const from = order.lastFeedbackAt ?? order.signedAt ?? order.createdAt;
  return addDays(districtDateOf(from), order.feedbackEveryDays);
}

/** A 反馈 is due by tomorrow, or past (超期预警 of the rhythm). */
export function feedbackDue(order: OrderFacts, now: Date): boolean {
  const next = nextFeedbackDate(order);
  return next !== null && daysBetween(districtToday(now), next) <= 1;
}

export function orderColour(order: OrderFacts, now: Date): OrderColour {
  if (order.status === "ACCEPTED") return "CLOSED";
  if (isOverdue(order, now)) return "RED";
  if (order.status === "RESPONDED") return "WAITING";
  const halfTime = order.createdAt.getTime() + (order.deadline.getTime() - order.createdAt.getTime()) / 2;
  if (order.status === "RETURNED" || (order.responses.length === 0 && now.getTime() > halfTime) || feedbackDue(order, now)) return "YELLOW";
  if (daysLeft(order, now) <= BLUE_DAYS) return "BLUE";
  return "ON_TRACK";
}
