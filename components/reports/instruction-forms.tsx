"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";
import { answerInstruction, createInstruction } from "@/lib/reports/actions";

const TEXTAREA = "mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2.5 text-base aria-[invalid=true]:border-red-600";

function TextField({ id, label, name, errors, max }: { id: string; label: string; name: string; errors?: string[]; max: number }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea id={id} name={name} rows={2} maxLength={max} required className={TEXTAREA} aria-invalid={errors?.length ? true : undefined} aria-describedby={`${id}-error`} />
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="mt-1 text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </div>
  );
}

/** A leader's 批示 on a shown slot. */
export function InstructionForm({ slotId, label }: { slotId: string; label: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createInstruction, {});
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">写批示</summary>
      <form action={action} className="mt-2 space-y-2" aria-label={`对${label}写批示`}>
        <input type="hidden" name="slotId" value={slotId} />
        <TextField id={`instruct-${slotId}`} label="批示内容" name="text" errors={state.fieldErrors?.text} max={500} />
        <FormMessage message={state.message} ok={state.ok} />
        <Button type="submit" disabled={pending}>
          {pending ? "正在发出…" : "发出批示"}
        </Button>
      </form>
    </details>
  );
}

/** The unit's answer to an instruction. */
export function AnswerForm({ instructionId }: { instructionId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(answerInstruction, {});
  if (state.ok) return <FormMessage ok message={state.message} />;
  return (
    <form action={action} className="mt-2 space-y-2" aria-label="回复批示">
      <input type="hidden" name="instructionId" value={instructionId} />
      <TextField id={`answer-${instructionId}`} label="回复(落实情况)" name="text" errors={state.fieldErrors?.text} max={1000} />
      <FormMessage message={state.message} ok={state.ok} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在提交…" : "提交回复"}
      </Button>
    </form>
  );
}
