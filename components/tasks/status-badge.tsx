import { Badge, type Tone } from "@/components/ui/badge";
import { ITEM_STATUS_LABELS, type ItemStatus } from "@/lib/tasks/status";

export const STATUS_TONES: Record<ItemStatus, Tone> = { NOT_STARTED: "neutral", IN_PROGRESS: "info", DONE: "good", DONE_LATE: "warn", OVERDUE: "bad" };

/** A task's or milestone's status; 逾期完成 (DONE_LATE) where the progress history says the target came after the due date. */
export function TaskStatusBadge({ status, className }: { status: ItemStatus; className?: string }) {
  return (
    <Badge tone={STATUS_TONES[status]} className={className} data-status={status}>
      {ITEM_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Bars in the badge's colours: red only for overdue (the brand red would read as a warning). */
export function progressTone(status: ItemStatus): "bad" | "good" | "info" {
  return status === "OVERDUE" ? "bad" : status === "DONE" || status === "DONE_LATE" ? "good" : "info";
}

/** The rule an item done late scores by (lib/assessment/scoring.ts, lateRuleText, with its year's late credit). */
export function LateRuleNote({ rule, className }: { rule: string | null; className?: string }) {
  if (!rule) return null;
  return (
    <p className={className ?? "rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900"} data-late-rule>
      {rule}
    </p>
  );
}
