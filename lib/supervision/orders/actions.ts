"use server";

/**
 * 督办单 (限时解决): the office, a leader or an assessment group issues one to
 * a unit in its scope (an assessor only to the units of their group — checked
 * in the query); the unit answers (text, photos); the issuer (or the issuing
 * group) accepts it or returns it. Every step is audited.
 */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/audit";
import { authedAction } from "@/lib/auth/action";
import { withUnitScope } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { decideOrderInput, issueOrderInput, respondOrderInput } from "@/lib/supervision/orders/schemas";
import { discardPhotos, filesOf, storePhotos, UploadError, type StoredPhoto } from "@/lib/supervision/photo-uploads";
import { districtInstant, districtToday } from "@/lib/time";

class OrderStateError extends Error {}

export const issueOrder = authedAction({ roles: ["ADMIN", "LEADER", "ASSESSOR"], input: issueOrderInput }, async (user, data) => {
  const unit = await db.unit.findFirst({ where: withUnitScope(user, { id: data.unitId, archivedAt: null }), select: { id: true, name: true } });
  if (!unit) return { message: "无权向该单位开具督办单。" };

  let groupId: string | null = null;
  if (user.role === "ASSESSOR") {
    // The group must be the assessor's own and cover the unit.
    const groups = await db.assessmentGroup.findMany({
      where: { AND: [{ members: { some: { userId: user.id } }, units: { some: { unitId: unit.id } } }, data.groupId ? { id: data.groupId } : {}] },
      select: { id: true },
    });
    if (groups.length === 0) return { message: "该单位不在您所在考核组的范围内。" };
    if (groups.length > 1) return { message: "请选择以哪个考核组的名义开具。", fieldErrors: { groupId: ["请选择考核组"] } };
    groupId = groups[0].id;
  }
  if (data.taskId && !(await db.task.count({ where: { id: data.taskId, unitId: unit.id } }))) {
    return { message: "所选任务不属于该单位。", fieldErrors: { taskId: ["请选择该单位的任务"] } };
  }
  if (data.slotId && !(await db.reportSlot.count({ where: { id: data.slotId, card: { unitId: unit.id } } }))) {
    return { message: "所关联的晒报不属于该单位。" };
  }
  const deadline = districtInstant(data.deadlineDate, data.deadlineTime);
  const now = Date.now();
  if (deadline.getTime() < now + 60 * 60_000) return { message: "办结期限至少在一小时以后。", fieldErrors: { deadlineDate: ["办结期限至少在一小时以后"] } };
  if (deadline.getTime() > now + 366 * 86_400_000) return { message: "办结期限不能超过一年。", fieldErrors: { deadlineDate: ["办结期限不能超过一年"] } };

  const orderId = await db.$transaction(async (tx) => {
    const order = await tx.supervisionOrder.create({
      data: { issuerId: user.id, groupId, unitId: unit.id, taskId: data.taskId ?? null, slotId: data.slotId ?? null, title: data.title, content: data.content, deadline },
      select: { id: true },
    });
    await audit(tx, { actorId: user.id, action: "order.issue", entity: "SupervisionOrder", entityId: order.id, after: { unitId: unit.id, groupId, taskId: data.taskId, slotId: data.slotId, title: data.title, deadline } });
    return order.id;
  });
  redirect(`/orders/${orderId}`);
});

export const respondOrder = authedAction({ roles: ["UNIT_HEAD", "REPORTER"], input: respondOrderInput }, async (user, data, formData) => {
  // Only the unit's own order, and only while it waits for an answer.
  const order = await db.supervisionOrder.findFirst({ where: { id: data.orderId, unitId: user.unitId ?? "__no_unit__" }, select: { id: true, status: true } });
  if (!order) return { message: "没有找到这份督办单。" };
  if (order.status !== "OPEN" && order.status !== "RETURNED") return { message: "这份督办单已答复,正在等待审核。" };

  let photos: StoredPhoto[];
  try {
    photos = await storePhotos(filesOf(formData, "photos"), districtToday());
  } catch (error) {
    if (error instanceof UploadError) return { message: error.message, fieldErrors: { photos: [error.message] } };
    throw error;
  }
  try {
    await db.$transaction(async (tx) => {
      const changed = await tx.supervisionOrder.updateMany({ where: { id: order.id, unitId: user.unitId!, status: { in: ["OPEN", "RETURNED"] } }, data: { status: "RESPONDED" } });
      if (changed.count !== 1) throw new OrderStateError();
      const response = await tx.orderResponse.create({ data: { orderId: order.id, authorId: user.id, text: data.text }, select: { id: true } });
      for (const p of photos) await tx.photo.create({ data: { ...p, uploaderId: user.id, orderResponseId: response.id } });
      await audit(tx, { actorId: user.id, action: "order.respond", entity: "SupervisionOrder", entityId: order.id, before: { status: order.status }, after: { status: "RESPONDED", responseId: response.id, photos: photos.length } });
    });
  } catch (error) {
    await discardPhotos(photos);
    if (error instanceof OrderStateError) return { message: "这份督办单已答复,正在等待审核。" };
    throw error;
  }
  revalidatePath(`/orders/${order.id}`);
  return { ok: true, message: "答复已提交,等待督办方审核。" };
});

export const decideOrder = authedAction({ roles: ["ADMIN", "LEADER", "ASSESSOR"], input: decideOrderInput }, async (user, data) => {
  const now = new Date();
  const done = await db.$transaction(async (tx) => {
    // Only the issuer, or a member of the issuing group, decides; only an answered order.
    const order = await tx.supervisionOrder.findFirst({
      where: { id: data.orderId, status: "RESPONDED", OR: [{ issuerId: user.id }, ...(user.groupIds.length ? [{ groupId: { in: user.groupIds } }] : [])] },
      select: { id: true, responses: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true } } },
    });
    const latest = order?.responses[0];
    if (!order || !latest) return false;
    await tx.orderResponse.update({ where: { id: latest.id }, data: { decision: data.decision, decisionNote: data.note ?? null, decidedAt: now } });
    await tx.supervisionOrder.update({ where: { id: order.id }, data: data.decision === "ACCEPTED" ? { status: "ACCEPTED", acceptedAt: now } : { status: "RETURNED" } });
    await audit(tx, { actorId: user.id, action: data.decision === "ACCEPTED" ? "order.accept" : "order.return", entity: "SupervisionOrder", entityId: order.id, before: { status: "RESPONDED" }, after: { status: data.decision, note: data.note ?? null } });
    return true;
  });
  if (!done) return { message: "只有督办方可以审核已答复的督办单。" };
  revalidatePath(`/orders/${data.orderId}`);
  return { ok: true, message: data.decision === "ACCEPTED" ? "已办结。" : "已退回,单位需重新答复。" };
});
