/**
 * 要情快讯: every write of the bulletins — drafting a day's bulletin from the
 * cards, editing, publishing it with its number, deleting a draft. Takes the database as an argument (no server-only import), so
 * the integration tests drive the same code the server actions do.
 */
import { enqueueBulletinMessage } from "@/lib/notifications/events";
import { audit } from "@/lib/audit";
import { nextNumber } from "@/lib/counters";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { currentVersionId, currentVersionIds } from "@/lib/reports/versions";
import { ANOMALY_KIND_LABELS } from "@/lib/supervision/anomalies/evidence";
import { excerptOfSlot, keyTaskOfSlot, officialText, withItemCount } from "@/lib/supervision/bulletins/official-text";
import { jaccard, shinglesOf } from "@/lib/supervision/text-similarity";
import { formatDistrictDateLong, type DistrictDate } from "@/lib/time";
import { Refused, answerRefusal, refuse, succeed, type WriteResult } from "@/lib/write-result";
import { unitOf } from "@/lib/reports/card-owner";

/** Two cards' texts this similar (Jaccard of shingles) are merged into one bulletin item. */
export const BULLETIN_MERGE_THRESHOLD = 0.6;
/** Items per key task in a drafted bulletin, and in all; the office adds more by hand. */
export const DRAFT_ITEMS_PER_KEY_TASK = 3;
export const DRAFT_ITEMS_MAX = 12;
const SLOT_RANK: Record<SlotKind, number> = { MORNING: 0, NOON: 1, EVENING: 2 };

export type KeyTaskRef = { id: string; name: string; sortOrder: number };

export function defaultTitle(date: DistrictDate): string {
  const [, m, d] = date.split("-").map(Number);
  return `${m}月${d}日全区重点工作动态`;
}

type DraftCandidate = {
  slotId: string;
  unitName: string;
  unitSort: number;
  text: string;
  /** the item's official text (excerptOfSlot) */
  excerpt: string;
  done: number;
  keyTask: KeyTaskRef | null;
};

export type DraftGroup = { keyTask: KeyTaskRef | null; items: { slotId: string; excerpt: string; alsoFrom: string[] }[] };

/**
 * Groups the day's reports by key task, merges near-duplicates (the same
 * shingle similarity as the copied-text check), and keeps the strongest few
 * of each group (most items done, then the fuller text), at most `max` in all.
 * Pure.
 */
export function planDraft(candidates: readonly DraftCandidate[], perGroup = DRAFT_ITEMS_PER_KEY_TASK, max = DRAFT_ITEMS_MAX): DraftGroup[] {
  const byKeyTask = new Map<string, { keyTask: KeyTaskRef | null; list: DraftCandidate[] }>();
  for (const c of candidates) {
    const key = c.keyTask?.id ?? "";
    const group = byKeyTask.get(key) ?? { keyTask: c.keyTask, list: [] };
    group.list.push(c);
    byKeyTask.set(key, group);
  }
  const ordered = [...byKeyTask.values()].sort((a, b) => (a.keyTask?.sortOrder ?? Infinity) - (b.keyTask?.sortOrder ?? Infinity));
  const groups = ordered.map(({ keyTask, list }) => {
    list.sort((a, b) => b.done - a.done || b.text.length - a.text.length || a.unitSort - b.unitSort);
    const kept: { c: DraftCandidate; shingles: Set<string>; alsoFrom: string[] }[] = [];
    for (const c of list) {
      const shingles = shinglesOf(c.text, [c.unitName]);
      const twin = kept.find((k) => jaccard(k.shingles, shingles) >= BULLETIN_MERGE_THRESHOLD);
      if (twin) twin.alsoFrom.push(c.unitName);
      else if (kept.length < perGroup) kept.push({ c, shingles, alsoFrom: [] });
    }
    return {
      keyTask,
      items: kept.map((k) => ({
        slotId: k.c.slotId,
        alsoFrom: k.alsoFrom,
        excerpt: k.alsoFrom.length ? officialText(`${k.c.excerpt}（${k.alsoFrom.join("、")}报送了相近内容）`) : k.c.excerpt,
      })),
    };
  });
  // At most `max` in all: every key task's best first, then the second best, and so on.
  const taken = groups.map(() => 0);
  for (let rank = 0, total = 0; rank < perGroup && total < max; rank++) {
    for (let g = 0; g < groups.length && total < max; g++) {
      if (groups[g].items.length > rank) {
        taken[g]++;
        total++;
      }
    }
  }
  return groups.map((group, g) => ({ ...group, items: group.items.slice(0, taken[g]) })).filter((group) => group.items.length > 0);
}

/** Why a report is not drafted into a bulletin by itself; null if it may be. */
export function heldBackReason(slot: {
  spotChecks: readonly { result: string | null }[];
  anomalies: readonly { status: string; kind: keyof typeof ANOMALY_KIND_LABELS }[];
}): string | null {
  if (slot.spotChecks.some((c) => c.result === "FALSE")) return "抽查核实为不属实";
  const open = slot.anomalies.filter((a) => a.status !== "DISMISSED");
  if (open.length) return `有未排除的异常线索（${[...new Set(open.map((a) => ANOMALY_KIND_LABELS[a.kind]))].join("、")}）`;
  return null;
}

/** What a slot needs for its excerpt, its key task and the hold-back rule. */
export const bulletinSlotSelect = {
  id: true,
  slot: true,
  text: true,
  spotChecks: { select: { result: true } },
  anomalies: { select: { status: true, kind: true } },
} as const;

export const bulletinCardItemSelect = {
  text: true,
  addedIn: true,
  progressNote: true,
  outcome: true,
  reason: true,
  progressValue: true,
  task: { select: { measure: true, keyTask: { select: { id: true, name: true, sortOrder: true } } } },
} as const;

export type HeldBackReport = { slotId: string; slot: SlotKind; unitName: string; reason: string };

/**
 * Creates a draft bulletin for `date` from the day's cards: each unit's latest
 * report of the day. A report found 不属实 by a spot check, or with an anomaly
 * flag that is not dismissed, is left out and returned in `heldBack`, for the
 * editor to add by hand after a look (the unit's earlier slots are not used in
 * its place: the latest one is the day's result).
 */
export async function draftBulletinFromCards(
  db: Db,
  input: { date: DistrictDate; actorId: string },
): Promise<{ id: string; items: number; heldBack: HeldBackReport[] }> {
  const cards = await db.reportCard.findMany({
    where: { date: input.date, slots: { some: {} }, unit: { archivedAt: null } },
    select: {
      unit: { select: { name: true, sortOrder: true, kind: true } },
      slots: { select: bulletinSlotSelect },
      items: { orderBy: { sortOrder: "asc" }, select: bulletinCardItemSelect },
    },
  });
  const heldBack: HeldBackReport[] = [];
  const candidates: DraftCandidate[] = cards.flatMap((card) => {
    const latest = [...card.slots].filter((s) => s.text.trim()).sort((a, b) => SLOT_RANK[b.slot] - SLOT_RANK[a.slot])[0];
    if (!latest) return [];
    const reason = heldBackReason(latest);
    if (reason) {
      heldBack.push({ slotId: latest.id, slot: latest.slot, unitName: unitOf(card).name, reason });
      return [];
    }
    return [
      {
        slotId: latest.id,
        unitName: unitOf(card).name,
        // Towns before departments, each in the district's order.
        unitSort: (unitOf(card).kind === "TOWN" ? 0 : 1000) + unitOf(card).sortOrder,
        text: latest.text,
        excerpt: excerptOfSlot({ unitName: unitOf(card).name, slot: latest.slot, text: latest.text, items: card.items }),
        done: card.items.filter((i) => i.outcome === "DONE").length,
        keyTask: keyTaskOfSlot(latest.slot, card.items),
      },
    ];
  });
  const groups = planDraft(candidates);
  const items = groups.flatMap((g) => g.items);
  const keyTaskNames = groups.flatMap((g) => (g.keyTask && g.items.length ? [g.keyTask.name] : []));
  const summary =
    items.length === 0
      ? ""
      : officialText(
          `${formatDistrictDateLong(input.date)}，全区${cards.length}个单位晒出当日工作。本期摘编${keyTaskNames.length ? `${keyTaskNames.slice(0, 4).join("、")}${keyTaskNames.length > 4 ? "等" : ""}重点工作的` : ""}${items.length}条晒报，请各单位对标学习、比学赶超。`,
        );

  return db.$transaction(async (tx) => {
    const versions = await currentVersionIds(
      tx,
      items.map((item) => item.slotId),
    );
    const bulletin = await tx.bulletin.create({
      data: {
        year: Number(input.date.slice(0, 4)),
        date: input.date,
        title: defaultTitle(input.date),
        summary,
        createdById: input.actorId,
        items: { create: items.map((item, i) => ({ slotId: item.slotId, versionId: versions.get(item.slotId), excerpt: item.excerpt, sortOrder: i + 1 })) },
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "bulletin.draft",
      entity: "Bulletin",
      entityId: bulletin.id,
      after: { date: input.date, items: items.length, heldBack },
    });
    return { id: bulletin.id, items: items.length, heldBack };
  });
}

/** The editor's text of a draft: header and each item's excerpt (by item id). */
export type BulletinText = { date: DistrictDate; title: string; summary: string; excerpts: Record<string, string> };

/**
 * Writes the editor's text into a draft, in official Chinese, with the count
 * of items in the editor's note made true; audited with before and after.
 * Without `text` the stored text is normalised as it stands. Returns false
 * if the bulletin is not a draft.
 */
export async function saveBulletinText(tx: Prisma.TransactionClient, input: { bulletinId: string; actorId: string; text?: BulletinText }): Promise<boolean> {
  const before = await tx.bulletin.findFirst({
    where: { id: input.bulletinId, status: "DRAFT" },
    select: { date: true, title: true, summary: true, items: { orderBy: { sortOrder: "asc" }, select: { id: true, excerpt: true } } },
  });
  if (!before) return false;
  const given = input.text;
  const header = {
    date: given?.date ?? before.date,
    title: officialText((given?.title ?? before.title).trim()),
    summary: withItemCount(officialText((given?.summary ?? before.summary).trim()), before.items.length),
  };
  const excerpts = before.items.map((item) => ({ id: item.id, before: item.excerpt, after: officialText((given?.excerpts[item.id] ?? item.excerpt).trim()) }));
  const headerChanged = header.date !== before.date || header.title !== before.title || header.summary !== before.summary;
  const changed = excerpts.filter((e) => e.after !== e.before);
  if (!headerChanged && changed.length === 0) return true;
  if (headerChanged) await tx.bulletin.update({ where: { id: input.bulletinId }, data: { ...header, year: Number(header.date.slice(0, 4)) } });
  for (const e of changed) await tx.bulletinItem.update({ where: { id: e.id }, data: { excerpt: e.after } });
  await audit(tx, {
    actorId: input.actorId,
    action: "bulletin.edit",
    entity: "Bulletin",
    entityId: input.bulletinId,
    before: { date: before.date, title: before.title, summary: before.summary, excerpts: Object.fromEntries(changed.map((e) => [e.id, e.before])) },
    after: { ...header, excerpts: Object.fromEntries(changed.map((e) => [e.id, e.after])) },
  });
  return true;
}

/**
 * Publishes a draft and gives it the next number of its year (第 N 期). The
 * editor's current text (`text`, what the form shows — saved or not) is
 * written first, in the same transaction: what is published is what the
 * editor saw, never an older save. The count in the editor's note is taken
 * from the items at this moment.
 *
 * The number is taken inside the same transaction as the status change: if
 * the publish fails the number is not used up, and two people publishing at
 * once get two consecutive numbers — never the same one, never a gap.
 */
export async function publishBulletin(
  db: Db,
  input: { bulletinId: string; actorId: string; text?: BulletinText; now?: Date },
): Promise<WriteResult<{ number: number; year: number }>> {
  const now = input.now ?? new Date();
  return answerRefusal(() =>
    db.$transaction(async (tx) => {
      const found = await tx.bulletin.findUnique({ where: { id: input.bulletinId }, select: { status: true } });
      if (!found) throw new Refused("没有找到这期快讯。", { status: 404 });
      if (found.status === "PUBLISHED" || !(await saveBulletinText(tx, input))) throw new Refused(ALREADY_PUBLISHED, { status: 409 });
      const bulletin = await tx.bulletin.findUniqueOrThrow({
        where: { id: input.bulletinId },
        select: { date: true, title: true, summary: true, items: { orderBy: { sortOrder: "asc" }, select: { excerpt: true } } },
      });
      if (bulletin.items.length === 0) throw new Refused("至少选入一条晒报才能发布。");
      if (!bulletin.title.trim() || !bulletin.summary.trim()) throw new Refused("请先填写标题和编者按。");
      const year = Number(bulletin.date.slice(0, 4));
      const number = await nextNumber(tx, `bulletin:${year}`);
      // Only a draft becomes published: a second publisher of the same draft rolls back here.
      const changed = await tx.bulletin.updateMany({
        where: { id: input.bulletinId, status: "DRAFT" },
        data: { status: "PUBLISHED", year, number, publishedAt: now },
      });
      if (changed.count !== 1) throw new Refused(ALREADY_PUBLISHED, { status: 409 });
      await audit(tx, {
        actorId: input.actorId,
        action: "bulletin.publish",
        entity: "Bulletin",
        entityId: input.bulletinId,
        after: { year, number, publishedAt: now, items: bulletin.items.length },
      });
      await enqueueBulletinMessage(tx, { id: input.bulletinId, year, number, title: bulletin.title }, now);
      return succeed({ number, year });
    }),
  );
}

/**
 * Saves the editor's text, then moves or removes one item — in one
 * transaction, so a move never drops what was typed. Refused if not a draft
 * (or the item is not in it).
 */
export async function editBulletin(
  db: Db,
  input: { bulletinId: string; actorId: string; text: BulletinText; intent: "save" | "up" | "down" | "remove"; itemId?: string },
): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    if (!(await saveBulletinText(tx, input))) return refuse(NOT_A_DRAFT, { status: 404 });
    if (input.intent === "save") return succeed();
    const items = await tx.bulletinItem.findMany({
      where: { bulletinId: input.bulletinId },
      orderBy: { sortOrder: "asc" },
      select: { id: true, slotId: true, excerpt: true },
    });
    const at = items.findIndex((i) => i.id === input.itemId);
    if (at === -1) return refuse(NOT_A_DRAFT, { status: 404 });
    if (input.intent === "remove") {
      await tx.bulletinItem.delete({ where: { id: items[at].id } });
      await audit(tx, {
        actorId: input.actorId,
        action: "bulletin.item.remove",
        entity: "Bulletin",
        entityId: input.bulletinId,
        before: { itemId: items[at].id, slotId: items[at].slotId, excerpt: items[at].excerpt },
      });
      // The count in the editor's note follows the items.
      await saveBulletinText(tx, { bulletinId: input.bulletinId, actorId: input.actorId });
      return succeed();
    }
    const to = input.intent === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= items.length) return succeed();
    [items[at], items[to]] = [items[to], items[at]];
    for (const [i, item] of items.entries()) await tx.bulletinItem.update({ where: { id: item.id }, data: { sortOrder: i + 1 } });
    await audit(tx, {
      actorId: input.actorId,
      action: "bulletin.item.move",
      entity: "Bulletin",
      entityId: input.bulletinId,
      after: { itemId: input.itemId, direction: input.intent },
    });
    return succeed();
  });
}

/** Adds a report to a draft, its excerpt in official text. */
export async function addBulletinItem(db: Db, input: { bulletinId: string; slotId: string; actorId: string }): Promise<WriteResult> {
  const slot = await db.reportSlot.findUnique({
    where: { id: input.slotId },
    select: {
      slot: true,
      text: true,
      card: { select: { unit: { select: { name: true } }, items: { orderBy: { sortOrder: "asc" }, select: bulletinCardItemSelect } } },
    },
  });
  if (!slot) return refuse("没有找到这条晒报。", { status: 404 });
  return db.$transaction(async (tx) => {
    if (!(await tx.bulletin.count({ where: { id: input.bulletinId, status: "DRAFT" } }))) return refuse(NOT_A_DRAFT, { status: 404 });
    if (await tx.bulletinItem.count({ where: { bulletinId: input.bulletinId, slotId: input.slotId } })) return refuse("这条晒报已在本期中。", { status: 409 });
    const last = await tx.bulletinItem.aggregate({ where: { bulletinId: input.bulletinId }, _max: { sortOrder: true } });
    const excerpt = excerptOfSlot({ unitName: unitOf(slot.card).name, slot: slot.slot, text: slot.text, items: slot.card.items });
    const item = await tx.bulletinItem.create({
      data: {
        bulletinId: input.bulletinId,
        slotId: input.slotId,
        versionId: await currentVersionId(tx, input.slotId),
        excerpt,
        sortOrder: (last._max.sortOrder ?? 0) + 1,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: input.actorId,
      action: "bulletin.item.add",
      entity: "Bulletin",
      entityId: input.bulletinId,
      after: { itemId: item.id, slotId: input.slotId },
    });
    await saveBulletinText(tx, { bulletinId: input.bulletinId, actorId: input.actorId });
    return succeed();
  });
}

/** An empty draft for a day, to fill by hand. */
export async function createBlankBulletin(db: Db, input: { date: DistrictDate; actorId: string }): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const bulletin = await tx.bulletin.create({
      data: { year: Number(input.date.slice(0, 4)), date: input.date, title: defaultTitle(input.date), summary: "", createdById: input.actorId },
      select: { id: true },
    });
    await audit(tx, { actorId: input.actorId, action: "bulletin.create", entity: "Bulletin", entityId: bulletin.id, after: { date: input.date } });
    return bulletin;
  });
}

/** Deletes a draft (a published bulletin stays: it is in the record). */
export async function deleteBulletinDraft(db: Db, input: { bulletinId: string; actorId: string }): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const draft = await tx.bulletin.findFirst({ where: { id: input.bulletinId, status: "DRAFT" }, select: { date: true, title: true } });
    if (!draft) return refuse(NOT_A_DRAFT, { status: 404 });
    await tx.bulletin.delete({ where: { id: input.bulletinId } });
    await audit(tx, { actorId: input.actorId, action: "bulletin.delete-draft", entity: "Bulletin", entityId: input.bulletinId, before: draft });
    return succeed();
  });
}

export const NOT_A_DRAFT = "没有找到这期草稿（已发布的快讯不能再修改）。";
const ALREADY_PUBLISHED = "这期快讯已经发布。";
