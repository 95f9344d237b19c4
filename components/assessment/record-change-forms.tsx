"use client";

import { useActionState } from "react";
import { confirmFirst } from "@/components/assessment/score-form";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, SelectField, TextareaField } from "@/components/ui/field";
import { correctAdjustment, correctVeto, withdrawAdjustment, withdrawGroupScore, withdrawVeto } from "@/lib/assessment/actions";
import type { ActionState } from "@/lib/auth/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Withdrawing or correcting a group score, a 加减分 or a veto: a reason is
 * required, the old version is kept (lib/assessment/writes.ts). Each form
 * keeps what was typed when refused and asks before sending.
 */
function ChangeForm({
  action,
  hidden,
  idPrefix,
  submitLabel,
  question,
  danger,
  children,
}: {
  action: Action;
  hidden: Record<string, string>;
  idPrefix: string;
  submitLabel: string;
  question: string;
  danger?: boolean;
  children?: (errors: Record<string, string[] | undefined>) => React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <ActionForm action={formAction} className="mt-2 space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children?.(errors)}
      <TextareaField id={`${idPrefix}-change-reason`} label="原因(必填)" name="changeReason" rows={2} maxLength={300} required errors={errors.changeReason} />
      <FormMessage message={state.message} ok={state.ok} />
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending} onClick={confirmFirst(question)}>
        {pending ? "正在处理…" : submitLabel}
      </Button>
    </ActionForm>
  );
}

export function WithdrawGroupScoreForm(props: { groupId: string; unitId: string; quarterId: string; scoreId: string }) {
  return (
    <ChangeForm
      action={withdrawGroupScore}
      hidden={props}
      idPrefix="score-withdraw"
      submitLabel="撤回评分"
      question="撤回后本组对该单位的评分不再计入,原评分作为历史版本保留。确定撤回?"
      danger
    />
  );
}

export function WithdrawAdjustmentForm({ adjustmentId }: { adjustmentId: string }) {
  return (
    <ChangeForm
      action={withdrawAdjustment}
      hidden={{ adjustmentId }}
      idPrefix={`adj-${adjustmentId}-withdraw`}
      submitLabel="撤回加减分"
      question="撤回后这笔加减分不再计入,原记录保留可查。确定撤回?"
      danger
    />
  );
}

export function CorrectAdjustmentForm({ adjustmentId, points, reason }: { adjustmentId: string; points: number; reason: string }) {
  return (
    <ChangeForm action={correctAdjustment} hidden={{ adjustmentId }} idPrefix={`adj-${adjustmentId}-fix`} submitLabel="提交更正" question="提交更正?原记录作为历史版本保留。">
      {(errors) => (
        <>
          <Field id={`adj-${adjustmentId}-points`} label="分值(加分为正,减分为负)" name="points" inputMode="decimal" required defaultValue={String(points)} errors={errors.points} />
          <Field id={`adj-${adjustmentId}-reason`} label="加减分理由" name="reason" required maxLength={200} defaultValue={reason} errors={errors.reason} />
        </>
      )}
    </ChangeForm>
  );
}

export function WithdrawVetoForm({ vetoId }: { vetoId: string }) {
  return (
    <ChangeForm
      action={withdrawVeto}
      hidden={{ vetoId }}
      idPrefix={`veto-${vetoId}-withdraw`}
      submitLabel="撤回一票否决"
      question="撤回后该单位不再因此项被否决,原记录保留可查。确定撤回?"
      danger
    />
  );
}

export function CorrectVetoForm({ vetoId, vetoItemId, reason, items }: { vetoId: string; vetoItemId: string; reason: string; items: { id: string; name: string }[] }) {
  return (
    <ChangeForm action={correctVeto} hidden={{ vetoId }} idPrefix={`veto-${vetoId}-fix`} submitLabel="提交更正" question="提交更正?原记录作为历史版本保留。">
      {(errors) => (
        <>
          <SelectField id={`veto-${vetoId}-item`} label="否决事项" name="vetoItemId" defaultValue={vetoItemId} errors={errors.vetoItemId}>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </SelectField>
          <Field id={`veto-${vetoId}-reason`} label="事由" name="reason" required maxLength={300} defaultValue={reason} errors={errors.reason} />
        </>
      )}
    </ChangeForm>
  );
}
