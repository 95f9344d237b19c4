/**
 * Reads of 督办件, scoped in the query (writes.ts orderScopeWhere): the office
 * and leaders see all, an assessor the orders of the units in their groups, a
 * unit those it leads or co-operates on.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withUnitScope, type SessionUser } from "@/lib/auth/roles";
import { daysLeft, feedbackDue, isOverdue, nextFeedbackDate, orderColour, type OrderColour } from "@/lib/supervision/order-status";
import { allowedMoves } from "@/lib/supervision/orders/lifecycle";
import { actorOf, orderScopeWhere } from "@/lib/supervision/orders/writes";
import { reportSummarySelect, toReportSummary } from "@/lib/supervision/reports";
import { listVisibleUnits } from "@/lib/org/queries";

const scoped = (user: SessionUser, where: Prisma.SupervisionOrderWhereInput) => ({ AND: [where, orderScopeWhere(user)] });

const listSelect = {
  id: true,
  title: true,
  status: true,
  createdAt: true,
  deadline: true,
  unit: { select: { id: true, name: true } },
  issuer: { select: { name: true, title: true } },
  group: { select: { name: true } },
  task: { select: { title: true } },
  responses: { select: { createdAt: true, decision: true } },
  feedbackEveryDays: true,
  signedAt: true,
  lastFeedbackAt: true,
  extensionUntil: true,
  escalation: true,
  rating: true,
  coUnits: { select: { unitId: true, signedAt: true, unit: { select: { name: true } } } },
} as const;

type Listed = Prisma.SupervisionOrderGetPayload<{ select: typeof listSelect }>;

function withColour<T extends Listed>(order: T, now: Date) {
  return {
    ...order,
    colour: orderColour(order, now),
    overdue: isOverdue(order, now),
    daysLeft: daysLeft(order, now),
    nextFeedback: nextFeedbackDate(order),
    feedbackDue: feedbackDue(order, now),
  };
}

export type OrderListItem = ReturnType<typeof withColour<Listed>>;

export type OrderTab = "open" | "closed" | "all";

export async function listOrders(user: SessionUser, tab: OrderTab, now = new Date()): Promise<OrderListItem[]> {
  const status = tab === "open" ? { status: { not: "ACCEPTED" as const } } : tab === "closed" ? { status: "ACCEPTED" as const } : {};
  const rows = await db.supervisionOrder.findMany({ where: scoped(user, status), orderBy: { deadline: "asc" }, take: 200, select: listSelect });
  return rows.map((o) => withColour(o, now));
}

const COLOUR_ORDER: Record<OrderColour, number> = { RED: 0, YELLOW: 1, BLUE: 2, WAITING: 3, ON_TRACK: 4, CLOSED: 5 };

/** The escalation list (督办预警): overdue first, longest overdue on top, then behind schedule. */
export async function listEscalations(user: SessionUser, now = new Date()): Promise<OrderListItem[]> {
  const open = await listOrders(user, "open", now);
  return open
    .filter((o) => o.colour === "RED" || o.colour === "YELLOW")
    .sort((a, b) => COLOUR_ORDER[a.colour] - COLOUR_ORDER[b.colour] || a.deadline.getTime() - b.deadline.getTime());
}

/** Who has not signed (签收) yet: lead units of orders 待签收 and co-units not signed, oldest first. */
export async function listUnsigned(user: SessionUser) {
  const orders = await db.supervisionOrder.findMany({
    where: scoped(user, { status: { in: ["OPEN", "SIGNED", "RETURNED", "RESPONDED"] }, OR: [{ status: "OPEN" }, { coUnits: { some: { signedAt: null } } }] }),
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      title: true,
      createdAt: true,
      status: true,
      unit: { select: { name: true } },
      coUnits: { where: { signedAt: null }, select: { unit: { select: { name: true } } } },
    },
  });
  return orders.map((o) => ({
    id: o.id,
    title: o.title,
    createdAt: o.createdAt,
    units: [...(o.status === "OPEN" ? [`${o.unit.name}（牵头）`] : []), ...o.coUnits.map((c) => `${c.unit.name}（配合）`)],
  }));
}

export async function getOrder(user: SessionUser, id: string, now = new Date()) {
  const order = await db.supervisionOrder.findFirst({
    where: scoped(user, { id }),
    select: {
      ...listSelect,
      content: true,
      acceptedAt: true,
      ratedAt: true,
      issuerId: true,
      groupId: true,
      unitId: true,
      source: true,
      instructionId: true,
      task: { select: { id: true, title: true, deadline: true, responsibleLeader: { select: { name: true, title: true } } } },
      steps: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          at: true,
          note: true,
          deadlineBefore: true,
          deadlineAfter: true,
          rating: true,
          actor: { select: { name: true, title: true } },
          unitId: true,
        },
      },
      slot: { select: reportSummarySelect },
      responses: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          text: true,
          createdAt: true,
          decision: true,
          decisionNote: true,
          decidedAt: true,
          author: { select: { name: true } },
          photos: { orderBy: { sortOrder: "asc" }, select: { id: true } },
        },
      },
    },
  });
  if (!order) return null;
  const coloured = withColour(order, now);
  const actor = actorOf(user, order);
  const state = {
    status: order.status,
    escalation: order.escalation,
    extensionUntil: order.extensionUntil,
    deadline: order.deadline,
    rating: order.rating,
    overdue: coloured.overdue,
  };
  let moves = actor ? allowedMoves(state, actor) : [];
  // A co-unit signs once.
  if (actor === "CO_UNIT" && order.coUnits.find((c) => c.unitId === user.unitId)?.signedAt) moves = moves.filter((m) => m !== "SIGN");
  const unitNames = new Map([[order.unitId, order.unit.name], ...order.coUnits.map((c) => [c.unitId, c.unit.name] as const)]);
  return {
    ...coloured,
    report: order.slot ? toReportSummary(order.slot) : null,
    actor,
    moves,
    steps: order.steps.map((s) => ({ ...s, unitName: s.unitId ? (unitNames.get(s.unitId) ?? null) : null })),
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrder>>>;

/** One recorded 通报 or 约谈 of an order, for its printable record. */
export async function getOrderRecord(user: SessionUser, orderId: string, stepId: string) {
  if (user.role !== "ADMIN" && user.role !== "LEADER" && user.role !== "ASSESSOR") return null;
  return db.orderStep.findFirst({
    where: { id: stepId, kind: { in: ["CIRCULATE", "SUMMON"] }, order: scoped(user, { id: orderId }) },
    select: {
      id: true,
      kind: true,
      at: true,
      note: true,
      actor: { select: { name: true, title: true } },
      order: {
        select: {
          id: true,
          title: true,
          content: true,
          createdAt: true,
          deadline: true,
          unit: { select: { name: true } },
          steps: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, kind: true, at: true, note: true, actor: { select: { name: true } } } },
        },
      },
    },
  });
}

/** The units the user may issue an order to (an assessor: the units of their groups). */
export async function listIssuableUnits(user: SessionUser) {
  return listVisibleUnits(user);
}

/** What the issue form needs about one unit: its tasks, and (for an assessor) the groups covering it. */
export async function issueFormContext(user: SessionUser, unitId: string) {
  const unit = await db.unit.findFirst({ where: withUnitScope(user, { id: unitId, archivedAt: null }), select: { id: true, name: true } });
  if (!unit) return null;
  const [tasks, groups] = await Promise.all([
    db.task.findMany({ where: { unitId: unit.id, archivedAt: null }, orderBy: { deadline: "asc" }, select: { id: true, title: true, deadline: true } }),
    user.role === "ASSESSOR"
      ? db.assessmentGroup.findMany({
          where: { members: { some: { userId: user.id } }, units: { some: { unitId: unit.id } } },
          select: { id: true, name: true },
        })
      : Promise.resolve([]),
  ]);
  return { unit, tasks, groups };
}

/** A source that rests on a report slot (a spot check, an anomaly): the slot, its unit and its day. */
const slotSourceSelect = { slotId: true, slot: { select: { card: { select: { unitId: true, date: true } } } } } as const;
const slotInScope = (user: SessionUser) => ({ slot: { card: { unit: withUnitScope(user, {}) } } });

function fromSlot(source: { slotId: string; slot: { card: { unitId: string } } }, title: string, content: string) {
  return { unitId: source.slot.card.unitId, slotId: source.slotId, existingOrderId: null, title, content, deadline: undefined };
}

/**
 * What a 督办件 raised from a spot check, an anomaly or a 批示 starts with: its
 * unit, its report, and a suggested title and text. Scoped: a source the user
 * may not read gives null.
 */
export async function orderSourceContext(user: SessionUser, ids: { spotCheckId?: string; anomalyId?: string; instructionId?: string }) {
  if (ids.instructionId) {
    const i = await db.instruction.findFirst({
      where: { id: ids.instructionId, card: { unit: withUnitScope(user, {}) } },
      select: {
        id: true,
        text: true,
        deadline: true,
        order: { select: { id: true } },
        card: { select: { unitId: true, date: true } },
        leader: { select: { name: true } },
      },
    });
    if (!i) return null;
    return {
      unitId: i.card.unitId,
      slotId: undefined,
      existingOrderId: i.order?.id ?? null,
      title: `落实${i.leader.name}批示`,
      content: `${i.leader.name}批示（${i.card.date}）：${i.text}`,
      deadline: i.deadline ?? undefined,
    };
  }
  if (ids.spotCheckId) {
    const c = await db.spotCheck.findFirst({ where: { id: ids.spotCheckId, ...slotInScope(user) }, select: { ...slotSourceSelect, notes: true } });
    return c && fromSlot(c, `抽查问题整改（${c.slot.card.date}）`, c.notes ? `抽查发现：${c.notes}` : "");
  }
  if (ids.anomalyId) {
    const a = await db.anomaly.findFirst({ where: { id: ids.anomalyId, ...slotInScope(user) }, select: slotSourceSelect });
    return a && fromSlot(a, `异常线索核查（${a.slot.card.date}）`, "");
  }
  return null;
}
