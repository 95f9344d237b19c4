/**
 * An evening's amounts flow into the task list (domain.md: "the task progress
 * … reuse what was reported"). A task's value reached moves by the change in
 * what the card counts for it; its milestones are cumulative checkpoints of
 * the same value (the 课程表: "11月30日前累计完成 60 户"), so each holds the
 * task's value up to its own target. Statuses follow lib/tasks/status.
 */
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { deriveStatus } from "@/lib/tasks/status";
import type { DistrictDate } from "@/lib/time";

export type ProgressTask = { target: number; valueReached: number; deadline: DistrictDate };
export type ProgressMilestone = { id: string; target: number; valueReached: number; dueDate: DistrictDate; status: TaskStatus };

export type ProgressChange = {
  task: { valueReached: number; status: TaskStatus };
  milestones: { id: string; valueReached: number; status: TaskStatus }[];
};

const round = (value: number) => Math.round(value * 1000) / 1000;

export function applyTaskProgress(task: ProgressTask, milestones: readonly ProgressMilestone[], delta: number, today: DistrictDate): ProgressChange {
  const valueReached = Math.max(0, round(task.valueReached + delta));
  const changed: ProgressChange["milestones"] = [];
  for (const m of milestones) {
    const value = Math.min(valueReached, m.target);
    const status = deriveStatus({ target: m.target, valueReached: value, deadline: m.dueDate }, today);
    if (value !== m.valueReached || status !== m.status) changed.push({ id: m.id, valueReached: value, status });
  }
  return { task: { valueReached, status: deriveStatus({ ...task, valueReached }, today) }, milestones: changed };
}
