/**
 * Every write of a 督办件: 立项/交办 (issueOrder) and each later step
 * (applyOrderStep), as plain functions over a client so integration tests
 * call them directly; lib/supervision/orders/actions.ts wires them to
 * authedAction. Each finds its order with the caller's scope IN THE QUERY,
 * asks the state machine (lifecycle.ts) whether the move is allowed, and
 * writes the new state (guarded by the old one in the UPDATE's WHERE, so a
 * double click moves it once), the recorded step, the audit entry and the
 * notices/outbox messages of the event in ONE transaction.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderSource } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/audit";
import { isUnitRole, withUnitScope, type SessionUser } from "@/lib/auth/roles";
import { isOverdue } from "@/lib/supervision/order-status";
import { move, ORDER_STEP_LABELS, type OrderAction, type OrderActor, type OrderState } from "@/lib/supervision/orders/lifecycle";
import { orderEvent } from "@/lib/supervision/orders/events";
import type { issueOrderInput, orderStepInput } from "@/lib/supervision/orders/schemas";
import type { StoredPhoto } from "@/lib/supervision/photo-uploads";
import { districtInstant } from "@/lib/time";
import type { z } from "@/lib/validation";
import { Refused, answerRefusal, refuse, succeed, type WriteResult } from "@/lib/write-result";

export const ORDER_NOT_FOUND = "没有找到这件督办件，或您无权操作。";
export const ORDER_CHANGED = "这件督办件刚刚有了新的办理步骤，请刷新后再试。";

/** Orders the user may read: the office and leaders all; an assessor those of the units in their groups; a unit those it leads or co-operates on. */
export function orderScopeWhere(user: SessionUser): Prisma.SupervisionOrderWhereInput {
  if (isUnitRole(user.role)) {
    const unitId = user.unitId ?? "__no_unit__";
    return { OR: [{ unitId }, { coUnits: { some: { unitId } } }] };
  }
  if (user.role === "ASSESSOR") return { unit: { groups: { some: { groupId: { in: user.groupIds } } } } };
  return {};
}

/** The office side of an order: the 督查室, the issuer, or a member of the issuing group. */
export function isOfficeFor(user: SessionUser, order: { issuerId: string; groupId: string | null }): boolean {
  return user.role === "ADMIN" || order.issuerId === user.id || (order.groupId !== null && user.groupIds.includes(order.groupId));
}

export function actorOf(
  user: SessionUser,
  order: { issuerId: string; groupId: string | null; unitId: string; coUnits: { unitId: string }[] },
): OrderActor | null {
  if (isUnitRole(user.role)) {
    if (user.unitId === order.unitId) return "LEAD_UNIT";
    if (order.coUnits.some((c) => c.unitId === user.unitId)) return "CO_UNIT";
    return null;
  }
  return isOfficeFor(user, order) ? "OFFICE" : null;
}

function sourceOf(data: z.infer<typeof issueOrderInput>): { source: OrderSource; sourceId: string | null } {
  if (data.instructionId) return { source: "INSTRUCTION", sourceId: null };
  if (data.spotCheckId) return { source: "SPOT_CHECK", sourceId: data.spotCheckId };
  if (data.anomalyId) return { source: "ANOMALY", sourceId: data.anomalyId };
  if (data.slotId) return { source: "REPORT", sourceId: null };
  if (data.taskId) return { source: "TASK", sourceId: null };
  return { source: "MANUAL", sourceId: null };
}

/** 立项 (and, unless registerOnly, 交办 at once) of a 督办件 to a lead unit and its co-units. */
export async function issueOrder(client: Db, user: SessionUser, data: z.infer<typeof issueOrderInput>, now = new Date()): Promise<WriteResult<string>> {
  if (!["ADMIN", "LEADER", "ASSESSOR"].includes(user.role)) return refuse("没有权限执行此操作。", { status: 403 });
  const unit = await client.unit.findFirst({ where: withUnitScope(user, { id: data.unitId, archivedAt: null }), select: { id: true, name: true } });
  if (!unit) return refuse("无权向该单位交办督办件。", { status: 403, fieldErrors: { unitId: ["请选择您范围内的单位"] } });
  const coUnitIds = [...new Set(data.coUnitIds)].filter((u) => u !== unit.id);
  if (coUnitIds.length && (await client.unit.count({ where: withUnitScope(user, { id: { in: coUnitIds }, archivedAt: null }) })) !== coUnitIds.length) {
    return refuse("所选配合单位不在您的范围内。", { fieldErrors: { coUnitIds: ["请选择您范围内的单位"] } });
  }

  let groupId: string | null = null;
  if (user.role === "ASSESSOR") {
    const groups = await client.assessmentGroup.findMany({
      where: { AND: [{ members: { some: { userId: user.id } }, units: { some: { unitId: unit.id } } }, data.groupId ? { id: data.groupId } : {}] },
      select: { id: true },
    });
    if (groups.length === 0) return refuse("该单位不在您所在考核组的范围内。");
    if (groups.length > 1) return refuse("请选择以哪个考核组的名义交办。", { fieldErrors: { groupId: ["请选择考核组"] } });
    groupId = groups[0].id;
  }
  if (data.taskId && !(await client.task.count({ where: { id: data.taskId, unitId: unit.id } }))) {
    return refuse("所选任务不属于该单位。", { fieldErrors: { taskId: ["请选择该单位的任务"] } });
  }
  if (data.slotId && !(await client.reportSlot.count({ where: { id: data.slotId, card: { unitId: unit.id } } }))) {
    return refuse("所关联的晒报不属于该单位。");
  }
  if (data.spotCheckId && !(await client.spotCheck.count({ where: { id: data.spotCheckId, slot: { card: { unitId: unit.id } } } }))) {
    return refuse("所关联的抽查不属于该单位。");
  }
  if (data.anomalyId && !(await client.anomaly.count({ where: { id: data.anomalyId, slot: { card: { unitId: unit.id } } } }))) {
    return refuse("所关联的异常线索不属于该单位。");
  }
  if (data.instructionId) {
    const instruction = await client.instruction.findFirst({
      where: { id: data.instructionId, card: { unitId: unit.id } },
      select: { id: true, order: { select: { id: true } } },
    });
    if (!instruction) return refuse("所关联的批示不属于该单位。");
    if (instruction.order) return refuse("这条批示已转为督办件。");
  }
  const deadline = districtInstant(data.deadlineDate, data.deadlineTime);
  if (deadline.getTime() < now.getTime() + 60 * 60_000)
    return refuse("办结期限至少在一小时以后。", { fieldErrors: { deadlineDate: ["办结期限至少在一小时以后"] } });
  if (deadline.getTime() > now.getTime() + 366 * 86_400_000)
    return refuse("办结期限不能超过一年。", { fieldErrors: { deadlineDate: ["办结期限不能超过一年"] } });

  const assign = !data.registerOnly;
  const { source, sourceId } = sourceOf(data);
  const orderId = await client.$transaction(async (tx) => {
    const order = await tx.supervisionOrder.create({
      data: {
        issuerId: user.id,
        groupId,
        unitId: unit.id,
        taskId: data.taskId ?? null,
        slotId: data.slotId ?? null,
        instructionId: data.instructionId ?? null,
        source,
        sourceId,
        title: data.title,
        content: data.content,
        deadline,
        feedbackEveryDays: data.feedbackEveryDays ?? null,
        status: assign ? "OPEN" : "REGISTERED",
        createdAt: now,
        coUnits: { create: coUnitIds.map((unitId) => ({ unitId })) },
      },
      select: { id: true },
    });
    await tx.orderStep.create({ data: { orderId: order.id, kind: "REGISTER", actorId: user.id, at: now, note: null, deadlineAfter: deadline } });
    if (assign) {
      await tx.orderStep.create({ data: { orderId: order.id, kind: "ASSIGN", actorId: user.id, at: now } });
      await orderEvent(tx, { kind: "ASSIGN", orderId: order.id, now, urgent: data.urgent === "1" });
    }
    await audit(tx, {
      actorId: user.id,
      action: assign ? "order.issue" : "order.register",
      entity: "SupervisionOrder",
      entityId: order.id,
      after: {
        unitId: unit.id,
        coUnitIds,
        groupId,
        source,
        taskId: data.taskId,
        slotId: data.slotId,
        instructionId: data.instructionId,
        sourceId,
        title: data.title,
        deadline,
        feedbackEveryDays: data.feedbackEveryDays ?? null,
        urgent: data.urgent === "1",
      },
    });
    return order.id;
  });
  return succeed(orderId);
}

function actionOf(data: z.infer<typeof orderStepInput>): OrderAction | { error: string; field: string } {
  const text = data.text ?? "";
  switch (data.kind) {
    case "FEEDBACK":
      return { kind: "FEEDBACK", text };
    case "REQUEST_EXTENSION":
      if (!data.untilDate) return { error: "请选择申请延至的日期。", field: "untilDate" };
      return { kind: "REQUEST_EXTENSION", until: districtInstant(data.untilDate, data.untilTime), reason: text };
    case "REFUSE_EXTENSION":
      return { kind: "REFUSE_EXTENSION", reason: text };
    case "REQUEST_CLOSE":
      return { kind: "REQUEST_CLOSE", evidence: text };
    case "RETURN":
      return { kind: "RETURN", reason: text };
    case "EVALUATE":
      if (!data.rating) return { error: "请选择评价。", field: "rating" };
      return { kind: "EVALUATE", rating: data.rating };
    default:
      return { kind: data.kind };
  }
}

const stepSelect = {
  id: true,
  status: true,
  escalation: true,
  extensionUntil: true,
  deadline: true,
  rating: true,
  createdAt: true,
  issuerId: true,
  groupId: true,
  unitId: true,
  instructionId: true,
  coUnits: { select: { unitId: true, signedAt: true } },
  responses: { orderBy: { createdAt: "desc" as const }, select: { id: true, createdAt: true, decision: true } },
} as const;

/**
 * One step of a 督办件 by the signed-in user. `photos` (a 办结申请's evidence)
 * are already in the photo store; the caller discards them if this fails.
 */
export async function applyOrderStep(
  client: Db,
  user: SessionUser,
  data: z.infer<typeof orderStepInput>,
  photos: readonly StoredPhoto[] = [],
  now = new Date(),
): Promise<WriteResult<string>> {
  const action = actionOf(data);
  if ("error" in action) return refuse(action.error, { fieldErrors: { [action.field]: [action.error] } });
  const order = await client.supervisionOrder.findFirst({ where: { AND: [{ id: data.orderId }, orderScopeWhere(user)] }, select: stepSelect });
  if (!order) return refuse(ORDER_NOT_FOUND, { status: 404 });
  const actor = actorOf(user, order);
  if (!actor) return refuse("您可以查看这件督办件，但办理由督办方和承办单位进行。", { status: 403 });
  if (actor === "CO_UNIT" && action.kind === "SIGN" && order.coUnits.find((c) => c.unitId === user.unitId)?.signedAt) return refuse("本单位已经签收。");
  if (photos.length && action.kind !== "REQUEST_CLOSE" && action.kind !== "FEEDBACK") return refuse("只有反馈和办结申请可以附照片。");

  const state: OrderState = {
    status: order.status,
    escalation: order.escalation,
    extensionUntil: order.extensionUntil,
    deadline: order.deadline,
    rating: order.rating,
    overdue: isOverdue(order, now),
  };
  const result = move(state, action, actor);
  if (!result.ok) return refuse(result.reason);
  const next = result.next;
  const text = data.text ?? null;
  const unitId = actor === "OFFICE" ? null : user.unitId;

  return answerRefusal(() =>
    client.$transaction(async (tx) => {
      const patch: Prisma.SupervisionOrderUpdateManyMutationInput = {
        status: next.status,
        escalation: next.escalation,
        extensionUntil: next.extensionUntil,
        deadline: next.deadline,
        rating: next.rating,
      };
      if (action.kind === "SIGN" && actor === "LEAD_UNIT") patch.signedAt = now;
      if (action.kind === "FEEDBACK" && actor === "LEAD_UNIT") patch.lastFeedbackAt = now;
      if (action.kind === "CLOSE") patch.acceptedAt = now;
      if (action.kind === "EVALUATE") patch.ratedAt = now;
      // The state the machine judged is the state we change: a concurrent step makes this match nothing.
      const changed = await tx.supervisionOrder.updateMany({
        where: {
          id: order.id,
          status: state.status,
          escalation: state.escalation,
          extensionUntil: state.extensionUntil,
          deadline: state.deadline,
          rating: state.rating,
        },
        data: patch,
      });
      if (changed.count !== 1) throw new Refused(ORDER_CHANGED, { status: 409 });
      if (actor === "CO_UNIT" && action.kind === "SIGN") {
        const signed = await tx.orderCoUnit.updateMany({ where: { orderId: order.id, unitId: user.unitId!, signedAt: null }, data: { signedAt: now } });
        if (signed.count !== 1) throw new Refused(ORDER_CHANGED, { status: 409 });
      }
      let responseId: string | null = null;
      if (action.kind === "REQUEST_CLOSE") {
        responseId = (
          await tx.orderResponse.create({ data: { orderId: order.id, authorId: user.id, text: action.evidence, createdAt: now }, select: { id: true } })
        ).id;
        for (const p of photos) await tx.photo.create({ data: { ...p, uploaderId: user.id, orderResponseId: responseId } });
      }
      if (action.kind === "CLOSE" || action.kind === "RETURN") {
        const latest = order.responses[0];
        if (latest)
          await tx.orderResponse.update({
            where: { id: latest.id },
            data: { decision: action.kind === "CLOSE" ? "ACCEPTED" : "RETURNED", decisionNote: text, decidedAt: now },
          });
      }
      // A 督办件 raised from a 批示 closes the 批示 when it is 办结 (unless the leader closed it already).
      if (action.kind === "CLOSE" && order.instructionId) {
        const closed = await tx.instruction.updateMany({ where: { id: order.instructionId, closedAt: null }, data: { closedAt: now } });
        if (closed.count === 1)
          await audit(tx, {
            actorId: user.id,
            action: "instruction.close",
            entity: "Instruction",
            entityId: order.instructionId,
            after: { closedAt: now, orderId: order.id },
          });
      }
      const step = await tx.orderStep.create({
        data: {
          orderId: order.id,
          kind: result.step,
          actorId: user.id,
          unitId,
          at: now,
          note: text,
          deadlineBefore: result.deadlineBefore ?? (action.kind === "REQUEST_EXTENSION" ? state.deadline : null),
          deadlineAfter: result.deadlineAfter ?? (action.kind === "REQUEST_EXTENSION" ? action.until : null),
          rating: action.kind === "EVALUATE" ? action.rating : null,
        },
        select: { id: true },
      });
      await orderEvent(tx, { kind: result.step, orderId: order.id, now, actingUnitId: unitId, stepId: step.id });
      await audit(tx, {
        actorId: user.id,
        action: `order.${result.step.toLowerCase()}`,
        entity: "SupervisionOrder",
        entityId: order.id,
        unitId: order.unitId,
        before: { status: state.status, escalation: state.escalation, deadline: state.deadline, extensionUntil: state.extensionUntil, rating: state.rating },
        after: {
          status: next.status,
          escalation: next.escalation,
          deadline: next.deadline,
          extensionUntil: next.extensionUntil,
          rating: next.rating,
          stepId: step.id,
          note: text,
          responseId,
          photos: photos.length,
          actingUnitId: unitId,
        },
      });
      return succeed(`已${ORDER_STEP_LABELS[result.step]}。`);
    }),
  );
}
