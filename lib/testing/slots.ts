/**
 * Report slots written straight to the database, past the submission path
 * (as the seed does): for the tests of what reads, checks or follows up a
 * report. The tests of submitting itself go through submitSlot.
 */
import type { Db } from "@/lib/db-client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { createSessionUser } from "@/lib/testing/users";
import { districtInstant } from "@/lib/time";

export type SlotFixture = { unitId: string; date: string; slot: SlotKind; authorId: string; submittedAt: Date; text?: string; late?: boolean };

/** A submitted slot on the unit's card of `date`, the card made if it is not there yet. */
export async function createSlot(db: Db, { unitId, date, ...slot }: SlotFixture) {
  const card = await db.reportCard.upsert({ where: { unitId_date: { unitId, date } }, create: { unitId, date }, update: {} });
  return db.reportSlot.create({ data: { cardId: card.id, ...slot } });
}

/** 甲镇 (T1) beside 乙镇 (T2); 甲镇's head ("town-head") showed its morning plan of `date` at 08:00: the slot a leader's 批示 is written on. */
export async function seedMorningPlan(db: Db, date: string) {
  const townId = (await db.unit.create({ data: { code: "T1", name: "甲镇", kind: "TOWN" } })).id;
  const otherId = (await db.unit.create({ data: { code: "T2", name: "乙镇", kind: "TOWN" } })).id;
  const townHead = await createSessionUser(db, "town-head", "UNIT_HEAD", townId);
  const plan = { slot: "MORNING", authorId: townHead.id, text: "今日计划：1.拆除违建。", submittedAt: districtInstant(date, "08:00") } as const;
  const slot = await createSlot(db, { unitId: townId, date, ...plan });
  return { townId, otherId, townHead, slotId: slot.id };
}
