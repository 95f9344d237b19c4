"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";
import { markNotificationsRead } from "@/lib/notifications/writes";

/** Marks one notice read, or all of the user's notices without `id`. */
export function MarkReadButton({ id, label, ariaLabel }: { id?: string; label: string; ariaLabel?: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(markNotificationsRead, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <Button type="submit" variant="secondary" disabled={pending} aria-label={ariaLabel}>
        {pending ? "正在保存…" : label}
      </Button>
      {id ? null : <FormMessage message={state.message} ok={state.ok} />}
    </form>
  );
}
