"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { startCommitmentDraftAction } from "@/lib/commitments/actions";

/** Starts a draft: the first one, or a new version copied from the published one. */
export function StartDraftButton({ label }: { label: string }) {
  const [state, action, pending] = useActionState(startCommitmentDraftAction, {});
  return (
    <ActionForm action={action} className="space-y-2">
      <Button type="submit" disabled={pending}>
        {pending ? "正在新建…" : label}
      </Button>
      {!state.ok ? <FormMessage message={state.message} /> : null}
    </ActionForm>
  );
}
