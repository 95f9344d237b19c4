/**
 * The one home of a task's own fields as a select: what the form and the
 * import write, what the audit trail keeps before and after, what the export
 * and the task's page show. Each reader adds its relations to it.
 */
import type { Prisma } from "@/lib/generated/prisma/client";

export const taskFieldsSelect = {
  id: true,
  externalKey: true,
  year: true,
  unitId: true,
  title: true,
  description: true,
  keyTaskId: true,
  lineId: true,
  target: true,
  measure: true,
  valueReached: true,
  startDate: true,
  deadline: true,
  responsibleLeaderId: true,
  weight: true,
  requiresPhoto: true,
  requiresLocation: true,
  sitePlace: true,
  siteLat: true,
  siteLng: true,
} satisfies Prisma.TaskSelect;

/** A task's line in a list or on a card: its title, target, progress and deadline. */
export const taskProgressSelect = {
  id: true,
  title: true,
  measure: true,
  target: true,
  valueReached: true,
  deadline: true,
} satisfies Prisma.TaskSelect;

/** A task as a summary shows it: its progress line, its unit and its key task. */
export const taskSummarySelect = {
  ...taskProgressSelect,
  unit: { select: { id: true, name: true } },
  keyTask: { select: { name: true } },
} satisfies Prisma.TaskSelect;

/** A progress event as the task's history shows it and the export writes it: what changed, when, by whom, from where. */
export const progressEventSelect = {
  id: true,
  date: true,
  at: true,
  source: true,
  delta: true,
  valueAfter: true,
  requested: true,
  milestone: { select: { title: true } },
  actor: { select: { name: true } },
  slot: { select: { slot: true, card: { select: { date: true } } } },
} satisfies Prisma.ProgressEventSelect;
