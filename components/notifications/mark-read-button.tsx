"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { markNotificationsRead } from "@/lib/notifications/writes";

/** Marks one notice read, or all of the user's notices without `id`. */
export function MarkReadButton({ id, label, ariaLabel }: { id?: string; label: string; ariaLabel?: string }) {
  return (
    <ActionForm action={markNotificationsRead} message={id ? "errors" : true} className="flex flex-wrap items-center gap-2">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <SubmitButton variant="secondary" aria-label={ariaLabel} pendingLabel="正在保存…">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
