"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { startCommitmentDraftAction } from "@/lib/commitments/actions";

/** Starts a draft: the first one, or a new version copied from the published one. */
export function StartDraftButton({ label }: { label: string }) {
  return (
    <ActionForm action={startCommitmentDraftAction} className="space-y-2">
      <SubmitButton pendingLabel="正在新建…">{label}</SubmitButton>
    </ActionForm>
  );
}
