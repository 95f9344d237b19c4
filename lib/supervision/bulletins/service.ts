/**
 * 要情快讯: drafting a day's bulletin from the cards and publishing it with
 * its number. Takes the database as an argument (no server-only import), so
 * the integration tests drive the same code the server actions do.
 */
import { audit } from "@/lib/audit";
import { nextNumber } from "@/lib/counters";
import type { Db } from "@/lib/db-client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { currentVersionIds } from "@/lib/reports/versions";
import { jaccard, shinglesOf } from "@/lib/supervision/text-similarity";
import { formatDistrictDateLong, type DistrictDate } from "@/lib/time";

export class BulletinError extends Error {}

/** Two cards' texts this similar (Jaccard of shingles) are merged into one bulletin item. */
export const BULLETIN_MERGE_THRESHOLD = 0.6;
/** Items per key task in a drafted bulletin, and in all; the office adds more by hand. */
export const DRAFT_ITEMS_PER_KEY_TASK = 3;
export const DRAFT_ITEMS_MAX = 12;
const EXCERPT_LENGTH = 160;
const SLOT_RANK: Record<SlotKind, number> = { MORNING: 0, NOON: 1, EVENING: 2 };

export type KeyTaskRef = { id: string; name: string; sortOrder: number };

/** The key task a card is mostly about (ties: the key task listed first); null if none. */
export function keyTaskOfItems(items: readonly { task: { keyTask: KeyTaskRef | null } | null }[]): KeyTaskRef | null {
  const counts = new Map<string, { ref: KeyTaskRef; n: number }>();
  for (const item of items) {
    const ref = item.task?.keyTask;
    if (!ref) continue;
    const entry = counts.get(ref.id) ?? { ref, n: 0 };
    entry.n++;
    counts.set(ref.id, entry);
  }
  let best: { ref: KeyTaskRef; n: number } | null = null;
  for (const entry of counts.values()) {
    if (!best || entry.n > best.n || (entry.n === best.n && entry.ref.sortOrder < best.ref.sortOrder)) best = entry;
  }
  return best?.ref ?? null;
}

export function excerptOf(text: string, length = EXCERPT_LENGTH): string {
  const trimmed = text.trim();
  return trimmed.length <= length ? trimmed : `${trimmed.slice(0, length - 1)}…`;
}

export function defaultTitle(date: DistrictDate): string {
  const [, m, d] = date.split("-").map(Number);
  return `${m}月${d}日全区重点工作动态`;
}

type DraftCandidate = {
  slotId: string;
  unitName: string;
  unitSort: number;
  text: string;
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
        excerpt: `【${k.c.unitName}】${excerptOf(k.c.text)}${k.alsoFrom.length ? `(${k.alsoFrom.join("、")}报送了相近内容)` : ""}`,
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

/** Creates a draft bulletin for `date` from the day's cards: each unit's latest report of the day. */
export async function draftBulletinFromCards(db: Db, input: { date: DistrictDate; actorId: string }): Promise<{ id: string; items: number }> {
  const cards = await db.reportCard.findMany({
    where: { date: input.date, slots: { some: {} }, unit: { archivedAt: null } },
    select: {
      unit: { select: { name: true, sortOrder: true, kind: true } },
      slots: { select: { id: true, slot: true, text: true } },
      items: { select: { outcome: true, task: { select: { keyTask: { select: { id: true, name: true, sortOrder: true } } } } } },
    },
  });
  const candidates: DraftCandidate[] = cards.flatMap((card) => {
    const latest = [...card.slots].filter((s) => s.text.trim()).sort((a, b) => SLOT_RANK[b.slot] - SLOT_RANK[a.slot])[0];
    if (!latest) return [];
    return [
      {
        slotId: latest.id,
        unitName: card.unit.name,
        // Towns before departments, each in the district's order.
        unitSort: (card.unit.kind === "TOWN" ? 0 : 1000) + card.unit.sortOrder,
        text: latest.text,
        done: card.items.filter((i) => i.outcome === "DONE").length,
        keyTask: keyTaskOfItems(card.items),
      },
    ];
  });
  const groups = planDraft(candidates);
  const items = groups.flatMap((g) => g.items);
  const keyTaskNames = groups.flatMap((g) => (g.keyTask && g.items.length ? [g.keyTask.name] : []));
  const summary =
    items.length === 0
      ? ""
      : `${formatDistrictDateLong(input.date)},全区${cards.length}个单位晒出当日工作。本期摘编${keyTaskNames.length ? `${keyTaskNames.slice(0, 4).join("、")}${keyTaskNames.length > 4 ? "等" : ""}重点工作的` : ""}${items.length}条晒报,请各单位对标学习、比学赶超。`;

  return db.$transaction(async (tx) => {
    const versions = await currentVersionIds(tx, items.map((item) => item.slotId));
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
    await audit(tx, { actorId: input.actorId, action: "bulletin.draft", entity: "Bulletin", entityId: bulletin.id, after: { date: input.date, items: items.length } });
    return { id: bulletin.id, items: items.length };
  });
}

/**
 * Publishes a draft and gives it the next number of its year (第 N 期). The
 * number is taken inside the same transaction as the status change: if the
 * publish fails the number is not used up, and two people publishing at once
 * get two consecutive numbers — never the same one, never a gap.
 */
export async function publishBulletin(db: Db, input: { bulletinId: string; actorId: string; now?: Date }): Promise<{ number: number; year: number }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const bulletin = await tx.bulletin.findUnique({
      where: { id: input.bulletinId },
      select: { status: true, date: true, title: true, summary: true, _count: { select: { items: true } } },
    });
    if (!bulletin) throw new BulletinError("没有找到这期快讯。");
    if (bulletin.status === "PUBLISHED") throw new BulletinError("这期快讯已经发布。");
    if (bulletin._count.items === 0) throw new BulletinError("至少选入一条晒报才能发布。");
    if (!bulletin.title.trim() || !bulletin.summary.trim()) throw new BulletinError("请先填写标题和编者按。");
    const year = Number(bulletin.date.slice(0, 4));
    const number = await nextNumber(tx, `bulletin:${year}`);
    // Only a draft becomes published: a second publisher of the same draft rolls back here.
    const changed = await tx.bulletin.updateMany({ where: { id: input.bulletinId, status: "DRAFT" }, data: { status: "PUBLISHED", year, number, publishedAt: now } });
    if (changed.count !== 1) throw new BulletinError("这期快讯已经发布。");
    await audit(tx, { actorId: input.actorId, action: "bulletin.publish", entity: "Bulletin", entityId: input.bulletinId, after: { year, number, publishedAt: now } });
    return { number, year };
  });
}

