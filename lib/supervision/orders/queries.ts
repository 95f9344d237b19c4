/**
 * Reads of 督办单, scoped in the query: the office and leaders see all, an
 * assessor the orders of the units in their groups, a unit its own.
 */
import "server-only";
import { db } from "@/lib/db";
import { isUnitRole, withUnitRowScope, withUnitScope, type SessionUser } from "@/lib/auth/roles";
import { daysLeft, isOverdue, orderColour, type OrderColour } from "@/lib/supervision/order-status";
import { reportSummarySelect, toReportSummary } from "@/lib/supervision/reports";

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
} as const;

type Listed = {
  id: string;
  title: string;
  status: "OPEN" | "RESPONDED" | "RETURNED" | "ACCEPTED";
  createdAt: Date;
  deadline: Date;
  unit: { id: string; name: string };
  issuer: { name: string; title: string | null };
  group: { name: string } | null;
  task: { title: string } | null;
  responses: { createdAt: Date; decision: "ACCEPTED" | "RETURNED" | null }[];
};

function withColour<T extends Listed>(order: T, now: Date) {
  return { ...order, colour: orderColour(order, now), overdue: isOverdue(order, now), daysLeft: daysLeft(order, now) };
}

export type OrderListItem = ReturnType<typeof withColour<Listed>>;

export type OrderTab = "open" | "closed" | "all";

export async function listOrders(user: SessionUser, tab: OrderTab, now = new Date()): Promise<OrderListItem[]> {
  const status = tab === "open" ? { status: { not: "ACCEPTED" as const } } : tab === "closed" ? { status: "ACCEPTED" as const } : {};
  const rows = await db.supervisionOrder.findMany({ where: withUnitRowScope(user, status), orderBy: { deadline: "asc" }, take: 200, select: listSelect });
  return rows.map((o) => withColour(o, now));
}

const COLOUR_ORDER: Record<OrderColour, number> = { RED: 0, YELLOW: 1, BLUE: 2, WAITING: 3, ON_TRACK: 4, CLOSED: 5 };

/** The escalation list (督办预警): overdue first, longest overdue on top, then behind schedule. */
export async function listEscalations(user: SessionUser, now = new Date()): Promise<OrderListItem[]> {
  const open = await listOrders(user, "open", now);
  return open.filter((o) => o.colour === "RED" || o.colour === "YELLOW").sort((a, b) => COLOUR_ORDER[a.colour] - COLOUR_ORDER[b.colour] || a.deadline.getTime() - b.deadline.getTime());
}

export async function getOrder(user: SessionUser, id: string, now = new Date()) {
  const order = await db.supervisionOrder.findFirst({
    where: withUnitRowScope(user, { id }),
    select: {
      ...listSelect,
      content: true,
      acceptedAt: true,
      issuerId: true,
      groupId: true,
      unitId: true,
      task: { select: { id: true, title: true, deadline: true } },
      slot: { select: reportSummarySelect },
      responses: {
        orderBy: { createdAt: "asc" },
        select: { id: true, text: true, createdAt: true, decision: true, decisionNote: true, decidedAt: true, author: { select: { name: true } }, photos: { orderBy: { sortOrder: "asc" }, select: { id: true } } },
      },
    },
  });
  if (!order) return null;
  return {
    ...withColour(order, now),
    report: order.slot ? toReportSummary(order.slot) : null,
    canRespond: isUnitRole(user.role) && user.unitId === order.unitId && (order.status === "OPEN" || order.status === "RETURNED"),
    canDecide: order.status === "RESPONDED" && (order.issuerId === user.id || (order.groupId !== null && user.groupIds.includes(order.groupId))),
  };
}

/** The units the user may issue an order to (an assessor: the units of their groups). */
export async function listIssuableUnits(user: SessionUser) {
  return db.unit.findMany({ where: withUnitScope(user, { archivedAt: null }), orderBy: [{ kind: "desc" }, { sortOrder: "asc" }], select: { id: true, name: true } });
}

/** What the issue form needs about one unit: its tasks, and (for an assessor) the groups covering it. */
export async function issueFormContext(user: SessionUser, unitId: string) {
  const unit = await db.unit.findFirst({ where: withUnitScope(user, { id: unitId, archivedAt: null }), select: { id: true, name: true } });
  if (!unit) return null;
  const [tasks, groups] = await Promise.all([
    db.task.findMany({ where: { unitId: unit.id, archivedAt: null }, orderBy: { deadline: "asc" }, select: { id: true, title: true, deadline: true } }),
    user.role === "ASSESSOR"
      ? db.assessmentGroup.findMany({ where: { members: { some: { userId: user.id } }, units: { some: { unitId: unit.id } } }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  return { unit, tasks, groups };
}
