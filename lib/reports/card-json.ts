/**
 * A card as JSON for the API (GET /api/v1/cards/{date}) and the answer to a
 * submission. Takes the client as a parameter so that the submission path and
 * its tests can use it outside Next.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemOutcome, SlotKind } from "@/lib/generated/prisma/enums";
import { SLOT_PARAM_OF, type SlotParam } from "@/lib/reports/card-rules";
import { SLOTS, slotDeadline, slotState, type SlotDeadlines, type SlotState } from "@/lib/reports/slots";
import { photoUrl } from "@/lib/photos/urls";
import type { DistrictDate } from "@/lib/time";

export { photoUrl } from "@/lib/photos/urls";

/** What every view of a shown slot reads: its words, place and time, late or not, how often corrected. */
export const slotShownSelect = {
  id: true,
  slot: true,
  text: true,
  place: true,
  lat: true,
  lng: true,
  submittedAt: true,
  late: true,
  revisionCount: true,
  correctionCount: true,
} as const satisfies Prisma.ReportSlotSelect;

export const slotJsonSelect = {
  ...slotShownSelect,
  updatedAt: true,
  effortSeconds: true,
  author: { select: { id: true, name: true } },
  photos: { orderBy: { sortOrder: "asc" }, select: { id: true, width: true, height: true, exifTakenAt: true } },
} as const satisfies Prisma.ReportSlotSelect;

export const itemJsonSelect = {
  id: true,
  text: true,
  addedIn: true,
  taskId: true,
  milestoneId: true,
  carriedFromId: true,
  workLogItemId: true,
  progressNote: true,
  outcome: true,
  reason: true,
  progressValue: true,
  sortOrder: true,
} as const satisfies Prisma.ReportItemSelect;

type SlotRow = Prisma.ReportSlotGetPayload<{ select: typeof slotJsonSelect }>;
type ItemRow = Prisma.ReportItemGetPayload<{ select: typeof itemJsonSelect }>;

export type ItemJson = {
  id: string;
  text: string;
  addedIn: SlotParam;
  taskId: string | null;
  milestoneId: string | null;
  carriedFromId: string | null;
  progress: string | null;
  /** true ✓, false ?, null not yet ticked */
  done: boolean | null;
  reason: string | null;
  progressValue: number | null;
};

export type SlotJson = {
  id: string;
  slot: SlotParam;
  state: SlotState;
  late: boolean;
  submittedAt: string;
  updatedAt: string;
  /** saves after the first submission */
  revisionCount: number;
  /** saves made while the slot was locked (更正) */
  correctionCount: number;
  text: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  effortSeconds: number | null;
  author: { id: string; name: string };
  photos: { id: string; width: number; height: number; url: string; thumbUrl: string; exifTakenAt: string | null }[];
};

export type EmptySlotJson = { slot: SlotParam; state: SlotState; deadline: string };

export function itemJson(row: ItemRow): ItemJson {
  return {
    id: row.id,
    text: row.text,
    addedIn: SLOT_PARAM_OF[row.addedIn],
    taskId: row.taskId,
    milestoneId: row.milestoneId,
    carriedFromId: row.carriedFromId,
    progress: row.progressNote,
    done: outcomeJson(row.outcome),
    reason: row.reason,
    progressValue: row.progressValue,
  };
}

function outcomeJson(outcome: ItemOutcome | null): boolean | null {
  return outcome === null ? null : outcome === "DONE";
}

export function slotJson(row: SlotRow): SlotJson {
  return {
    id: row.id,
    slot: SLOT_PARAM_OF[row.slot],
    state: row.late ? "LATE" : "SUBMITTED",
    late: row.late,
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    revisionCount: row.revisionCount,
    correctionCount: row.correctionCount,
    text: row.text,
    place: row.place,
    lat: row.lat,
    lng: row.lng,
    effortSeconds: row.effortSeconds,
    author: row.author,
    photos: row.photos.map((p) => ({
      id: p.id,
      width: p.width,
      height: p.height,
      url: photoUrl(p.id),
      thumbUrl: photoUrl(p.id, "thumb"),
      exifTakenAt: p.exifTakenAt?.toISOString() ?? null,
    })),
  };
}

export type SavedSlotJson = SlotJson & { date: DistrictDate; unitId: string; items: ItemJson[] };

/** The saved slot with the card's items, as a submission answers. */
export async function loadSavedSlot(db: Prisma.TransactionClient | Db, slotId: string): Promise<SavedSlotJson> {
  const row = await db.reportSlot.findUniqueOrThrow({
    where: { id: slotId },
    select: { ...slotJsonSelect, card: { select: { date: true, unitId: true, items: { orderBy: { sortOrder: "asc" }, select: itemJsonSelect } } } },
  });
  return { ...slotJson(row), date: row.card.date, unitId: row.card.unitId, items: row.card.items.map(itemJson) };
}

export type CardJson = {
  unit: { id: string; name: string };
  date: DistrictDate;
  slots: (SlotJson | EmptySlotJson)[];
  items: ItemJson[];
};

/** A unit's card of a day — the caller has already checked the unit may be read. */
export async function loadCardJson(
  db: Db,
  unit: { id: string; name: string },
  date: DistrictDate,
  deadlines: SlotDeadlines,
  now = new Date(),
): Promise<CardJson> {
  const card = await db.reportCard.findUnique({
    where: { unitId_date: { unitId: unit.id, date } },
    select: { slots: { select: slotJsonSelect }, items: { orderBy: { sortOrder: "asc" }, select: itemJsonSelect } },
  });
  const bySlot = new Map<SlotKind, SlotRow>(card?.slots.map((s) => [s.slot, s]) ?? []);
  return {
    unit,
    date,
    slots: SLOTS.map((slot) => {
      const row = bySlot.get(slot);
      if (row) return slotJson(row);
      return { slot: SLOT_PARAM_OF[slot], state: slotState(null, date, slot, deadlines, now), deadline: slotDeadline(date, slot, deadlines).toISOString() };
    }),
    items: card?.items.map(itemJson) ?? [],
  };
}
