/**
 * Versions for slots saved before versions existed (the data migration
 * "2026-11-30 report revisions to versions", and the seed, which writes its
 * slots directly):
 *
 * - a slot without corrections gets version 1 = what it shows, dated at its
 *   submission (edits before its deadline were not recorded then);
 * - a slot with ReportRevision rows r1…rn (each the state *before* that
 *   correction) gets n + 1 versions: version 1 = r1's snapshot, dated at the
 *   first submission; version k + 1 = the state after correction k (r(k+1)'s
 *   snapshot, or what the slot shows now for the last), by rk's author, with
 *   rk's reason and time, kind REVISION (all were after the deadline);
 * - spot checks, bulletin items and flags without a version point at the
 *   slot's latest version at their time (a check's and a flag's creation, a
 *   bulletin's publication, else its creation).
 *
 * Idempotent: only slots without versions and rows without a version are touched.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CardItem } from "@/lib/reports/card-rules";
import { versionStateSelect, type VersionState } from "@/lib/reports/versions";

type Tx = Prisma.TransactionClient;

/** The snapshot a ReportRevision kept (lib/reports/submit.ts before versions). */
type RevisionSnapshot = {
  text?: string;
  place?: string | null;
  lat?: number | null;
  lng?: number | null;
  authorId?: string;
  submittedAt?: string;
  photoIds?: string[];
  items?: CardItem[];
};

type PlannedVersion = Omit<Prisma.ReportVersionCreateManyInput, "id">;

const PAGE = 500;

/** Plans the versions of one slot from what it shows now and its revisions (pure). */
export function planSlotVersions(slot: {
  id: string;
  authorId: string;
  submittedAt: Date;
  current: VersionState;
  revisions: readonly { number: number; authorId: string; reason: string | null; snapshot: string; createdAt: Date }[];
}): PlannedVersion[] {
  const revisions = [...slot.revisions].sort((a, b) => a.number - b.number);
  const snapshots = revisions.map((r) => stateOfSnapshot(r.snapshot, slot.current));
  const states = [...snapshots, slot.current];
  const first = revisions.length > 0 ? parseSnapshot(revisions[0].snapshot) : {};
  const firstAt = first.submittedAt && !Number.isNaN(Date.parse(first.submittedAt)) ? new Date(first.submittedAt) : slot.submittedAt;
  return states.map((state, i) => {
    const previous = i === 0 ? [] : states[i - 1].photoIds;
    const revision = i === 0 ? null : revisions[i - 1];
    return {
      slotId: slot.id,
      number: i + 1,
      kind: revision ? "REVISION" : "SUBMIT",
      authorId: revision ? revision.authorId : (first.authorId ?? slot.authorId),
      reason: revision?.reason ?? null,
      text: state.text,
      place: state.place,
      lat: state.lat,
      lng: state.lng,
      items: JSON.stringify(state.items),
      photoIds: JSON.stringify(state.photoIds),
      addedPhotoIds: JSON.stringify(state.photoIds.filter((id) => !previous.includes(id))),
      removedPhotoIds: JSON.stringify(previous.filter((id) => !state.photoIds.includes(id))),
      createdAt: revision ? revision.createdAt : firstAt,
    } satisfies PlannedVersion;
  });
}

function parseSnapshot(json: string): RevisionSnapshot {
  try {
    const parsed = JSON.parse(json) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as RevisionSnapshot) : {};
  } catch {
    return {};
  }
}

function stateOfSnapshot(json: string, fallback: VersionState): VersionState {
  const s = parseSnapshot(json);
  return {
    text: typeof s.text === "string" ? s.text : fallback.text,
    place: s.place ?? null,
    lat: s.lat ?? null,
    lng: s.lng ?? null,
    items: Array.isArray(s.items) ? s.items : fallback.items,
    photoIds: Array.isArray(s.photoIds) ? s.photoIds : fallback.photoIds,
  };
}

/** Gives up to `limit` slots without versions their versions; returns how many slots it did. */
export async function backfillVersionsPage(tx: Tx, limit = PAGE): Promise<number> {
  const slots = await tx.reportSlot.findMany({
    where: { versions: { none: {} } },
    orderBy: { id: "asc" },
    take: limit,
    select: {
      id: true,
      authorId: true,
      submittedAt: true,
      ...versionStateSelect,
      revisions: { select: { number: true, authorId: true, reason: true, snapshot: true, createdAt: true } },
    },
  });
  if (slots.length === 0) return 0;
  const data = slots.flatMap((slot) =>
    planSlotVersions({
      ...slot,
      current: { text: slot.text, place: slot.place, lat: slot.lat, lng: slot.lng, items: slot.card.items, photoIds: slot.photos.map((p) => p.id) },
    }),
  );
  await tx.reportVersion.createMany({ data });
  return slots.length;
}

/** The latest version at `at` (or the first, for a row older than every version). */
function versionAt(versions: readonly { id: string; createdAt: Date }[], at: Date): string | undefined {
  let found = versions[0]?.id;
  for (const v of versions) if (v.createdAt.getTime() <= at.getTime()) found = v.id;
  return found;
}

/** Points spot checks, bulletin items and flags without a version at the version of their time. */
export async function linkVersionsSeen(tx: Tx): Promise<number> {
  const [checks, items, flags] = await Promise.all([
    tx.spotCheck.findMany({ where: { versionId: null }, select: { id: true, slotId: true, createdAt: true } }),
    tx.bulletinItem.findMany({ where: { versionId: null }, select: { id: true, slotId: true, bulletin: { select: { createdAt: true, publishedAt: true } } } }),
    tx.anomaly.findMany({ where: { versionId: null }, select: { id: true, slotId: true, createdAt: true } }),
  ]);
  const slotIds = [...new Set([...checks, ...items, ...flags].map((r) => r.slotId))];
  const versionsBySlot = new Map<string, { id: string; createdAt: Date }[]>();
  for (let i = 0; i < slotIds.length; i += PAGE) {
    const versions = await tx.reportVersion.findMany({
      where: { slotId: { in: slotIds.slice(i, i + PAGE) } },
      orderBy: [{ slotId: "asc" }, { number: "asc" }],
      select: { id: true, slotId: true, createdAt: true },
    });
    for (const v of versions) versionsBySlot.set(v.slotId, [...(versionsBySlot.get(v.slotId) ?? []), v]);
  }
  const at = (slotId: string, time: Date) => versionAt(versionsBySlot.get(slotId) ?? [], time);
  let linked = 0;
  for (const c of checks) {
    const versionId = at(c.slotId, c.createdAt);
    if (versionId) linked += (await tx.spotCheck.updateMany({ where: { id: c.id, versionId: null }, data: { versionId } })).count;
  }
  for (const item of items) {
    const versionId = at(item.slotId, item.bulletin.publishedAt ?? item.bulletin.createdAt);
    if (versionId) linked += (await tx.bulletinItem.updateMany({ where: { id: item.id, versionId: null }, data: { versionId } })).count;
  }
  for (const f of flags) {
    const versionId = at(f.slotId, f.createdAt);
    if (versionId) linked += (await tx.anomaly.updateMany({ where: { id: f.id, versionId: null }, data: { versionId } })).count;
  }
  return linked;
}

/** The whole conversion in one transaction (the data migration step). */
export async function backfillReportVersions(tx: Tx): Promise<void> {
  while ((await backfillVersionsPage(tx)) > 0);
  await linkVersionsSeen(tx);
}
