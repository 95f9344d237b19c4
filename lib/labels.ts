/**
 * The one home of the unit-kind label (domain.md: 乡镇 and 区直部门 are ranked
 * apart). Pure data, safe in client components. lib/labels.test.ts fails when
 * a file types the label again instead of importing it. The slot names
 * (早晒/午晒/晚晒) live beside the slots: SLOT_LABELS in lib/reports/slots.ts.
 */
import type { UnitKind } from "@/lib/generated/prisma/enums";

export const UNIT_KIND_LABELS: Record<UnitKind, string> = { TOWN: "乡镇", DEPARTMENT: "区直部门" };

/** Towns first, then departments: the order of every grouped list and ranking. */
export const UNIT_KINDS: readonly UnitKind[] = ["TOWN", "DEPARTMENT"];

/** [kind, label] pairs in that order, for lists grouped by kind. */
export const UNIT_KIND_ENTRIES = UNIT_KINDS.map((kind) => [kind, UNIT_KIND_LABELS[kind]] as const);
