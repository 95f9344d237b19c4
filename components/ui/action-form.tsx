"use client";

import { startTransition } from "react";

/**
 * A form for a `useActionState` action that keeps what was typed when the
 * server refuses it: React 19 resets a `<form action>` after every
 * submission, which would wipe a long form (selects and checkboxes too) on a
 * validation error. Submitting from onSubmit inside a transition avoids that.
 */
export function ActionForm({
  action,
  children,
  ...props
}: Omit<React.ComponentProps<"form">, "action" | "onSubmit"> & { action: (data: FormData) => void }) {
  return (
    <form
      {...props}
      onSubmit={(event) => {
        event.preventDefault();
        // The button pressed travels too (name="intent" value="publish" …), as in a native submit.
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => action(data));
      }}
    >
      {children}
    </form>
  );
}
