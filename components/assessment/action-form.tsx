"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";

/**
 * A small form around one server action: hidden fields, the caller's inputs
 * (which get the field errors), a message and a submit button.
 */
export function ActionForm({
  action,
  hidden,
  submitLabel,
  pendingLabel = "正在处理…",
  variant = "primary",
  className,
  children,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string>;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
  children?: (errors: Record<string, string[] | undefined>) => React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={className ?? "space-y-3"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(state.fieldErrors ?? {})}
      <FormMessage message={state.message} ok={state.ok} />
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
