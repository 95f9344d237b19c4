/** Reads of 要情快讯: published ones for everyone, drafts for the office. */
import "server-only";
import type { SessionUser } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { keyTaskOfSlot, sectionNumber } from "@/lib/supervision/bulletins/official-text";
import { bulletinCardItemSelect, bulletinSlotSelect, heldBackReason, type HeldBackReport } from "@/lib/supervision/bulletins/writes";
import { unitOf } from "@/lib/reports/card-owner";

/** Published bulletins: every signed-in user reads them (the user is taken for the house rule: reads take the user first). */
export async function listPublishedBulletins(_user: SessionUser, take = 50) {
  return db.bulletin.findMany({
    where: { status: "PUBLISHED" },
    orderBy: [{ publishedAt: "desc" }, { number: "desc" }],
    take,
    select: { id: true, year: true, number: true, date: true, title: true, summary: true, publishedAt: true, _count: { select: { items: true } } },
  });
}

/** Drafts: the office's alone. */
export async function listDraftBulletins(user: SessionUser) {
  if (user.role !== "ADMIN") return [];
  return db.bulletin.findMany({
    where: { status: "DRAFT" },
    orderBy: { createdAt: "desc" },
    select: { id: true, date: true, title: true, createdAt: true, createdBy: { select: { name: true } }, _count: { select: { items: true } } },
  });
}

/**
 * A bulletin with its items in order, each with the key task its card is
 * mostly about (for the headings) and its photos. A draft only for the office.
 */
export async function getBulletin(user: SessionUser, id: string) {
  const bulletin = await db.bulletin.findFirst({
    where: { AND: [{ id }, user.role === "ADMIN" ? {} : { status: "PUBLISHED" as const }] },
    select: {
      id: true,
      year: true,
      number: true,
      date: true,
      title: true,
      summary: true,
      status: true,
      publishedAt: true,
      createdBy: { select: { name: true } },
      items: {
        orderBy: { sortOrder: "asc" },
        select: {
          id: true,
          excerpt: true,
          sortOrder: true,
          slot: {
            select: {
              id: true,
              slot: true,
              card: {
                select: {
                  date: true,
                  unit: { select: { id: true, name: true } },
                  items: { orderBy: { sortOrder: "asc" }, select: bulletinCardItemSelect },
                },
              },
              photos: { orderBy: { sortOrder: "asc" }, take: 3, select: { id: true } },
            },
          },
        },
      },
    },
  });
  if (!bulletin) return null;
  return {
    ...bulletin,
    items: bulletin.items.map((item) => ({
      id: item.id,
      excerpt: item.excerpt,
      slotId: item.slot.id,
      slot: item.slot.slot,
      date: item.slot.card.date,
      unit: item.slot.card.unit,
      keyTask: keyTaskOfSlot(item.slot.slot, item.slot.card.items),
      photoIds: item.slot.photos.map((p) => p.id),
    })),
  };
}

export type BulletinView = NonNullable<Awaited<ReturnType<typeof getBulletin>>>;

/** Consecutive items under the same key task, for headings numbered 一、二、… */
export function groupByKeyTask(items: BulletinView["items"]) {
  const groups: { keyTaskName: string; heading: string; items: BulletinView["items"] }[] = [];
  for (const item of items) {
    const name = item.keyTask?.name ?? "其他工作";
    const last = groups[groups.length - 1];
    if (last && last.keyTaskName === name) last.items.push(item);
    else groups.push({ keyTaskName: name, heading: `${sectionNumber(groups.length)}${name}`, items: [item] });
  }
  return groups;
}

/**
 * The day's reports the auto-draft leaves out (found 不属实, or with a flag
 * not dismissed) and that are not in the bulletin: listed in the editor with
 * the reason, for the office to add by hand after a look.
 */
const SLOT_ORDER = ["MORNING", "NOON", "EVENING"];

export async function listHeldBackReports(user: SessionUser, bulletin: { id: string; date: string }): Promise<HeldBackReport[]> {
  if (user.role !== "ADMIN") return [];
  const cards = await db.reportCard.findMany({
    where: { date: bulletin.date, slots: { some: {} }, unit: { archivedAt: null } },
    select: {
      unit: { select: { name: true, kind: true, sortOrder: true } },
      slots: { select: { ...bulletinSlotSelect, bulletinItems: { where: { bulletinId: bulletin.id }, select: { id: true } } } },
    },
  });
  // Towns before departments, each in the district's order (sorted here: enums sort differently per database).
  const rank = (u: { kind: string; sortOrder: number }) => (u.kind === "TOWN" ? 0 : 1_000_000) + u.sortOrder;
  return cards
    .sort((a, b) => rank(unitOf(a)) - rank(unitOf(b)))
    .flatMap((card) =>
      card.slots
        .sort((a, b) => SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot))
        .flatMap((slot) => {
          const reason = slot.text.trim() && slot.bulletinItems.length === 0 ? heldBackReason(slot) : null;
          return reason ? [{ slotId: slot.id, slot: slot.slot, unitName: unitOf(card).name, reason }] : [];
        }),
    );
}

export function bulletinHeading(b: { year: number; number: number | null }): string {
  return b.number ? `要情快讯 · ${b.year}年第${b.number}期` : "要情快讯 · 草稿";
}
