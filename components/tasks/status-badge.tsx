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

export function progressTone(status: TaskStatus): "bad" | "good" | "brand" {
  return status === "OVERDUE" ? "bad" : status === "DONE" ? "good" : "brand";
}
