/**
 * What follows a shown slot: a leader's instruction (批示), the unit's answer,
 * reminders (催报). The role is checked by the action factory; the unit scope
 * is checked here, in each query. Takes the client as a parameter so that
 * the scope rules are tested against a real database.
 */
import { audit } from "@/lib/audit";
import { withUnitRowScope, withUnitScope, type SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { enqueueReportReminders, instructionEvent } from "@/lib/notifications/events";
import { readSlotDeadlines } from "@/lib/reports/deadline-settings";
import { SLOT_LABELS, slotDeadline } from "@/lib/reports/slots";
import { addDays, districtToday } from "@/lib/time";
import { UNIT_KINDS } from "@/lib/labels";
import { Refused, answerRefusal, refuse, succeed, type WriteResult } from "@/lib/write-result";

/** A 批示's 办理期限 may be today or later, within a year (district dates). */
export function instructionDeadlineError(deadline: string, now: Date): string | null {
  const today = districtToday(now);
  if (deadline < today) return "办理期限不能早于今天";
  if (deadline > addDays(today, 366)) return "办理期限不能超过一年";
  return null;
}

/** A leader instructs on a shown slot (leaders read every unit's reports), with an optional 办理期限. */
export async function recordInstruction(
  db: Db,
  user: SessionUser,
  data: { slotId: string; text: string; deadline?: string },
  now = new Date(),
): Promise<WriteResult<string>> {
  const slot = await db.reportSlot.findUnique({ where: { id: data.slotId }, select: { slot: true, cardId: true, card: { select: { unitId: true } } } });
  if (!slot) return refuse("这条晒报已不存在。", { status: 404 });
  // 批示 are on units' cards; a leader's own card is read and visited (到现场看看), not instructed.
  const unitId = slot.card.unitId;
  if (unitId === null) return refuse("区级领导的晒报不能批示。");
  const deadline = data.deadline ?? null;
  const deadlineError = deadline && instructionDeadlineError(deadline, now);
  if (deadlineError) return refuse(`${deadlineError}。`, { fieldErrors: { deadline: [deadlineError] } });
  await db.$transaction(async (tx) => {
    const instruction = await tx.instruction.create({
      data: { cardId: slot.cardId, slot: slot.slot, leaderId: user.id, text: data.text, deadline, createdAt: now },
      select: { id: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: "instruction.create",
      entity: "Instruction",
      entityId: instruction.id,
      after: { slotId: data.slotId, unitId, text: data.text, deadline },
    });
    // The unit's people (in-app) and its work group (robot) hear of it — not its text.
    await instructionEvent(tx, "create", instruction.id, now);
  });
  return succeed(deadline ? `批示已发出，请单位在 ${deadline} 前回复。` : "批示已发出，等待单位回复。");
}

/** The unit answers an instruction on its own card; another unit's id finds nothing, a closed 批示 takes no more answers. */
export async function recordInstructionAnswer(
  db: Db,
  user: SessionUser,
  data: { instructionId: string; text: string },
  now = new Date(),
): Promise<WriteResult<string>> {
  const instruction = await db.instruction.findFirst({
    where: { id: data.instructionId, card: withUnitRowScope(user, {}) },
    select: { id: true, closedAt: true },
  });
  if (!instruction) return refuse("没有找到这条批示，或它不是给本单位的。", { status: 404 });
  if (instruction.closedAt) return refuse("这条批示已办结，无需再回复。", { status: 409 });
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
    // The leader who wrote it is told the unit has answered.
    await instructionEvent(tx, "answer", instruction.id, now);
  });
  return succeed("回复已提交。");
}

export const INSTRUCTION_NOT_YOURS = "没有找到这条批示，或只有批示的领导和督查室可以办结。";
const CHANGED_MEANWHILE = "这条批示刚刚有了变化，请刷新后再试。";

/**
 * The 批示 the user may close or ask again on: the leader who wrote it, or the
 * office (ADMIN). Anyone else — another leader, an assessor, a unit — finds
 * nothing, as for an unknown id.
 */
function reviewableWhere(user: SessionUser, instructionId: string) {
  if (user.role === "ADMIN") return { id: instructionId };
  if (user.role === "LEADER") return { id: instructionId, leaderId: user.id };
  return null;
}

type Answered = { id: string; answeredAt: Date; deadline: string | null };

/**
 * A review of an answered 批示 (采纳办结 or 追问) by its leader or the office:
 * the 批示 must be open and answered. The UPDATE is guarded by the state it
 * was read in, so a second click (or the office at the same moment) changes
 * nothing; `step` then writes the rest in the same transaction.
 */
async function reviewAnswered(
  db: Db,
  user: SessionUser,
  instructionId: string,
  review: { notAnswered: string; data: { closedAt: Date } | { answeredAt: null }; done: string },
  step: (tx: Prisma.TransactionClient, instruction: Answered) => Promise<void>,
): Promise<WriteResult<string>> {
  const where = reviewableWhere(user, instructionId);
  const found = where && (await db.instruction.findFirst({ where, select: { id: true, answeredAt: true, closedAt: true, deadline: true } }));
  if (!found) return refuse(INSTRUCTION_NOT_YOURS, { status: 404 });
  if (found.closedAt) return refuse("这条批示已经办结。", { status: 409 });
  const { answeredAt } = found;
  if (!answeredAt) return refuse(review.notAnswered, { status: 409 });
  return answerRefusal(() =>
    db.$transaction(async (tx) => {
      const changed = await tx.instruction.updateMany({ where: { id: found.id, closedAt: null, answeredAt }, data: review.data });
      if (changed.count !== 1) throw new Refused(CHANGED_MEANWHILE, { status: 409 });
      await step(tx, { id: found.id, answeredAt, deadline: found.deadline });
      return succeed(review.done);
    }),
  );
}

/** 采纳办结: the unit's answer is accepted and the 批示 closed (closedAt), once the unit has answered. */
export async function closeInstruction(db: Db, user: SessionUser, data: { instructionId: string }, now = new Date()): Promise<WriteResult<string>> {
  const review = { notAnswered: "单位还没有回复，回复后才能办结。", data: { closedAt: now }, done: "已采纳回复，批示办结。" };
  return reviewAnswered(db, user, data.instructionId, review, async (tx, instruction) => {
    await audit(tx, {
      actorId: user.id,
      action: "instruction.close",
      entity: "Instruction",
      entityId: instruction.id,
      before: { answeredAt: instruction.answeredAt, closedAt: null },
      after: { closedAt: now, late: instruction.deadline !== null && districtToday(now) > instruction.deadline },
    });
    await instructionEvent(tx, "close", instruction.id, now);
  });
}

/**
 * 追问: the answer is not enough; the 批示 goes back to the unit (answeredAt
 * cleared) with the leader's further words, kept in the 批示's thread (an
 * InstructionAnswer written by the leader or the office, shown as 追问).
 */
export async function reaskInstruction(
  db: Db,
  user: SessionUser,
  data: { instructionId: string; text: string },
  now = new Date(),
): Promise<WriteResult<string>> {
  const review = { notAnswered: "单位还没有回复，不必追问。", data: { answeredAt: null }, done: "已追问，等待单位再次回复。" };
  return reviewAnswered(db, user, data.instructionId, review, async (tx, instruction) => {
    const note = await tx.instructionAnswer.create({
      data: { instructionId: instruction.id, authorId: user.id, text: data.text, createdAt: now },
      select: { id: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: "instruction.reask",
      entity: "Instruction",
      entityId: instruction.id,
      before: { answeredAt: instruction.answeredAt },
      after: { answeredAt: null, noteId: note.id, text: data.text },
    });
    await instructionEvent(tx, "reask", instruction.id, now);
  });
}

/**
 * 催报: a reminder for each unit in the user's scope (the office: all; a unit
 * head: their own) that has not shown the slot today, recorded and sent to
 * each unit's group robot (lib/notifications/events.ts).
 */
export async function recordReminders(db: Db, user: SessionUser, data: { slot: SlotKind; unitId?: string }, now = new Date()): Promise<WriteResult<string>> {
  const date = districtToday(now);
  const units = await db.unit.findMany({
    where: withUnitScope(user, data.unitId ? { id: data.unitId, archivedAt: null } : { archivedAt: null }),
    // Towns first, then departments, each in the seat order: sorted here, as PostgreSQL and SQLite order an enum differently.
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, kind: true, cards: { where: { date }, select: { slots: { where: { slot: data.slot }, select: { id: true } } } } },
  });
  const targets = units.filter((u) => (u.cards[0]?.slots.length ?? 0) === 0).sort((a, b) => UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind));
  if (targets.length === 0) {
    if (data.unitId && units.length === 0) return refuse("只能提醒本单位。", { status: 403 });
    return refuse(data.unitId ? `该单位已晒${SLOT_LABELS[data.slot]}，无需提醒。` : `所有单位都已晒${SLOT_LABELS[data.slot]}。`, { status: 409 });
  }
  await db.$transaction(async (tx) => {
    await tx.reminder.createMany({ data: targets.map((t) => ({ unitId: t.id, date, slot: data.slot, remindedById: user.id, createdAt: now })) });
    await audit(tx, { actorId: user.id, action: "reminder.create", entity: "Reminder", after: { date, slot: data.slot, unitIds: targets.map((t) => t.id) } });
    // …and each unit's work group, @-ing its reporters (the robots send it later).
    await enqueueReportReminders(tx, targets, data.slot, slotDeadline(date, data.slot, await readSlotDeadlines(tx)), now);
  });
  return succeed(targets.length === 1 ? `已提醒${targets[0].name}。` : `已提醒 ${targets.length} 个单位。`);
}
