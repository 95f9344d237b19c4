/** Reads of report cards and the day's reporting status, scoped to the caller. */
import "server-only";
import type { SlotKind, UnitKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { unitScopeWhere, withUnitRowScope, withUnitScope, type SessionUser } from "@/lib/auth/roles";
import { getSlotDeadlines } from "@/lib/settings";
import { summarizeBurden } from "@/lib/reports/burden";
import { itemJsonSelect, loadCardJson, slotShownSelect } from "@/lib/reports/card-json";
import { historyOf, slotVersionsSelect } from "@/lib/reports/version-history";
import { lockCountsSelect } from "@/lib/reports/versions";
import { SLOTS, slotState, type SlotState } from "@/lib/reports/slots";
import { addDays, type DistrictDate } from "@/lib/time";
import { UNIT_CARD, unitIdOf } from "@/lib/reports/card-owner";
import { byUnitKind } from "@/lib/enum-order";
import { listVisibleUnits } from "@/lib/org/queries";
import { findLeaderInstructions, type InstructionListShow } from "@/lib/reports/instruction-list";

export type UnitDayStatus = {
  unitId: string;
  unitName: string;
  kind: UnitKind;
  slots: Record<SlotKind, SlotState>;
};

/** Every unit the user may see, with the state of each of its three slots on `date`. */
export async function listDayStatus(user: SessionUser, date: DistrictDate, kind?: UnitKind, now = new Date()): Promise<UnitDayStatus[]> {
  const [rows] = await listDaysStatus(user, [date], kind, now);
  return rows;
}

/** listDayStatus for several days in one read (the leader's today and yesterday): one list per date, in the order given. */
export async function listDaysStatus(user: SessionUser, dates: readonly DistrictDate[], kind?: UnitKind, now = new Date()): Promise<UnitDayStatus[][]> {
  const [deadlines, units] = await Promise.all([
    getSlotDeadlines(user),
    db.unit
      .findMany({
        where: withUnitScope(user, { archivedAt: null, ...(kind ? { kind } : {}) }),
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          name: true,
          kind: true,
          cards: { where: { date: { in: [...dates] } }, select: { date: true, slots: { select: { slot: true, submittedAt: true } } } },
        },
      })
      .then(byUnitKind),
  ]);
  return dates.map((date) =>
    units.map((unit) => {
      const card = unit.cards.find((c) => c.date === date);
      const submitted = new Map(card?.slots.map((s) => [s.slot, s.submittedAt]) ?? []);
      const slots = Object.fromEntries(SLOTS.map((slot) => [slot, slotState(submitted.get(slot), date, slot, deadlines, now)])) as Record<SlotKind, SlotState>;
      return { unitId: unit.id, unitName: unit.name, kind: unit.kind, slots };
    }),
  );
}

/** How many units have shown each slot (on time or late) out of all. */
export function summarizeDayStatus(rows: UnitDayStatus[]): Record<SlotKind, { shown: number; late: number; missing: number; total: number }> {
  return Object.fromEntries(
    SLOTS.map((slot) => {
      const states = rows.map((r) => r.slots[slot]);
      return [
        slot,
        {
          shown: states.filter((s) => s === "SUBMITTED" || s === "LATE").length,
          late: states.filter((s) => s === "LATE").length,
          missing: states.filter((s) => s === "MISSING").length,
          total: rows.length,
        },
      ];
    }),
  ) as Record<SlotKind, { shown: number; late: number; missing: number; total: number }>;
}

const cardDetailSelect = {
  id: true,
  date: true,
  unitId: true,
  slots: {
    select: {
      ...slotShownSelect,
      updatedAt: true,
      author: { select: { name: true } },
      photos: { orderBy: { sortOrder: "asc" }, select: { id: true, width: true, height: true } },
      // Recorded spot-check results only: a pending check does not tip the unit off.
      spotChecks: { where: { result: { not: null } }, orderBy: { checkedAt: "desc" }, select: { id: true, result: true } },
      versions: slotVersionsSelect,
      ...lockCountsSelect,
    },
  },
  // Where a 批示 rests on a slot, that slot is locked (lib/reports/versions.ts).
  instructions: { select: { slot: true } },
  items: {
    orderBy: { sortOrder: "asc" },
    select: {
      ...itemJsonSelect,
      task: { select: { id: true, title: true, measure: true, requiresPhoto: true, requiresLocation: true } },
    },
  },
} as const;

/** One unit's card for a day — only when the user may see that unit. */
export async function getCard(user: SessionUser, unitId: string, date: DistrictDate) {
  return db.reportCard.findFirst({ where: { unitId, date, unit: unitScopeWhere(user) }, select: cardDetailSelect });
}

/** A district leader's own card of a day (分线作战): the leader is in the query. */
export async function getOwnLeaderCard(user: SessionUser, date: DistrictDate) {
  if (user.role !== "LEADER") return null;
  return db.reportCard.findFirst({ where: { leaderId: user.id, date }, select: cardDetailSelect });
}

export type CardView = NonNullable<Awaited<ReturnType<typeof getCard>>>;
export type CardSlotView = CardView["slots"][number];
export type CardItemView = CardView["items"][number];

/** A slot's versions, each with what it changed — only when the user may see its unit. */
export async function getSlotHistory(user: SessionUser, slotId: string) {
  const slot = await db.reportSlot.findFirst({
    where: { id: slotId, card: { unit: unitScopeWhere(user) } },
    select: { slot: true, versions: slotVersionsSelect, photos: { select: { id: true } } },
  });
  if (!slot) return null;
  const versions = historyOf(slot.slot, slot.versions);
  return { versions, current: versions.at(-1) ?? null, livePhotoIds: new Set(slot.photos.map((p) => p.id)) };
}

/** The unit's open instructions (批示 without an answer yet, or asked again), with their deadline and thread. */
export async function listOpenInstructions(user: SessionUser, unitId: string) {
  return db.instruction.findMany({
    where: { answeredAt: null, closedAt: null, card: { unitId, unit: unitScopeWhere(user) } },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      text: true,
      slot: true,
      createdAt: true,
      deadline: true,
      leader: { select: { name: true, title: true } },
      card: { select: { date: true } },
      answers: { orderBy: { createdAt: "asc" }, select: { id: true, text: true, createdAt: true, author: { select: { name: true, role: true } } } },
    },
  });
}

/** Reminders (催报) a unit received on a date, newest first. */
export async function listUnitReminders(user: SessionUser, unitId: string, date: DistrictDate) {
  return db.reminder.findMany({
    where: withUnitRowScope(user, { unitId, date }),
    orderBy: { createdAt: "desc" },
    select: { id: true, slot: true, createdAt: true, remindedBy: { select: { name: true, role: true } } },
  });
}

/** A unit the user may see, or null — another unit's id finds nothing, like an unknown one. */
export async function findVisibleUnit(user: SessionUser, unitId: string) {
  return db.unit.findFirst({ where: withUnitScope(user, { id: unitId }), select: { id: true, name: true, kind: true } });
}

/** A unit's card for a day as the API's JSON — null when the unit is out of the user's scope or unknown. */
export async function getCardJson(user: SessionUser, unitId: string, date: DistrictDate, now = new Date()) {
  const unit = await findVisibleUnit(user, unitId);
  if (!unit) return null;
  return loadCardJson(db, { unit: { id: unit.id, name: unit.name } }, date, await getSlotDeadlines(user), now);
}

/** A district leader's own card for a day (分线作战): only the leader reads it through the API; the others see it in the feed. */
export async function getOwnLeaderCardJson(user: SessionUser, date: DistrictDate, now = new Date()) {
  if (user.role !== "LEADER") return null;
  const leader = await db.user.findUnique({ where: { id: user.id }, select: { id: true, name: true, title: true } });
  if (!leader) return null;
  return loadCardJson(db, { leader }, date, await getSlotDeadlines(user), now);
}

/** Reminders (催报) sent today to the units the user may see, newest first. */
export async function listDayReminders(user: SessionUser, date: DistrictDate) {
  return db.reminder.findMany({
    where: withUnitRowScope(user, { date }),
    orderBy: { createdAt: "desc" },
    select: { id: true, unitId: true, slot: true, createdAt: true, unit: { select: { name: true } }, remindedBy: { select: { name: true } } },
  });
}

/** A leader's own 批示 (the office: every leader's) — open, overdue or closed (lib/reports/instruction-list.ts). */
export async function listLeaderInstructions(user: SessionUser, show: InstructionListShow, today: DistrictDate) {
  return findLeaderInstructions(db, user, show, today);
}

/** The reporting burden of the units the user may see over the last 30 days (lib/reports/burden.ts). */
export async function loadBurden(user: SessionUser, today: DistrictDate) {
  const from = addDays(today, -30);
  const [units, slots] = await Promise.all([
    listVisibleUnits(user),
    db.reportSlot.findMany({
      where: { card: withUnitRowScope(user, { date: { gte: from, lte: today }, ...UNIT_CARD }) },
      select: { effortSeconds: true, card: { select: { unitId: true, date: true } } },
    }),
  ]);
  const summary = summarizeBurden(
    slots.map((s) => ({ unitId: unitIdOf(s.card), date: s.card.date, effortSeconds: s.effortSeconds })),
    units.map((u) => u.id),
    today,
  );
  return { units, summary };
}
