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
