/**
 * The one write path of a report slot, for the card form (which posts to the
 * API) and for API clients alike (issue 4, "nothing lost, nothing doubled"):
 *
 * 1. the caller, the date, the slot and the input are checked (zod, rules);
 * 2. a retry with a known Idempotency-Key is answered with the first answer,
 *    before any work;
 * 3. photos are checked and re-encoded (processPhoto) and stored — outside
 *    the transaction, so that it stays short;
 * 4. one transaction writes the card, slot, items, photos, the slot's new
 *    version (lib/reports/versions.ts), the tasks' progress and the audit
 *    entry, and claims the key;
 * 5. if anything fails (or another request with the same key won), the files
 *    this request stored are deleted: no half report, no orphan file;
 * 6. after the commit, afterSlotSubmitted() runs the checks plugged into it
 *    (after the response, when the caller defers them).
 */
import type { Db } from "@/lib/db-client";
import { audit } from "@/lib/audit";
import { isUnitRole, type SessionUser } from "@/lib/auth/roles";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { IdempotencyKeyReusedError, replay as replayKey, requestFingerprint, storedKey, withIdempotencyKey } from "@/lib/idempotency";
import { MAX_PHOTOS_PER_SLOT, PhotoRejectedError, processPhoto, type ProcessedPhoto } from "@/lib/photos/process";
import { displayKeyOf, photoFileKeys } from "@/lib/photos/sizes";
import { afterSlotSubmitted, queueSlotChecks } from "@/lib/reports/after-submit";
import { itemJsonSelect, loadSavedSlot, slotShownSelect, type SavedSlotJson } from "@/lib/reports/card-json";
import {
  type CardItem,
  type EditMode,
  type EvidenceTask,
  type RuleIssue,
  carryOverCandidates,
  composeSlotText,
  editModeFor,
  effortSecondsOf,
  needsReason,
  emptySlotIssue,
  evidenceIssues,
  isLateSubmission,
  planSlotItems,
  resolveCardDate,
  slotFromParam,
} from "@/lib/reports/card-rules";
import { idempotencyKeyInput, slotInput, type SlotInput } from "@/lib/reports/schemas";
import type { SlotDeadlines } from "@/lib/reports/slots";
import { applyReportProgress } from "@/lib/reports/task-progress";
import { lockReasonsOf, recordSave, versionStateOf } from "@/lib/reports/versions";
import { readSlotDeadlines } from "@/lib/reports/deadline-settings";
import { newStorageKey, type PhotoStorage } from "@/lib/storage";
import { addDays, type DistrictDate } from "@/lib/time";

/** A refusal with the HTTP status the API answers with and a Chinese message. */
export class ReportError extends Error {
  constructor(
    readonly status: 403 | 404 | 409 | 422,
    readonly code: string,
    message: string,
    readonly issues?: RuleIssue[],
  ) {
    super(message);
  }
}

const refuse = (message: string, issues?: RuleIssue[]) => new ReportError(422, "VALIDATION_FAILED", message, issues);

export type PhotoUpload = { name: string; data: Buffer };

export type SubmitRequest = {
  user: SessionUser;
  /** "today" or YYYY-MM-DD */
  date: string;
  /** morning, noon or evening */
  slot: string;
  /** the JSON body (or the multipart `payload` field), unparsed */
  input: unknown;
  photos: PhotoUpload[];
  idempotencyKey?: string | null;
  now?: Date;
  /**
   * Where the after-submit checks run. A route handler passes next/server's
   * `after`, so the unit's phone gets its answer before the checks, which are
   * then batched with other slots' (queueSlotChecks); by default they are
   * awaited one by one, as in tests.
   */
  defer?: (work: () => Promise<void>) => void;
};

export type SubmitResult = { slot: SavedSlotJson; replayed: boolean };

/** How many days back the morning looks for the last card's open items. */
const CARRY_LOOKBACK_DAYS = 7;

export async function submitSlot(db: Db, storage: PhotoStorage, request: SubmitRequest): Promise<SubmitResult> {
  const now = request.now ?? new Date();
  const { user } = request;
  // A unit files only its own card: the unit comes from the account, never from the request.
  if (!isUnitRole(user.role) || !user.unitId) throw new ReportError(403, "FORBIDDEN", "只有单位账号可以填报本单位的晒报。");
  const unitId = user.unitId;
  const slot = slotFromParam(request.slot);
  if (!slot) throw refuse("时段应为 morning（早晒）、noon（午晒）或 evening（晚晒）。");
  const resolved = resolveCardDate(request.date, now);
  if ("issue" in resolved) throw refuse(resolved.issue);
  const { date } = resolved;
  const parsed = slotInput.safeParse(request.input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw refuse(`请求内容有误：${issues.map((i) => (i.path ? `${i.path} ${i.message}` : i.message)).join("；")}`, issues);
  }
  const input = parsed.data;
  if (request.photos.length > MAX_PHOTOS_PER_SLOT) {
    throw refuse(`每个时段最多 ${MAX_PHOTOS_PER_SLOT} 张照片，这次选了 ${request.photos.length} 张。`, [{ path: "photos", message: "照片过多" }]);
  }

  let claim: Claim | null = null;
  if (request.idempotencyKey) {
    const key = idempotencyKeyInput.safeParse(request.idempotencyKey);
    if (!key.success) throw refuse(key.error.issues[0].message);
    // The key stands for this request: the same key with another body or other photos is a 409.
    const fingerprint = requestFingerprint([request.input, ...request.photos.map((p) => p.data)]);
    claim = { key: key.data, userId: user.id, scope: `report:${unitId}:${date}:${slot}`, fingerprint };
    const earlier = await replay(db, claim);
    if (earlier) return { slot: earlier, replayed: true };
  }

  const deadlines = await readSlotDeadlines(db);
  // Cheap checks first, so that a refused 10th photo costs no image processing.
  const present = await db.photo.count({ where: { slot: { slot, card: { unitId, date } }, id: { notIn: input.removePhotoIds } } });
  if (present + request.photos.length > MAX_PHOTOS_PER_SLOT) throw tooManyPhotos(present);

  const processed: ProcessedPhoto[] = [];
  for (const [index, photo] of request.photos.entries()) {
    try {
      processed.push(await processPhoto(photo.data));
    } catch (error) {
      if (error instanceof PhotoRejectedError) {
        throw new ReportError(422, "PHOTO_REJECTED", `第 ${index + 1} 张照片（${photo.name}）：${error.message}`, [
          { path: `photos.${index}`, message: error.message },
        ]);
      }
      throw error;
    }
  }

  const stored: string[] = [];
  try {
    const files: StoredPhoto[] = [];
    for (const photo of processed) {
      const storageKey = newStorageKey(date, "jpg");
      const thumbKey = newStorageKey(date, "jpg");
      await storage.put(storageKey, photo.full);
      stored.push(storageKey);
      await storage.put(thumbKey, photo.thumb);
      stored.push(thumbKey);
      await storage.put(displayKeyOf(storageKey), photo.display);
      stored.push(displayKeyOf(storageKey));
      files.push({ ...photo, storageKey, thumbKey });
    }
    const context: WriteContext = { user, unitId, date, slot, input, files, deadlines, now };
    const outcome = await saveWithRetry(db, claim, context);
    if (outcome.replayed) {
      // Another request with the same key was saved first: this one's files are not needed.
      await deleteFiles(storage, stored);
      return { slot: outcome.result.slot, replayed: true };
    }
    await deleteFiles(storage, outcome.result.removedKeys);
    const slotId = outcome.result.slot.id;
    if (request.defer) request.defer(() => queueSlotChecks(db, slotId));
    else await runAfterSubmit(db, slotId, now, storage);
    return { slot: outcome.result.slot, replayed: false };
  } catch (error) {
    await deleteFiles(storage, stored);
    throw error;
  }
}

type StoredPhoto = ProcessedPhoto & { storageKey: string; thumbKey: string };

type WriteContext = {
  user: SessionUser;
  unitId: string;
  date: DistrictDate;
  slot: SlotKind;
  input: SlotInput;
  files: StoredPhoto[];
  deadlines: SlotDeadlines;
  now: Date;
};

type WriteResult = { slot: SavedSlotJson; removedKeys: string[] };

async function replay(db: Db, claim: Claim): Promise<SavedSlotJson | null> {
  // Stored keys are namespaced by scope and user (lib/idempotency.ts), so a key reused elsewhere never answers here.
  try {
    return (await replayKey<WriteResult>(db, storedKey(claim), claim.fingerprint))?.result.slot ?? null;
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) throw new ReportError(409, "IDEMPOTENCY_KEY_REUSED", error.message);
    throw error;
  }
}

type Claim = { key: string; userId: string; scope: string; fingerprint: string };

/**
 * Two first submissions of the same slot at once (two tabs, two people) both
 * try to create the card or the slot; the loser retries once and then finds
 * them, so its submission becomes an edit instead of a failure.
 */
async function saveWithRetry(db: Db, claim: Claim | null, context: WriteContext) {
  for (let attempt = 0; ; attempt++) {
    try {
      if (claim) return await withIdempotencyKey(db, claim, (tx) => writeSlot(tx, context));
      return { result: await db.$transaction((tx) => writeSlot(tx, context)), replayed: false };
    } catch (error) {
      if (error instanceof IdempotencyKeyReusedError) throw new ReportError(409, "IDEMPOTENCY_KEY_REUSED", error.message);
      const unique = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!unique || attempt > 0) throw error;
    }
  }
}

type Tx = Prisma.TransactionClient;

/** The day's card as a save needs it: its items and each slot with its photos. */
function loadCardForSave(tx: Tx, unitId: string, date: DistrictDate) {
  return tx.reportCard.findUnique({
    where: { unitId_date: { unitId, date } },
    select: {
      id: true,
      items: { orderBy: { sortOrder: "asc" }, select: itemJsonSelect },
      slots: {
        select: {
          ...slotShownSelect,
          authorId: true,
          effortSeconds: true,
          photos: { select: { id: true, storageKey: true, thumbKey: true, sortOrder: true } },
        },
      },
    },
  });
}

type SavedCard = NonNullable<Awaited<ReturnType<typeof loadCardForSave>>>;
type ExistingSlot = SavedCard["slots"][number];

/** Whether this save creates, edits, revises or corrects the slot; a revision or correction needs its reason. */
async function editModeOf(tx: Tx, card: SavedCard | null, existing: ExistingSlot | null, context: WriteContext): Promise<EditMode> {
  const { date, slot, deadlines, now, input } = context;
  const locked = card && existing ? (await lockReasonsOf(tx, { id: existing.id, cardId: card.id, slot })).length > 0 : false;
  const edit = editModeFor({ exists: existing !== null, locked, date, slot, deadlines, now });
  if ("issue" in edit) throw refuse(edit.issue);
  if (needsReason(edit.mode) && !input.revisionReason) throw missingReason(edit.mode);
  return edit.mode;
}

/** The photos taken away (only the slot's own, only before it is shown for good) and how many stay. */
function photoChanges(existing: ExistingSlot | null, mode: EditMode, context: WriteContext) {
  const { input, files } = context;
  const removed = existing?.photos.filter((p) => input.removePhotoIds.includes(p.id)) ?? [];
  if (removed.length !== input.removePhotoIds.length) throw refuse("要删除的照片不属于这个时段。");
  if (removed.length > 0 && needsReason(mode)) throw refuse("已晒出的照片不能删除，只能补充（已过截止时间或已被查阅引用）。");
  const keptPhotos = (existing?.photos.length ?? 0) - removed.length;
  if (keptPhotos + files.length > MAX_PHOTOS_PER_SLOT) throw tooManyPhotos(keptPhotos);
  return { removed, photosAfter: keptPhotos + files.length };
}

/** The card's items after this save (card-rules' planSlotItems), checked against what items may point at. */
async function planItems(tx: Tx, card: SavedCard | null, context: WriteContext) {
  const { unitId, date, slot, input } = context;
  // What items may point at: the unit's own live tasks, the last card's open items, the day's work log.
  const [tasks, previousCard, workLog] = await Promise.all([
    tx.task.findMany({
      where: { unitId, archivedAt: null },
      select: { id: true, title: true, measure: true, requiresPhoto: true, requiresLocation: true, milestones: { select: { id: true } } },
    }),
    tx.reportCard.findFirst({
      where: { unitId, date: { lt: date, gte: addDays(date, -CARRY_LOOKBACK_DAYS) } },
      orderBy: { date: "desc" },
      select: { items: { select: { id: true, text: true, outcome: true, reason: true, taskId: true, milestoneId: true } } },
    }),
    tx.workLogItem.findMany({ where: { unitId, date }, select: { id: true } }),
  ]);
  const cardItems: CardItem[] = card?.items ?? [];
  const carried = new Set(cardItems.map((i) => i.carriedFromId).filter((id): id is string => id !== null));
  const planned = planSlotItems(slot, cardItems, input.items, {
    tasks: new Map(tasks.map((t) => [t.id, { title: t.title, milestoneIds: new Set(t.milestones.map((m) => m.id)) }])),
    carryCandidates: new Set(carryOverCandidates(previousCard?.items ?? [], carried).map((i) => i.id)),
    workLogItems: new Set(workLog.map((w) => w.id)),
  });
  if ("issues" in planned) throw refuse(planned.issues.map((i) => i.message).join(" "), planned.issues);
  return { plan: planned.plan, cardItems, taskById: new Map(tasks.map((t) => [t.id, t])) };
}

type ItemPlanOf = Awaited<ReturnType<typeof planItems>>;

/** A slot says something, and shows the photo or place its tasks require (this slot or its partner). */
function checkContent(card: SavedCard | null, { plan, taskById }: ItemPlanOf, photosAfter: number, context: WriteContext): void {
  const { slot, input } = context;
  const empty = emptySlotIssue(slot, plan, input.note, photosAfter);
  if (empty) throw refuse(empty.message, [empty]);
  const located = Boolean(input.place || input.lat !== undefined);
  // The day's other slots: a photo or a place from the morning or noon is evidence for the evening too.
  const others = card?.slots.filter((s) => s.slot !== slot) ?? [];
  const evidence = evidenceIssues(slot, plan.after, taskById as ReadonlyMap<string, EvidenceTask>, {
    photos: photosAfter + others.reduce((sum, s) => sum + s.photos.length, 0),
    located: located || others.some((s) => s.place || s.lat !== null),
  });
  if (evidence.length > 0) throw refuse(evidence.map((i) => i.message).join(" "), evidence);
}

/** Writes the slot's own row (and the card's, on the day's first save); its id. */
async function saveSlotRow(
  tx: Tx,
  card: SavedCard | null,
  existing: ExistingSlot | null,
  fields: { text: string; place: { place: string | null; lat: number | null; lng: number | null } },
  context: WriteContext,
): Promise<{ cardId: string; slotId: string }> {
  const { user, unitId, date, slot, input, deadlines, now } = context;
  const cardId = card?.id ?? (await tx.reportCard.create({ data: { unitId, date }, select: { id: true } })).id;
  const startedAt = input.startedAt ? new Date(input.startedAt) : null;
  const effort = effortSecondsOf(startedAt, now);
  if (existing) {
    // Every sitting counts for the burden meter, corrections included.
    const effortSeconds = effort === null && existing.effortSeconds === null ? null : (existing.effortSeconds ?? 0) + (effort ?? 0);
    await tx.reportSlot.update({ where: { id: existing.id }, data: { text: fields.text, ...fields.place, effortSeconds } });
    return { cardId, slotId: existing.id };
  }
  const created = await tx.reportSlot.create({
    data: {
      cardId,
      slot,
      authorId: user.id,
      text: fields.text,
      ...fields.place,
      startedAt,
      submittedAt: now,
      late: isLateSubmission(now, date, slot, deadlines),
      effortSeconds: effort,
    },
    select: { id: true },
  });
  return { cardId, slotId: created.id };
}

/** The card's items as planned, and the slot's photos: the removed ones gone, the new ones after the kept. */
async function saveItemsAndPhotos(
  tx: Tx,
  ids: { cardId: string; slotId: string },
  plan: ItemPlanOf["plan"],
  photos: { existing: ExistingSlot | null; removed: { id: string }[] },
  context: WriteContext,
): Promise<void> {
  const { cardId, slotId } = ids;
  const { user, files, now } = context;
  if (plan.deletes.length > 0) await tx.reportItem.deleteMany({ where: { cardId, id: { in: plan.deletes } } });
  for (const update of plan.updates) await tx.reportItem.update({ where: { id: update.id, cardId }, data: update.data });
  if (plan.creates.length > 0) await tx.reportItem.createMany({ data: plan.creates.map((item) => ({ ...item, cardId })) });

  if (photos.removed.length > 0) await tx.photo.deleteMany({ where: { slotId, id: { in: photos.removed.map((p) => p.id) } } });
  const firstSort = Math.max(0, ...(photos.existing?.photos.map((p) => p.sortOrder) ?? []));
  if (files.length > 0) {
    await tx.photo.createMany({
      data: files.map((f, i) => ({
        uploaderId: user.id,
        slotId,
        storageKey: f.storageKey,
        thumbKey: f.thumbKey,
        mime: "image/jpeg",
        width: f.width,
        height: f.height,
        bytes: f.bytes,
        sha256: f.sha256,
        dHash: f.dHash,
        exifTakenAt: f.exifTakenAt,
        exifLat: f.exifLat,
        exifLng: f.exifLng,
        sortOrder: firstSort + i + 1,
        // The anomaly checks judge a photo by when it was added (issue 10): the same clock as the slot.
        createdAt: now,
      })),
    });
  }
}

/** The evening closes the work log items the card was built from, so the two never disagree. */
async function closeWorkLogItems(tx: Tx, plan: ItemPlanOf["plan"], context: WriteContext): Promise<void> {
  if (context.slot !== "EVENING") return;
  for (const item of plan.after) {
    if (!item.workLogItemId || !item.outcome) continue;
    await tx.workLogItem.updateMany({ where: { id: item.workLogItemId, unitId: context.unitId }, data: { outcome: item.outcome, reason: item.reason } });
  }
}

/**
 * One save of a slot, in the caller's transaction: decide the edit mode,
 * check the photos, the items and the content, then write the slot, its
 * items and photos, the work log, the progress, the version and the audit.
 */
async function writeSlot(tx: Tx, context: WriteContext): Promise<WriteResult> {
  const { user, unitId, date, slot, input, now } = context;
  const card = await loadCardForSave(tx, unitId, date);
  const existing = card?.slots.find((s) => s.slot === slot) ?? null;
  const mode = await editModeOf(tx, card, existing, context);
  const { removed, photosAfter } = photoChanges(existing, mode, context);
  const items = await planItems(tx, card, context);
  checkContent(card, items, photosAfter, context);
  const { plan, cardItems, taskById } = items;

  // ── Writes ──
  const text = composeSlotText(slot, plan.after, input.note, (item) => (item.taskId ? (taskById.get(item.taskId)?.measure ?? null) : null));
  const place = { place: input.place ?? null, lat: input.lat ?? null, lng: input.lng ?? null };
  const ids = await saveSlotRow(tx, card, existing, { text, place }, context);
  const { slotId } = ids;

  // The anomaly checks are owed from now on: recorded with the report, cleared once they ran.
  await tx.pendingCheck.upsert({ where: { slotId }, create: { slotId, createdAt: now }, update: { createdAt: now } });
  await saveItemsAndPhotos(tx, ids, plan, { existing, removed }, context);
  await closeWorkLogItems(tx, plan, context);
  await applyReportProgress(tx, plan.progressDeltas, { unitId, slotId, cardDate: date, actorId: user.id, now });

  // What was shown stays shown: every save is kept whole as the slot's next version.
  const version = await recordSave(tx, {
    mode,
    slotId,
    before: existing ? { state: versionStateOf(existing, cardItems), authorId: existing.authorId, submittedAt: existing.submittedAt } : null,
    author: user,
    reason: input.revisionReason ?? null,
    where: { unitId, date, slot },
    now,
  });

  await audit(tx, {
    actorId: user.id,
    action: AUDIT_ACTION_OF[mode],
    entity: "ReportSlot",
    entityId: slotId,
    before: existing ? { text: existing.text, place: existing.place, photos: existing.photos.length } : undefined,
    after: {
      date,
      slot,
      text,
      place: place.place,
      photos: photosAfter,
      items: plan.after.length,
      reason: input.revisionReason,
      version: version?.number ?? null,
    },
  });

  return { slot: await loadSavedSlot(tx, slotId), removedKeys: removed.flatMap(photoFileKeys) };
}

const AUDIT_ACTION_OF = { CREATE: "report.submit", EDIT: "report.edit", REVISION: "report.revise", CORRECTION: "report.correct" } as const satisfies Record<
  EditMode,
  string
>;

function missingReason(mode: EditMode): ReportError {
  const message =
    mode === "CORRECTION"
      ? "该时段已被督查室查阅、引用或批示，修改会作为更正留痕并通知督查室，请填写更正原因。"
      : "该时段已过截止时间，修改会作为更正留痕，请填写更正原因。";
  return refuse(message, [{ path: "revisionReason", message: "请填写更正原因" }]);
}

function tooManyPhotos(present: number): ReportError {
  return refuse(`每个时段最多 ${MAX_PHOTOS_PER_SLOT} 张照片，本时段已有 ${present} 张。`, [{ path: "photos", message: "照片过多" }]);
}

async function deleteFiles(storage: PhotoStorage, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    try {
      await storage.delete(key);
    } catch (error) {
      console.error(`Could not delete photo file ${key}`, error);
    }
  }
}

/** The report is saved whatever the checks do: a failing hook is logged, not answered. */
async function runAfterSubmit(db: Db, slotId: string, now: Date, storage: PhotoStorage): Promise<void> {
  try {
    await afterSlotSubmitted(db, slotId, now, storage);
  } catch (error) {
    console.error(`afterSlotSubmitted(${slotId}) failed`, error);
  }
}
