/**
 * What follows a shown slot: a leader's instruction (批示), the unit's answer,
 * reminders (催报). The role is checked by the action factory; the unit scope
 * is checked here, in each query. Takes the client as a parameter so that
 * the scope rules are tested against a real database.
 */
import type { ActionState } from "@/lib/auth/action";
import { audit } from "@/lib/audit";
import { withUnitRowScope, withUnitScope, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { enqueueInstructionMessage, enqueueReportReminders } from "@/lib/notifications/events";
import { readSlotDeadlines } from "@/lib/reports/deadline-settings";
import { SLOT_LABELS, slotDeadline } from "@/lib/reports/slots";
import { districtToday } from "@/lib/time";
import { UNIT_KINDS } from "@/lib/labels";

/** A leader instructs on a shown slot (leaders read every unit's reports). */
export async function recordInstruction(db: Db, user: SessionUser, data: { slotId: string; text: string }): Promise<ActionState> {
  const slot = await db.reportSlot.findUnique({ where: { id: data.slotId }, select: { slot: true, cardId: true, card: { select: { unitId: true } } } });
  if (!slot) return { message: "这条晒报已不存在。" };
  // 批示 are on units' cards; a leader's own card is read and visited (到现场看看), not instructed.
  const unitId = slot.card.unitId;
  if (unitId === null) return { message: "区级领导的晒报不能批示。" };
  await db.$transaction(async (tx) => {
    const instruction = await tx.instruction.create({
      data: { cardId: slot.cardId, slot: slot.slot, leaderId: user.id, text: data.text },
      select: { id: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: "instruction.create",
      entity: "Instruction",
      entityId: instruction.id,
      after: { slotId: data.slotId, unitId, text: data.text },
    });
    // The unit's work group hears of it through its robot (not the text).
    await enqueueInstructionMessage(tx, unitId, slot.slot, new Date());
  });
  return { ok: true, message: "批示已发出，等待单位回复。" };
}

/** The unit answers an instruction on its own card; another unit's id finds nothing. */
export async function recordInstructionAnswer(
  db: Db,
  user: SessionUser,
  data: { instructionId: string; text: string },
  now = new Date(),
): Promise<ActionState> {
  const instruction = await db.instruction.findFirst({ where: { id: data.instructionId, card: withUnitRowScope(user, {}) }, select: { id: true } });
  if (!instruction) return { message: "没有找到这条批示，或它不是给本单位的。" };
  await db.$transaction(async (tx) => {
    const answer = await tx.instructionAnswer.create({
      data: { instructionId: instruction.id, authorId: user.id, text: data.text, createdAt: now },
      select: { id: true },
    });
    await tx.instruction.update({ where: { id: instruction.id }, data: { answeredAt: now } });
    await audit(tx, {
      actorId: user.id,
      action: "instruction.answer",
      entity: "Instruction",
      entityId: instruction.id,
      after: { answerId: answer.id, text: data.text },
    });
  });
  return { ok: true, message: "回复已提交。" };
}

/**
 * 催报: a reminder for each unit in the user's scope (the office: all; a unit
 * head: their own) that has not shown the slot today, recorded and sent to
 * each unit's group robot (lib/notifications/events.ts).
 */
export async function recordReminders(db: Db, user: SessionUser, data: { slot: SlotKind; unitId?: string }, now = new Date()): Promise<ActionState> {
  const date = districtToday(now);
  const units = await db.unit.findMany({
    where: withUnitScope(user, data.unitId ? { id: data.unitId, archivedAt: null } : { archivedAt: null }),
    // Towns first, then departments, each in the seat order: sorted here, as PostgreSQL and SQLite order an enum differently.
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, kind: true, cards: { where: { date }, select: { slots: { where: { slot: data.slot }, select: { id: true } } } } },
  });
  const targets = units.filter((u) => (u.cards[0]?.slots.length ?? 0) === 0).sort((a, b) => UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind));
  if (targets.length === 0) {
    if (data.unitId && units.length === 0) return { message: "只能提醒本单位。" };
    return { message: data.unitId ? `该单位已晒${SLOT_LABELS[data.slot]}，无需提醒。` : `所有单位都已晒${SLOT_LABELS[data.slot]}。` };
  }
  await db.$transaction(async (tx) => {
    await tx.reminder.createMany({ data: targets.map((t) => ({ unitId: t.id, date, slot: data.slot, remindedById: user.id, createdAt: now })) });
    await audit(tx, { actorId: user.id, action: "reminder.create", entity: "Reminder", after: { date, slot: data.slot, unitIds: targets.map((t) => t.id) } });
    // …and each unit's work group, @-ing its reporters (the robots send it later).
    await enqueueReportReminders(tx, targets, data.slot, slotDeadline(date, data.slot, await readSlotDeadlines(tx)), now);
  });
  return { ok: true, message: targets.length === 1 ? `已提醒${targets[0].name}。` : `已提醒 ${targets.length} 个单位。` };
}
