"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, FormMessage, TextareaField } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";
import { acceptInstruction, answerInstruction, askInstructionAgain, createInstruction } from "@/lib/reports/actions";
import { districtToday } from "@/lib/time";

/** A leader's 批示 on a shown slot, with an optional 办理期限 (today or later, the district's calendar). */
export function InstructionForm({ slotId, label }: { slotId: string; label: string }) {
  const today = districtToday();
  return (
    <Disclosure summary="写批示" className="mt-2">
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
    </Disclosure>
  );
}

/** A form behind a link-like summary (写批示, 追问): closed until asked for; at least 44 px to tap. */
function Disclosure({ summary, className, children }: { summary: string; className?: string; children: React.ReactNode }) {
  return (
    <details className={className}>
      <summary className="inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center text-sm font-medium text-brand-700">{summary}</summary>
      {children}
    </details>
  );
}

/**
 * The steps on an instruction that, once taken, leave only the server's word in their place: the
 * unit's answer, the leader's 追问 (both with words) and the leader's 采纳 (a button alone).
 */
const STEPS = {
  answer: { action: answerInstruction, label: "回复批示", text: { label: "回复（落实情况）", maxLength: 1000 }, submit: "提交回复", pending: "正在提交…" },
  reask: { action: askInstructionAgain, label: "追问批示", text: { label: "追问内容", maxLength: 500 }, submit: "发出追问", pending: "正在发出…" },
  close: { action: acceptInstruction, label: "采纳回复并办结批示", text: null, submit: "采纳，办结", pending: "正在办结…" },
} satisfies Record<string, InstructionStep>;

type InstructionStep = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** the form's name */
  label: string;
  /** the words the step carries, if any */
  text: { label: string; maxLength: number } | null;
  submit: string;
  pending: string;
};

function InstructionStepForm({ step, instructionId, className }: { step: keyof typeof STEPS; instructionId: string; className?: string }) {
  const { action, label, text, submit, pending }: InstructionStep = STEPS[step];
  return (
    <ActionForm action={action} className={className} aria-label={label} message={false}>
      {({ state, errors }) =>
        state.ok ? (
          <FormMessage ok message={state.message} />
        ) : (
          <>
            <input type="hidden" name="instructionId" value={instructionId} />
            {text ? (
              <TextareaField id={`${step}-${instructionId}`} label={text.label} name="text" rows={2} maxLength={text.maxLength} required errors={errors.text} />
            ) : null}
            <ActionMessage />
            <SubmitButton pendingLabel={pending}>{submit}</SubmitButton>
          </>
        )
      }
    </ActionForm>
  );
}

/** The unit's answer to an instruction. */
export function AnswerForm({ instructionId }: { instructionId: string }) {
  return <InstructionStepForm step="answer" instructionId={instructionId} className="mt-2 space-y-2" />;
}

/** The leader who wrote the 批示 (or the office) accepts the unit's answer and closes it. */
export function CloseInstructionForm({ instructionId }: { instructionId: string }) {
  return <InstructionStepForm step="close" instructionId={instructionId} />;
}

/** …or asks again (追问): the 批示 goes back to the unit with these words. */
export function ReaskInstructionForm({ instructionId }: { instructionId: string }) {
  return (
    <Disclosure summary="追问" className="w-full">
      <InstructionStepForm step="reask" instructionId={instructionId} className="mt-2 space-y-2" />
    </Disclosure>
  );
}
