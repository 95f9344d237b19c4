"use client";

import { startTransition, useActionState } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Runs a server action from a form's submit event instead of its `action`
 * prop: React resets a form after an `action` submission, which would wipe
 * what the user typed when the server answers with a correction to make.
 */
export function useKeptFormAction(action: Action) {
  const [state, dispatch, pending] = useActionState(action, {});
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, onSubmit };
}

/** A small form around one server action (a button with hidden fields), with its message. */
export function ActionForm({ action, children, className }: { action: Action; children: React.ReactNode; className?: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={className}>
      {children}
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

/** A submit button that says it is working while its form is being sent. */
export function SubmitButton({ children, pendingLabel, pending, ...props }: React.ComponentProps<typeof Button> & { pendingLabel?: string; pending?: boolean }) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button type="submit" disabled={busy || props.disabled} {...props}>
      {busy ? (pendingLabel ?? "正在提交…") : children}
    </Button>
  );
}
