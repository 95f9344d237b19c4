/**
 * Who is told of each step of a 督办件, and in what words (short official
 * Chinese, the title and the unit, never personal data beyond them). Runs in
 * the step's transaction (writes.ts).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStepKind } from "@/lib/generated/prisma/enums";
import { announce, notifyUsers, usersOfUnits } from "@/lib/notifications/notify";
import { publicLink } from "@/lib/notifications/outbox";
import { ORDER_RATING_LABELS, ORDER_STEP_LABELS } from "@/lib/supervision/orders/lifecycle";
import { formatDistrictDateTime } from "@/lib/time";

/** `urgent`: the office marked it so; robots send it even in quiet hours. */
export type OrderEventInput = { kind: OrderStepKind; orderId: string; now: Date; actingUnitId?: string | null; stepId?: string; urgent?: boolean };

export async function orderEvent(tx: Prisma.TransactionClient, event: OrderEventInput): Promise<void> {
  const order = await tx.supervisionOrder.findUniqueOrThrow({
    where: { id: event.orderId },
    select: {
      id: true,
      title: true,
      deadline: true,
      rating: true,
      issuerId: true,
      groupId: true,
      unitId: true,
      unit: { select: { name: true } },
      coUnits: { select: { unitId: true } },
      group: { select: { members: { select: { userId: true } } } },
    },
  });
  const href = `/orders/${order.id}`;
  const units = [order.unitId, ...order.coUnits.map((c) => c.unitId)];
  const office = [order.issuerId, ...(order.group?.members.map((m) => m.userId) ?? [])];
  const title = `《${order.title}》`;
  const kind = `order.${event.kind.toLowerCase()}`;
  const label = ORDER_STEP_LABELS[event.kind];
  const send = async (recipients: string[], message: string) => notifyUsers(tx, recipients, { kind, message, href }, event.now);

  // An escalation step: the lead unit's people in-app, its work group through its robot.
  const overdueStep = async () =>
    announce(
      tx,
      { users: await usersOfUnits(tx, [order.unitId]), robots: { unitIds: [order.unitId] } },
      { kind, message: `督办件${title}：${label}。`, href },
      {
        title: `督办件${label}`,
        markdown: `### 督办件${label}\n${order.unit.name}：督办件${title}逾期未办结，已${label}。\n\n[查看督办件](${publicLink(href)})`,
      },
      event.now,
    );

  switch (event.kind) {
    case "ASSIGN": {
      const text = `督办件${title}已交办，请签收并于${formatDistrictDateTime(order.deadline)}前办结。`;
      // The units' people in-app, and their work groups through their robots (sent later by the outbox).
      await announce(
        tx,
        { users: await usersOfUnits(tx, units), robots: { unitIds: units } },
        { kind, message: text, href },
        {
          title: "督办件交办",
          markdown: `### ${event.urgent ? "【紧急】" : ""}督办件交办\n**牵头单位**：${order.unit.name}\n\n${text}\n\n[查看督办件](${publicLink(href)})`,
          urgent: event.urgent,
        },
        event.now,
      );
      return;
    }
    case "SIGN":
    case "FEEDBACK":
    case "REQUEST_EXTENSION":
    case "REQUEST_CLOSE": {
      const unit = event.actingUnitId ? await tx.unit.findUnique({ where: { id: event.actingUnitId }, select: { name: true } }) : null;
      await send(
        office,
        `${unit?.name ?? order.unit.name}已${label}督办件${title}${event.kind === "REQUEST_CLOSE" || event.kind === "REQUEST_EXTENSION" ? "，请审核" : ""}。`,
      );
      return;
    }
    case "APPROVE_EXTENSION":
      await send(await usersOfUnits(tx, [order.unitId]), `督办件${title}延期申请已同意，新的办结期限为${formatDistrictDateTime(order.deadline)}。`);
      return;
    case "EVALUATE":
      await send(await usersOfUnits(tx, [order.unitId]), `督办件${title}已评价：${order.rating ? ORDER_RATING_LABELS[order.rating] : ""}。`);
      return;
    case "REFUSE_EXTENSION":
    case "CLOSE":
    case "RETURN":
      await send(await usersOfUnits(tx, [order.unitId]), `督办件${title}：${label}。`);
      return;
    case "ESCALATE": {
      await overdueStep();
      // 提级督办 brings in the responsible line leader: the task's responsible leader, else the leaders of the lead unit's lines.
      const leaders = await responsibleLeaders(tx, order.id);
      const text = `${order.unit.name}督办件${title}已于${formatDistrictDateTime(order.deadline)}到期，逾期未办结，已提级督办`;
      await announce(
        tx,
        { users: leaders.map((l) => l.id), robots: { audience: "LEADERS" } },
        { kind, message: `${text}，请您督促办理。`, href },
        {
          title: `督办件${label}`,
          markdown: `### 督办件${label}\n${text}${leaders.length ? `，请${leaders.map((l) => l.name).join("、")}同志督促办理` : ""}。\n\n[查看督办件](${publicLink(href)})`,
          urgent: event.urgent,
        },
        event.now,
      );
      return;
    }
    case "CIRCULATE":
    case "SUMMON":
      await overdueStep();
      return;
    case "REGISTER":
      return;
  }
}

const leader = { id: true, name: true, active: true, role: true } as const;

/**
 * The leaders answerable for an order: the responsible leader of its task
 * (责任领导) if it has one, else the leader of the task's line, else the
 * leaders of the lines (分线, not command centres) its lead unit is on.
 * Active leaders only; none if the unit is on no led line.
 */
export async function responsibleLeaders(tx: Prisma.TransactionClient, orderId: string): Promise<{ id: string; name: string }[]> {
  const order = await tx.supervisionOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      unitId: true,
      task: { select: { responsibleLeader: { select: leader }, line: { select: { kind: true, leader: { select: leader } } } } },
    },
  });
  for (const own of [order.task?.responsibleLeader, order.task?.line?.kind === "LINE" ? order.task.line.leader : null])
    if (own?.active && own.role === "LEADER") return [{ id: own.id, name: own.name }];
  const lines = await tx.line.findMany({
    where: { kind: "LINE", units: { some: { unitId: order.unitId } }, leader: { active: true, role: "LEADER" } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { leader: { select: { id: true, name: true } } },
  });
  const seen = new Map(lines.map((l) => [l.leader!.id, l.leader!]));
  return [...seen.values()];
}
