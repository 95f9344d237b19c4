/**
 * The one home of the organisation's row shapes: what the office's pages read
 * of a user or a unit (lib/org/queries.ts) and what the writes keep in the
 * audit trail before and after a change (lib/org/writes.ts).
 */
import type { Prisma } from "@/lib/generated/prisma/client";

/** An account as the office sees it and as its audit entries record it. */
export const userSnapshotSelect = {
  id: true,
  username: true,
  name: true,
  title: true,
  phone: true,
  role: true,
  unitId: true,
  active: true,
  mustChangePassword: true,
} satisfies Prisma.UserSelect;

/** A unit's own fields, as its list, its page and its audit entries show them. */
export const unitFieldsSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  seatPlace: true,
  lat: true,
  lng: true,
  archivedAt: true,
} satisfies Prisma.UnitSelect;

/** A unit as its audit entries record it: its fields and the unit it was merged into. */
export const unitSnapshotSelect = { ...unitFieldsSelect, mergedIntoId: true } satisfies Prisma.UnitSelect;
