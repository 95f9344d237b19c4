/**
 * Task and milestone status (domain.md, "Task responsibility list"): derived
 * from progress and the deadline in Asia/Shanghai. A deadline of today is not
 * yet overdue.
 */
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import type { DistrictDate } from "@/lib/time";

export type Progressable = { target: number; valueReached: number; deadline: DistrictDate };

export function deriveStatus(item: Progressable, today: DistrictDate): TaskStatus {
  if (item.target > 0 && item.valueReached >= item.target) return "DONE";
  if (item.deadline < today) return "OVERDUE";
  return item.valueReached > 0 ? "IN_PROGRESS" : "NOT_STARTED";
}

export function progressRatio(item: { target: number; valueReached: number }): number {
  if (item.target <= 0) return 0;
  return Math.max(0, Math.min(1, item.valueReached / item.target));
}

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  NOT_STARTED: "未开始",
  IN_PROGRESS: "进行中",
  DONE: "已完成",
  OVERDUE: "已逾期",
};

/** Sort key: overdue first, then by deadline, done last. */
export function urgencyOrder(status: TaskStatus): number {
  return status === "OVERDUE" ? 0 : status === "DONE" ? 2 : 1;
}
