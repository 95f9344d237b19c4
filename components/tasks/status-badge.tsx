import { Badge, type Tone } from "@/components/ui/badge";
import type { TaskStatus } from "@/lib/generated/prisma/enums";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";

export const STATUS_TONES: Record<TaskStatus, Tone> = { NOT_STARTED: "neutral", IN_PROGRESS: "info", DONE: "good", OVERDUE: "bad" };

export function TaskStatusBadge({ status, className }: { status: TaskStatus; className?: string }) {
  return (
    <Badge tone={STATUS_TONES[status]} className={className} data-status={status}>
      {TASK_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Bars in the badge's colours: red only for overdue (the brand red would read as a warning). */
export function progressTone(status: TaskStatus): "bad" | "good" | "info" {
  return status === "OVERDUE" ? "bad" : status === "DONE" ? "good" : "info";
}
