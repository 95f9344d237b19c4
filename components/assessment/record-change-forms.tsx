"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { correctAdjustment, correctVeto, withdrawAdjustment, withdrawGroupScore, withdrawVeto } from "@/lib/assessment/actions";
import type { ActionState } from "@/lib/auth/action";
import type { FieldErrors } from "@/lib/validation";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Withdrawing or correcting a group score, a 加减分 or a veto: a reason is
 * required, the old version is kept (lib/assessment/writes.ts). The form kit
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
  question: { title: string; body: string };
  danger?: boolean;
  children?: (errors: FieldErrors) => React.ReactNode;
}) {
  return (
    <ActionForm action={action} className="mt-2 space-y-3" confirm={{ ...question, confirmLabel: submitLabel, danger }}>
      {({ errors }) => (
        <>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children?.(errors)}
          <TextareaField
            id={`${idPrefix}-change-reason`}
            label="原因（必填）"
            name="changeReason"
            rows={2}
            maxLength={300}
            required
            errors={errors.changeReason}
          />
          <SubmitButton variant={danger ? "danger" : "primary"} pendingLabel="正在处理…">
            {submitLabel}
          </SubmitButton>
        </>
      )}
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
      question={{ title: "撤回评分？", body: "撤回后本组对该单位的评分不再计入，原评分作为历史版本保留；可以重新评分。" }}
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
      question={{ title: "撤回这笔加减分？", body: "撤回后不再计入得分，原记录保留可查。" }}
      danger
    />
  );
}

export function CorrectAdjustmentForm({ adjustmentId, points, reason }: { adjustmentId: string; points: number; reason: string }) {
  return (
    <ChangeForm
      action={correctAdjustment}
      hidden={{ adjustmentId }}
      idPrefix={`adj-${adjustmentId}-fix`}
      submitLabel="提交更正"
      question={{ title: "更正这笔加减分？", body: "新的分值和理由计入得分，原记录作为历史版本保留。" }}
    >
      {(errors) => (
        <>
          <Field
            id={`adj-${adjustmentId}-points`}
            label="分值（加分为正，减分为负）"
            name="points"
            inputMode="decimal"
            required
            defaultValue={String(points)}
            errors={errors.points}
          />
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
      question={{ title: "撤回一票否决？", body: "撤回后该单位不再因此项被否决，原记录保留可查。" }}
      danger
    />
  );
}

export function CorrectVetoForm({
  vetoId,
  vetoItemId,
  reason,
  items,
}: {
  vetoId: string;
  vetoItemId: string;
  reason: string;
  items: { id: string; name: string }[];
}) {
  return (
    <ChangeForm
      action={correctVeto}
      hidden={{ vetoId }}
      idPrefix={`veto-${vetoId}-fix`}
      submitLabel="提交更正"
      question={{ title: "更正一票否决？", body: "新的事项和事由计入，原记录作为历史版本保留。" }}
    >
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
