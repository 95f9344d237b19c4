"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";
import { remindUnits } from "@/lib/reports/actions";

/** Records a reminder (催报) for one unit, or for every unit that has not shown the slot. */
export function RemindButton({ slot, unitId, label, ariaLabel, variant = "secondary" }: { slot: string; unitId?: string; label: string; ariaLabel?: string; variant?: "primary" | "secondary" }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(remindUnits, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="slot" value={slot} />
      {unitId ? <input type="hidden" name="unitId" value={unitId} /> : null}
      <Button type="submit" variant={variant} disabled={pending} aria-label={ariaLabel}>
        {pending ? "正在提醒…" : label}
      </Button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}
