"use client";

import { formatAmount } from "@/components/tasks/format";
import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, TextareaField } from "@/components/ui/field";
import { reportMilestoneProgressAction, reportTaskProgressAction } from "@/lib/tasks/actions";

/** A unit reports the value reached and a short note on a task or one of its milestones. */
export function ProgressForm({
  kind,
  of: { id, valueReached, note, target },
  measure,
  label,
}: {
  kind: "task" | "milestone";
  /** the task or milestone: its id, the value reached so far, its note and its target */
  of: { id: string; valueReached: number; note: string | null; target: number };
  /** the task's unit of measure */
  measure: string;
  label: string;
}) {
  const prefix = `${kind}-${id}`;
  return (
    <ActionForm action={kind === "task" ? reportTaskProgressAction : reportMilestoneProgressAction} aria-label={label} className="space-y-3" message={false}>
      {({ errors }) => (
        <>
          <input type="hidden" name={kind === "task" ? "taskId" : "milestoneId"} value={id} />
          <Field
            id={`${prefix}-value`}
            label={`完成值（目标 ${formatAmount(target)} ${measure}）`}
            name="valueReached"
            inputMode="decimal"
            defaultValue={valueReached}
            required
            errors={errors.valueReached}
          />
          <TextareaField
            id={`${prefix}-note`}
            label="进展说明"
            name="note"
            rows={2}
            defaultValue={note ?? ""}
            placeholder="如：已签订补偿协议 45 户"
            errors={errors.note}
          />
          <ActionMessage />
          <SubmitButton pendingLabel="正在保存…" className="w-full sm:w-auto">
            保存进度
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
