"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";
import type { FieldErrors } from "@/lib/validation";

/**
 * The one form kit for server actions (`authedAction`).
 *
 * - It keeps what was typed when the server refuses a submission: React 19
 *   resets a `<form action>` after every submission, which would wipe a long
 *   form (text, selects, checkboxes) on a validation error. The form is sent
 *   from its submit event inside a transition instead, so the inputs —
 *   controlled or not — keep their values; `resetOnSuccess` empties the
 *   form only once the server accepted it.
 * - It shows the server's Chinese message (`ActionMessage`) and hands the
 *   field errors and the pending state to its children.
 * - An irreversible act asks first: `confirm` on the form (every submit) or
 *   on a `SubmitButton` (that button only) opens an accessible modal
 *   `<dialog>` (focus moves into it, Esc cancels, 取消 is focused first), and
 *   the form is sent only when the person confirms.
 * - A field still preparing its value (photos being compressed) holds the form
 *   (`useFormHold`): its SubmitButton is disabled and a submission is ignored.
 */

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** What a confirmation dialog says: a question, what follows, and the button that goes ahead. */
export type Confirmation = { title: string; body?: string; confirmLabel?: string; danger?: boolean };

export type ActionFormState = {
  state: ActionState;
  errors: FieldErrors;
  pending: boolean;
  /** a field is still preparing what the form will send (photos being compressed): the form is not sent meanwhile */
  held: boolean;
};

const FormState = createContext<ActionFormState>({ state: {}, errors: {}, pending: false, held: false });
const FormHold = createContext<() => () => void>(() => () => undefined);

/**
 * For a field that prepares its value after it was picked (components/ui/photo-input.tsx): `hold()`
 * holds the enclosing ActionForm — its SubmitButton disabled, a submission ignored — until the
 * function it returns is called. Outside an ActionForm it does nothing.
 */
export function useFormHold(): () => () => void {
  return useContext(FormHold);
}

/** The state of the enclosing ActionForm: the server's answer, its field errors, whether it is being sent. */
export function useActionFormState(): ActionFormState {
  return useContext(FormState);
}

function confirmationOf(submitter: HTMLElement | null): Confirmation | null {
  const raw = submitter?.dataset.confirm;
  return raw ? (JSON.parse(raw) as Confirmation) : null;
}

export function ActionForm({
  action,
  confirm,
  resetOnSuccess = false,
  onSuccess,
  message = true,
  children,
  ...props
}: Omit<React.ComponentProps<"form">, "action" | "onSubmit" | "children" | "ref"> & {
  action: FormAction;
  /** asked before every submission of this form */
  confirm?: Confirmation;
  /** empty the form once the server accepted it (forms that add one thing after another) */
  resetOnSuccess?: boolean;
  /** called once the server accepted a submission */
  onSuccess?: (state: ActionState) => void;
  /** the server's message at the end of the form: true, "errors" only, or false (the form places `<ActionMessage />` itself) */
  message?: boolean | "errors";
  children?: React.ReactNode | ((form: ActionFormState) => React.ReactNode);
}) {
  const [state, dispatch, pending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const waiting = useRef<FormData | null>(null);
  const [asking, setAsking] = useState<Confirmation | null>(null);
  // Fields still preparing their value (components/ui/photo-input.tsx compressing photos): a ref for the submit event, a count to render.
  const holds = useRef(0);
  const [held, setHeld] = useState(0);
  const hold = () => {
    holds.current += 1;
    setHeld(holds.current);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holds.current -= 1;
      setHeld(holds.current);
    };
  };

  const succeeded = useEffectEvent((accepted: ActionState) => {
    if (resetOnSuccess) formRef.current?.reset();
    onSuccess?.(accepted);
  });
  useEffect(() => {
    if (state.ok) succeeded(state);
  }, [state]);

  const send = (data: FormData) => startTransition(() => dispatch(data));
  const form: ActionFormState = { state, errors: state.fieldErrors ?? {}, pending, held: held > 0 };

  return (
    <FormState.Provider value={form}>
      <FormHold.Provider value={hold}>
        <form
          {...props}
          ref={formRef}
          onSubmit={(event) => {
            event.preventDefault();
            if (pending || holds.current > 0) return;
            // The button pressed travels too (name="intent" value="publish" …), as in a native submit.
            const submitter = (event.nativeEvent as SubmitEvent).submitter;
            const data = new FormData(event.currentTarget, submitter);
            const ask = confirmationOf(submitter) ?? confirm ?? null;
            if (!ask) return send(data);
            waiting.current = data;
            setAsking(ask);
          }}
        >
          {typeof children === "function" ? children(form) : children}
          {message ? <ActionMessage errorsOnly={message === "errors"} /> : null}
        </form>
        {asking ? (
          <ConfirmDialog
            confirmation={asking}
            onCancel={() => {
              waiting.current = null;
              setAsking(null);
            }}
            onConfirm={() => {
              const data = waiting.current;
              waiting.current = null;
              setAsking(null);
              if (data) send(data);
            }}
          />
        ) : null}
      </FormHold.Provider>
    </FormState.Provider>
  );
}

/** The enclosing form's message from the server (error or success), announced to screen readers. */
export function ActionMessage({ errorsOnly = false }: { errorsOnly?: boolean }) {
  const { state } = useActionFormState();
  return <FormMessage message={errorsOnly && state.ok ? undefined : state.message} ok={state.ok} />;
}

/** A modal question before an irreversible act. Rendered open; closing it in any way cancels. */
export function ConfirmDialog({ confirmation, onConfirm, onCancel }: { confirmation: Confirmation; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const confirmed = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={confirmation.body ? `${id}-body` : undefined}
      onClose={() => (confirmed.current ? onConfirm() : onCancel())}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-stone-200 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-900/40"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {confirmation.title}
      </h2>
      {confirmation.body ? (
        <p id={`${id}-body`} className="mt-2 whitespace-pre-line text-stone-700">
          {confirmation.body}
        </p>
      ) : null}
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        {/* 取消 first and focused: Enter on an unexpected dialog does nothing irreversible. */}
        <Button type="button" variant="secondary" autoFocus onClick={() => ref.current?.close()}>
          取消
        </Button>
        <Button
          type="button"
          variant={confirmation.danger ? "danger" : "primary"}
          onClick={() => {
            confirmed.current = true;
            ref.current?.close();
          }}
        >
          {confirmation.confirmLabel ?? "确定"}
        </Button>
      </div>
    </dialog>
  );
}

/**
 * A submit button that says it is working while its form is being sent; with
 * `confirm`, pressing it asks first (other buttons of the form do not).
 */
export function SubmitButton({
  children,
  pendingLabel,
  confirm,
  ...props
}: React.ComponentProps<typeof Button> & { pendingLabel?: string; confirm?: Confirmation }) {
  const { pending, held } = useActionFormState();
  return (
    <Button {...props} type="submit" disabled={pending || held || props.disabled} data-confirm={confirm ? JSON.stringify(confirm) : undefined}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
