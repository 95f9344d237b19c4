/**
 * What the card form offers a unit account today (scoped to its own unit):
 * the open tasks and their next milestone, the last card's open items to
 * carry over, and the person's work log — so that nothing is typed twice.
 */
import "server-only";
import { db } from "@/lib/db";
import { withUnitRowScope, type SessionUser } from "@/lib/auth/roles";
import { carryOverCandidates, nextMilestone } from "@/lib/reports/card-rules";
import { taskProgressSelect } from "@/lib/tasks/selects";
import { deriveStatus, progressRatio, urgencyOrder } from "@/lib/tasks/status";
import { addDays, type DistrictDate } from "@/lib/time";

export type PickerTask = {
  id: string;
  title: string;
  measure: string;
  target: number;
  valueReached: number;
  requiresPhoto: boolean;
  requiresLocation: boolean;
  keyTaskName: string | null;
  /** the next milestone not yet reached (nextMilestone in card-rules.ts) */
  milestone: { id: string; title: string; dueDate: string } | null;
  /** milestones past their date and not reached */
  overdueMilestones: number;
};

export type CarryItem = { id: string; text: string; reason: string | null; taskId: string | null; milestoneId: string | null; date: string };
export type LogPick = { id: string; text: string; taskId: string | null; outcome: "DONE" | "OPEN" | null; reason: string | null };

export type CardEditorData = {
  tasks: PickerTask[];
  carry: CarryItem[];
  log: LogPick[];
};

export async function loadCardEditor(user: SessionUser, date: DistrictDate, carriedOnCard: ReadonlySet<string>): Promise<CardEditorData> {
  const unitId = user.unitId ?? "__no_unit__";
  const [tasks, previous, log] = await Promise.all([
    db.task.findMany({
      where: withUnitRowScope(user, { unitId, archivedAt: null }),
      select: {
        ...taskProgressSelect,
        requiresPhoto: true,
        requiresLocation: true,
        keyTask: { select: { name: true } },
        milestones: { select: { id: true, title: true, dueDate: true, target: true, valueReached: true } },
      },
    }),
    db.reportCard.findFirst({
      where: withUnitRowScope(user, { unitId, date: { lt: date, gte: addDays(date, -7) } }),
      orderBy: { date: "desc" },
      select: {
        date: true,
        items: { orderBy: { sortOrder: "asc" }, select: { id: true, text: true, outcome: true, reason: true, taskId: true, milestoneId: true } },
      },
    }),
    db.workLogItem.findMany({
      where: { userId: user.id, unitId, date },
      orderBy: { sortOrder: "asc" },
      select: { id: true, text: true, taskId: true, outcome: true, reason: true },
    }),
  ]);

  const open = tasks
    .map((t) => ({ task: t, status: deriveStatus(t, date) }))
    .filter((t) => t.status !== "DONE")
    .sort(
      (a, b) =>
        urgencyOrder(a.status) - urgencyOrder(b.status) || a.task.deadline.localeCompare(b.task.deadline) || progressRatio(a.task) - progressRatio(b.task),
    );

  return {
    tasks: open.map(({ task }) => {
      const { next, overdue } = nextMilestone(task.milestones, date);
      return {
        id: task.id,
        title: task.title,
        measure: task.measure,
        target: task.target,
        valueReached: task.valueReached,
        requiresPhoto: task.requiresPhoto,
        requiresLocation: task.requiresLocation,
        keyTaskName: task.keyTask?.name ?? null,
        milestone: next ? { id: next.id, title: next.title, dueDate: next.dueDate } : null,
        overdueMilestones: overdue,
      };
    }),
    carry: carryOverCandidates(previous?.items ?? [], carriedOnCard).map((i) => ({ ...i, date: previous!.date })),
    log,
  };
}
