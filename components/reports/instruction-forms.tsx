"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { FormMessage, TextareaField } from "@/components/ui/field";
import { answerInstruction, createInstruction } from "@/lib/reports/actions";

/** A leader's 批示 on a shown slot. */
export function InstructionForm({ slotId, label }: { slotId: string; label: string }) {
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">写批示</summary>
      <ActionForm action={createInstruction} resetOnSuccess className="mt-2 space-y-2" aria-label={`对${label}写批示`} message={false}>
        {({ errors }) => (
          <>
            <input type="hidden" name="slotId" value={slotId} />
            <TextareaField id={`instruct-${slotId}`} label="批示内容" name="text" rows={2} maxLength={500} required errors={errors.text} />
            <ActionMessage />
            <SubmitButton pendingLabel="正在发出…">发出批示</SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}

/** The unit's answer to an instruction. */
export function AnswerForm({ instructionId }: { instructionId: string }) {
  return (
    <ActionForm action={answerInstruction} className="mt-2 space-y-2" aria-label="回复批示" message={false}>
      {({ state, errors }) =>
        state.ok ? (
          <FormMessage ok message={state.message} />
        ) : (
          <>
            <input type="hidden" name="instructionId" value={instructionId} />
            <TextareaField id={`answer-${instructionId}`} label="回复（落实情况）" name="text" rows={2} maxLength={1000} required errors={errors.text} />
            <ActionMessage />
            <SubmitButton pendingLabel="正在提交…">提交回复</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}
