/**
 * A slot's versions as people read them ("已修改 2 次", each with time,
 * author, reason and what changed). The select goes into every view that shows
 * the history (card, feed, spot check); `historyOf` turns the rows into views.
 */
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReportVersionKind, SlotKind } from "@/lib/generated/prisma/enums";
import { formatAmount, itemsOfSlot, type CardItem } from "@/lib/reports/card-rules";
import type { VersionState } from "@/lib/reports/versions";

export const versionHistorySelect = {
  id: true,
  number: true,
  kind: true,
  reason: true,
  text: true,
  place: true,
  lat: true,
  lng: true,
  items: true,
  photoIds: true,
  addedPhotoIds: true,
  removedPhotoIds: true,
  createdAt: true,
  author: { select: { name: true } },
} as const satisfies Prisma.ReportVersionSelect;

/** For a slot's relation: its versions, oldest first. */
export const slotVersionsSelect = { orderBy: { number: "asc" }, select: versionHistorySelect } as const;

type VersionRow = Prisma.ReportVersionGetPayload<{ select: typeof versionHistorySelect }>;

export type VersionView = VersionState & {
  id: string;
  number: number;
  kind: ReportVersionKind;
  /** made while the slot was locked: shown as 更正 */
  correction: boolean;
  reason: string | null;
  createdAt: Date;
  authorName: string;
  /** what this version changed from the one before, in words (empty for version 1) */
  changes: string[];
};

export const VERSION_KIND_LABELS: Record<ReportVersionKind, string> = {
  SUBMIT: "首次晒出",
  EDIT: "截止前修改",
  REVISION: "截止后修改",
  CORRECTION: "更正",
};

const parseList = <T>(json: string): T[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
};

const quote = (text: string) => `「${text.length > 16 ? `${text.slice(0, 16)}…` : text}」`;
const placeOf = (v: { place: string | null; lat: number | null; lng: number | null }) =>
  v.place ?? (v.lat !== null && v.lng !== null ? `${v.lat.toFixed(5)}, ${v.lng.toFixed(5)}` : "无");

/** What `next` changed from `previous`, as the slot shows it (pure). */
export function describeChanges(
  slot: SlotKind,
  previous: Pick<VersionView, "text" | "place" | "lat" | "lng" | "items">,
  next: Pick<VersionView, "text" | "place" | "lat" | "lng" | "items">,
  photos: { added: number; removed: number },
): string[] {
  const changes: string[] = [];
  const before = itemsOfSlot(slot, previous.items);
  const after = itemsOfSlot(slot, next.items);
  const beforeByText = new Map(before.map((i) => [i.text, i]));
  const afterTexts = new Set(after.map((i) => i.text));
  for (const item of after) {
    const old = beforeByText.get(item.text);
    if (!old) {
      changes.push(`新增事项${quote(item.text)}`);
      continue;
    }
    if (old.outcome !== item.outcome && item.outcome) changes.push(`${quote(item.text)}改为${item.outcome === "DONE" ? "已完成" : "未完成"}`);
    if ((old.progressValue ?? 0) !== (item.progressValue ?? 0)) {
      changes.push(`${quote(item.text)}完成量 ${formatAmount(old.progressValue ?? 0)} → ${formatAmount(item.progressValue ?? 0)}`);
    }
    if ((old.progressNote ?? "") !== (item.progressNote ?? "") && slot === "NOON") changes.push(`${quote(item.text)}进展已改`);
    if ((old.reason ?? "") !== (item.reason ?? "") && item.outcome === "OPEN") changes.push(`${quote(item.text)}原因已改`);
  }
  for (const item of before) if (!afterTexts.has(item.text)) changes.push(`删去事项${quote(item.text)}`);
  if (previous.text !== next.text && changes.length === 0) changes.push("文字已修改");
  else if (previous.text !== next.text) changes.push("文字随之修改");
  if (placeOf(previous) !== placeOf(next)) changes.push(`地点：${placeOf(previous)} → ${placeOf(next)}`);
  if (photos.added > 0) changes.push(`新增照片 ${photos.added} 张`);
  if (photos.removed > 0) changes.push(`删除照片 ${photos.removed} 张`);
  return changes;
}

/** The versions of a slot, oldest first, each with what it changed. */
export function historyOf(slot: SlotKind, rows: readonly VersionRow[]): VersionView[] {
  const views: VersionView[] = [];
  for (const row of [...rows].sort((a, b) => a.number - b.number)) {
    const items = parseList<CardItem>(row.items);
    const view: VersionView = {
      id: row.id,
      number: row.number,
      kind: row.kind,
      correction: row.kind === "CORRECTION",
      reason: row.reason,
      text: row.text,
      place: row.place,
      lat: row.lat,
      lng: row.lng,
      items,
      photoIds: parseList<string>(row.photoIds),
      createdAt: row.createdAt,
      authorName: row.author.name,
      changes: [],
    };
    const previous = views.at(-1);
    if (previous) {
      view.changes = describeChanges(slot, previous, view, { added: parseList(row.addedPhotoIds).length, removed: parseList(row.removedPhotoIds).length });
    }
    views.push(view);
  }
  return views;
}

/** A slot's history, loaded alone (the spot-check page, tests). The caller checks who may read the slot. */
export async function loadVersionHistory(db: Db | Prisma.TransactionClient, slotId: string): Promise<{ versions: VersionView[]; current: VersionView | null }> {
  const slot = await db.reportSlot.findUniqueOrThrow({ where: { id: slotId }, select: { slot: true, versions: slotVersionsSelect } });
  const versions = historyOf(slot.slot, slot.versions);
  return { versions, current: versions.at(-1) ?? null };
}
