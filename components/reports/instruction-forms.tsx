"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, FormMessage, TextareaField } from "@/components/ui/field";
import { acceptInstruction, answerInstruction, askInstructionAgain, createInstruction } from "@/lib/reports/actions";
import { districtToday } from "@/lib/time";

/** A leader's 批示 on a shown slot, with an optional 办理期限 (today or later, the district's calendar). */
export function InstructionForm({ slotId, label }: { slotId: string; label: string }) {
  const today = districtToday();
  return (
    <details className="mt-2">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">写批示</summary>
      <ActionForm action={createInstruction} resetOnSuccess className="mt-2 space-y-2" aria-label={`对${label}写批示`} message={false}>
        {({ errors }) => (
          <>
            <input type="hidden" name="slotId" value={slotId} />
            <TextareaField id={`instruct-${slotId}`} label="批示内容" name="text" rows={2} maxLength={500} required errors={errors.text} />
            <Field
              id={`instruct-deadline-${slotId}`}
              label="办理期限（可不填）"
              name="deadline"
              type="date"
              min={today}
              hint="到期未办结的批示在“我的批示”中标为逾期"
              className="max-w-56"
              errors={errors.deadline}
            />
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

/** The leader who wrote the 批示 (or the office) accepts the unit's answer and closes it. */
export function CloseInstructionForm({ instructionId }: { instructionId: string }) {
  return (
    <ActionForm action={acceptInstruction} aria-label="采纳回复并办结批示" message={false}>
      {({ state }) =>
        state.ok ? (
          <FormMessage ok message={state.message} />
        ) : (
          <>
            <input type="hidden" name="instructionId" value={instructionId} />
            <SubmitButton pendingLabel="正在办结…">采纳，办结</SubmitButton>
            <ActionMessage />
          </>
        )
      }
    </ActionForm>
  );
}

/** …or asks again (追问): the 批示 goes back to the unit with these words. */
export function ReaskInstructionForm({ instructionId }: { instructionId: string }) {
  return (
    <details className="w-full">
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">追问</summary>
      <ActionForm action={askInstructionAgain} className="mt-2 space-y-2" aria-label="追问批示" message={false}>
        {({ state, errors }) =>
          state.ok ? (
            <FormMessage ok message={state.message} />
          ) : (
            <>
              <input type="hidden" name="instructionId" value={instructionId} />
              <TextareaField id={`reask-${instructionId}`} label="追问内容" name="text" rows={2} maxLength={500} required errors={errors.text} />
              <ActionMessage />
              <SubmitButton pendingLabel="正在发出…">发出追问</SubmitButton>
            </>
          )
        }
      </ActionForm>
    </details>
  );
}
