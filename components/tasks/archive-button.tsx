"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { archiveTaskAction } from "@/lib/tasks/actions";

export function ArchiveButton({ taskId, archived }: { taskId: string; archived: boolean }) {
  const [state, action, pending] = useActionState(archiveTaskAction, {});
  return (
    <ActionForm
      action={(data) => {
        if (archived || window.confirm("归档后,这项任务不再出现在单位和领导的清单里(可随时恢复)。确定归档?")) action(data);
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={taskId} />
      <input type="hidden" name="archived" value={archived ? "0" : "1"} />
      <Button type="submit" variant={archived ? "secondary" : "danger"} disabled={pending}>
        {archived ? "恢复这项任务" : "归档这项任务"}
      </Button>
      <FormMessage message={state.message} ok={state.ok} />
    </ActionForm>
  );
}
