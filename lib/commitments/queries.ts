/** Reads of public commitments: a unit head's own versions, and the published ones for everyone. */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { withUnitRowScope, type SessionUser } from "@/lib/auth/roles";
import { commitmentFieldsSelect } from "@/lib/commitments/writes";
import { sortByEnum } from "@/lib/enum-order";
import { UNIT_KINDS } from "@/lib/labels";

const documentSelect = {
  ...commitmentFieldsSelect,
  createdAt: true,
  unit: { select: { id: true, name: true, kind: true } },
  pledges: {
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      text: true,
      tasks: { select: { task: { select: { id: true, title: true, target: true, measure: true, deadline: true } } } },
    },
  },
} satisfies Prisma.CommitmentSelect;

export type CommitmentDocument = Prisma.CommitmentGetPayload<{ select: typeof documentSelect }>;

/** Every version of the caller's unit, newest first. */
export async function listUnitCommitments(user: SessionUser): Promise<CommitmentDocument[]> {
  return db.commitment.findMany({
    where: withUnitRowScope(user, {}),
    orderBy: [{ year: "desc" }, { version: "desc" }],
    select: documentSelect,
  });
}

/** The caller's unit's live tasks, to link pledges to. */
export async function listUnitTaskChoices(user: SessionUser) {
  return db.task.findMany({
    where: withUnitRowScope(user, { archivedAt: null }),
    orderBy: [{ deadline: "asc" }, { title: "asc" }],
    select: { id: true, title: true, deadline: true },
  });
}

export type PublishedCommitmentListing = {
  id: string;
  year: number;
  version: number;
  title: string;
  signedBy: string;
  publishedAt: Date | null;
  pledgeCount: number;
  unit: { id: string; name: string; kind: "TOWN" | "DEPARTMENT" };
};

/** The latest published version of each unit's commitment (public). */
export async function listPublishedCommitments(): Promise<PublishedCommitmentListing[]> {
  const rows = await db.commitment.findMany({
    where: { status: "PUBLISHED", unit: { archivedAt: null } },
    orderBy: [{ unit: { sortOrder: "asc" } }, { year: "desc" }, { version: "desc" }],
    select: {
      id: true,
      year: true,
      version: true,
      title: true,
      signedBy: true,
      publishedAt: true,
      unit: { select: { id: true, name: true, kind: true } },
      _count: { select: { pledges: true } },
    },
  });
  const seen = new Set<string>();
  const latest: PublishedCommitmentListing[] = [];
  for (const { _count, ...row } of sortByEnum(rows, UNIT_KINDS, (r) => r.unit.kind)) {
    if (seen.has(row.unit.id)) continue;
    seen.add(row.unit.id);
    latest.push({ ...row, pledgeCount: _count.pledges });
  }
  return latest;
}

/** One published version (never a draft), with the unit's other published versions of that year. */
export async function getPublishedCommitment(id: string) {
  const commitment = await db.commitment.findFirst({ where: { id, status: "PUBLISHED" }, select: documentSelect });
  if (!commitment) return null;
  const versions = await db.commitment.findMany({
    where: { unitId: commitment.unit.id, year: commitment.year, status: "PUBLISHED" },
    orderBy: { version: "desc" },
    select: { id: true, version: true, publishedAt: true },
  });
  return { commitment, versions };
}
