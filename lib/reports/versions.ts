/**
 * Versions of a report slot (issue 10, domain.md "The record is evidence"):
 * every save of a submitted slot is kept whole as a ReportVersion — version 1
 * is the first submission, so that a spot check, a bulletin item or a flag can
 * point at exactly what it saw. A slot that something rests on (a spot check,
 * a published bulletin, a 批示, an open or confirmed flag) is locked: a change
 * needs a reason, is a 更正 (CORRECTION) and tells the office.
 *
 * Everything here runs inside the caller's transaction, so a version is never
 * written without the save it records, nor a save without its version.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportVersionKind, SlotKind } from "@/lib/generated/prisma/enums";
import { itemJsonSelect } from "@/lib/reports/card-json";
import type { CardItem, EditMode } from "@/lib/reports/card-rules";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { indexSlotText } from "@/lib/supervision/anomalies/text-index";

type Tx = Prisma.TransactionClient;

/** What a version holds: the slot's words, place and photos, and the card's items after the save. */
export type VersionState = {
  text: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  items: CardItem[];
  photoIds: string[];
};

/** Why a slot is locked. */
export type LockReason = "SPOT_CHECK" | "BULLETIN" | "INSTRUCTION" | "ANOMALY";

export const LOCK_REASON_LABELS: Record<LockReason, string> = {
  SPOT_CHECK: "已被抽查",
  BULLETIN: "已被要情快讯引用",
  INSTRUCTION: "已有领导批示",
  ANOMALY: "有异常提示",
};

/** What a slot's lock is read from: counts on the slot, and the slots its card's 批示 are on. */
export const lockCountsSelect = {
  _count: {
    select: {
      spotChecks: true,
      bulletinItems: { where: { bulletin: { status: "PUBLISHED" } } },
      anomalies: { where: { status: { not: "DISMISSED" } } },
    },
  },
} as const satisfies Prisma.ReportSlotSelect;

/**
 * What rests on a slot (pure). A spot check locks it from the moment it is
 * drawn (the checker works from that version), a bulletin item once the
 * bulletin is published, a 批示 on its slot (or on the whole card), a flag
 * unless dismissed.
 */
export function lockReasons(
  slot: SlotKind,
  counts: { spotChecks: number; bulletinItems: number; anomalies: number },
  instructionSlots: readonly (SlotKind | null)[],
): LockReason[] {
  const reasons: LockReason[] = [];
  if (counts.spotChecks > 0) reasons.push("SPOT_CHECK");
  if (counts.bulletinItems > 0) reasons.push("BULLETIN");
  if (instructionSlots.some((s) => s === slot || s === null)) reasons.push("INSTRUCTION");
  if (counts.anomalies > 0) reasons.push("ANOMALY");
  return reasons;
}

/** lockReasons of one slot, read inside the caller's transaction. */
export async function lockReasonsOf(tx: Tx, slot: { id: string; cardId: string; slot: SlotKind }): Promise<LockReason[]> {
  const [row, instructions] = await Promise.all([
    tx.reportSlot.findUniqueOrThrow({ where: { id: slot.id }, select: lockCountsSelect }),
    tx.instruction.findMany({ where: { cardId: slot.cardId }, select: { slot: true } }),
  ]);
  return lockReasons(
    slot.slot,
    row._count,
    instructions.map((i) => i.slot),
  );
}

/** Two states show the same thing: a save that changes nothing adds no version. */
export function sameShownState(a: VersionState, b: VersionState): boolean {
  return (
    a.text === b.text &&
    a.place === b.place &&
    a.lat === b.lat &&
    a.lng === b.lng &&
    a.photoIds.length === b.photoIds.length &&
    a.photoIds.every((id, i) => b.photoIds[i] === id) &&
    JSON.stringify(a.items) === JSON.stringify(b.items)
  );
}

/** What a version's state is read from: the slot's words, place and photos, and its card's items. */
export const versionStateSelect = {
  text: true,
  place: true,
  lat: true,
  lng: true,
  photos: { orderBy: { sortOrder: "asc" }, select: { id: true } },
  card: { select: { items: { orderBy: { sortOrder: "asc" }, select: itemJsonSelect } } },
} as const satisfies Prisma.ReportSlotSelect;

/** The slot as it stands in the database now (inside the transaction). */
export async function loadVersionState(tx: Tx, slotId: string): Promise<VersionState> {
  const slot = await tx.reportSlot.findUniqueOrThrow({ where: { id: slotId }, select: versionStateSelect });
  return { text: slot.text, place: slot.place, lat: slot.lat, lng: slot.lng, items: slot.card.items, photoIds: slot.photos.map((p) => p.id) };
}

type VersionWrite = {
  slotId: string;
  number: number;
  kind: ReportVersionKind;
  authorId: string;
  reason: string | null;
  state: VersionState;
  previousPhotoIds: readonly string[];
  createdAt: Date;
};

async function createVersion(tx: Tx, v: VersionWrite) {
  const before = new Set(v.previousPhotoIds);
  const after = new Set(v.state.photoIds);
  // The copied-text index, in the same transaction: never stale (issue 18).
  await indexSlotText(tx, v.slotId, v.state.text);
  return tx.reportVersion.create({
    data: {
      slotId: v.slotId,
      number: v.number,
      kind: v.kind,
      authorId: v.authorId,
      reason: v.reason,
      text: v.state.text,
      place: v.state.place,
      lat: v.state.lat,
      lng: v.state.lng,
      items: JSON.stringify(v.state.items),
      photoIds: JSON.stringify(v.state.photoIds),
      addedPhotoIds: JSON.stringify(v.state.photoIds.filter((id) => !before.has(id))),
      removedPhotoIds: JSON.stringify(v.previousPhotoIds.filter((id) => !after.has(id))),
      createdAt: v.createdAt,
    },
    select: { id: true, number: true },
  });
}

/**
 * The slot's latest version; a slot written before versions existed (or by the
 * seed) gets its version 1 now, from what it shows, dated at its submission.
 */
export async function ensureCurrentVersion(tx: Tx, slotId: string): Promise<{ id: string; number: number }> {
  const latest = await tx.reportVersion.findFirst({ where: { slotId }, orderBy: { number: "desc" }, select: { id: true, number: true } });
  if (latest) return latest;
  const slot = await tx.reportSlot.findUniqueOrThrow({ where: { id: slotId }, select: { authorId: true, submittedAt: true } });
  const state = await loadVersionState(tx, slotId);
  return createVersion(tx, {
    slotId,
    number: 1,
    kind: "SUBMIT",
    authorId: slot.authorId,
    reason: null,
    state,
    previousPhotoIds: [],
    createdAt: slot.submittedAt,
  });
}

/** The id of the version a check, a bulletin item or a flag created now sees. */
export async function currentVersionId(tx: Tx, slotId: string): Promise<string> {
  return (await ensureCurrentVersion(tx, slotId)).id;
}

/** The current version of each slot (created where missing), for a draw or a draft of many. */
export async function currentVersionIds(tx: Tx, slotIds: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const slotId of new Set(slotIds)) ids.set(slotId, await currentVersionId(tx, slotId));
  return ids;
}

/** Version 1: the first submission, as just written. */
export async function recordFirstVersion(tx: Tx, args: { slotId: string; authorId: string; createdAt: Date }) {
  const state = await loadVersionState(tx, args.slotId);
  return createVersion(tx, { ...args, number: 1, kind: "SUBMIT", reason: null, state, previousPhotoIds: [] });
}

/**
 * The next version after a save of an existing slot, given what it showed
 * before the save (`before`, read before any write). Returns null when the
 * save changed nothing that is shown.
 */
export async function recordNextVersion(
  tx: Tx,
  args: {
    slotId: string;
    before: VersionState;
    beforeMeta: { authorId: string; submittedAt: Date };
    kind: Exclude<ReportVersionKind, "SUBMIT">;
    authorId: string;
    reason: string | null;
    createdAt: Date;
  },
): Promise<{ id: string; number: number } | null> {
  const after = await loadVersionState(tx, args.slotId);
  if (sameShownState(args.before, after)) return null;
  let latest = await tx.reportVersion.findFirst({
    where: { slotId: args.slotId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, photoIds: true },
  });
  if (!latest) {
    // Saved before versions existed: what it showed becomes version 1 first.
    const first = await createVersion(tx, {
      slotId: args.slotId,
      number: 1,
      kind: "SUBMIT",
      authorId: args.beforeMeta.authorId,
      reason: null,
      state: args.before,
      previousPhotoIds: [],
      createdAt: args.beforeMeta.submittedAt,
    });
    latest = { ...first, photoIds: JSON.stringify(args.before.photoIds) };
  }
  return createVersion(tx, {
    slotId: args.slotId,
    number: latest.number + 1,
    kind: args.kind,
    authorId: args.authorId,
    reason: args.reason,
    state: after,
    previousPhotoIds: JSON.parse(latest.photoIds) as string[],
    createdAt: args.createdAt,
  });
}

/** Tells every active office user (ADMIN) in-app that a locked slot was corrected. */
export async function notifyOfficeOfCorrection(
  tx: Tx,
  args: { unitId: string; date: string; slot: SlotKind; slotId: string; versionNumber: number; reason: string; authorName: string; createdAt: Date },
): Promise<number> {
  const [unit, admins] = await Promise.all([
    tx.unit.findUniqueOrThrow({ where: { id: args.unitId }, select: { name: true } }),
    tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } }),
  ]);
  const [, month, day] = args.date.split("-").map(Number);
  const message = `${unit.name} ${month}月${day}日${SLOT_LABELS[args.slot]}已更正（第 ${args.versionNumber} 版，${args.authorName}）：${args.reason}`;
  const href = `/units/${args.unitId}?date=${args.date}#slot-${args.slotId}`;
  if (admins.length > 0) {
    await tx.notification.createMany({
      data: admins.map((a) => ({ recipientId: a.id, kind: "report.correction", message, href, createdAt: args.createdAt })),
    });
  }
  return admins.length;
}

/** What the slot showed before a save, from the rows writeSlot has already loaded. */
export function versionStateOf(
  slot: { text: string; place: string | null; lat: number | null; lng: number | null; photos: readonly { id: string; sortOrder: number }[] },
  items: readonly CardItem[],
): VersionState {
  const photos = [...slot.photos].sort((a, b) => a.sortOrder - b.sortOrder);
  return { text: slot.text, place: slot.place, lat: slot.lat, lng: slot.lng, items: [...items], photoIds: photos.map((p) => p.id) };
}

const KIND_OF_MODE = { CREATE: "SUBMIT", EDIT: "EDIT", REVISION: "REVISION", CORRECTION: "CORRECTION" } as const satisfies Record<EditMode, ReportVersionKind>;

/**
 * Records a save of a slot as its next version, after the save's writes and in
 * their transaction: version 1 for a first submission; otherwise the next one
 * (none if nothing shown changed), the slot's counters, and for a 更正 the
 * office's notifications.
 */
export async function recordSave(
  tx: Tx,
  save: {
    mode: EditMode;
    slotId: string;
    /** the slot before the save; null for a first submission */
    before: { state: VersionState; authorId: string; submittedAt: Date } | null;
    author: { id: string; name: string };
    reason: string | null;
    where: { unitId: string; date: string; slot: SlotKind };
    now: Date;
  },
): Promise<{ id: string; number: number; kind: ReportVersionKind } | null> {
  const kind = KIND_OF_MODE[save.mode];
  if (kind === "SUBMIT" || !save.before) {
    const first = await recordFirstVersion(tx, { slotId: save.slotId, authorId: save.author.id, createdAt: save.now });
    return { ...first, kind: "SUBMIT" };
  }
  const version = await recordNextVersion(tx, {
    slotId: save.slotId,
    before: save.before.state,
    beforeMeta: save.before,
    kind,
    authorId: save.author.id,
    reason: save.reason,
    createdAt: save.now,
  });
  if (!version) return null;
  await tx.reportSlot.update({
    where: { id: save.slotId },
    data: { revisionCount: version.number - 1, ...(kind === "CORRECTION" ? { correctionCount: { increment: 1 } } : {}) },
  });
  if (kind === "CORRECTION") {
    await notifyOfficeOfCorrection(tx, {
      ...save.where,
      slotId: save.slotId,
      versionNumber: version.number,
      reason: save.reason ?? "",
      authorName: save.author.name,
      createdAt: save.now,
    });
  }
  return { ...version, kind };
}
