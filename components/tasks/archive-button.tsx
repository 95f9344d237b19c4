"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { archiveTaskAction } from "@/lib/tasks/actions";

export function ArchiveButton({ taskId, archived }: { taskId: string; archived: boolean }) {
  return (
    <ActionForm
      action={archiveTaskAction}
      confirm={
        archived
          ? undefined
          : { title: "归档这项任务？", body: "归档后，这项任务不再出现在单位和领导的清单里（可随时恢复）。", confirmLabel: "归档", danger: true }
      }
      className="space-y-2"
    >
      <input type="hidden" name="id" value={taskId} />
      <input type="hidden" name="archived" value={archived ? "0" : "1"} />
      <SubmitButton variant={archived ? "secondary" : "danger"}>{archived ? "恢复这项任务" : "归档这项任务"}</SubmitButton>
    </ActionForm>
  );
}
