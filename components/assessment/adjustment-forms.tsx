"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Field, SelectField } from "@/components/ui/field";
import { addAdjustment, addUnitVeto } from "@/lib/assessment/actions";

/** 加减分: points (±, one decimal) and the reason, required. */
export function AdjustmentForm({ quarterId, unitId }: { quarterId: string; unitId: string }) {
  return (
    <ActionForm action={addAdjustment} className="space-y-3">
      {({ errors }) => (
        <>
          <input type="hidden" name="quarterId" value={quarterId} />
          <input type="hidden" name="unitId" value={unitId} />
          <Field label="分值（加分为正，减分为负）" name="points" inputMode="decimal" required placeholder="例如 2 或 -1.5" errors={errors.points} />
          <Field
            id="adjustment-reason"
            label="理由"
            name="reason"
            required
            maxLength={200}
            placeholder="例如：承办全市项目观摩会，成效突出"
            errors={errors.reason}
          />
          <SubmitButton pendingLabel="正在处理…">记录加减分</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function UnitVetoForm({ quarterId, unitId, items }: { quarterId: string; unitId: string; items: { id: string; name: string }[] }) {
  return (
    <ActionForm
      action={addUnitVeto}
      className="space-y-3"
      confirm={{
        title: "实行一票否决？",
        body: "该单位本季度考核将不合格：排在同类单位最后，不得红旗，优先授予黄旗。",
        confirmLabel: "实行一票否决",
        danger: true,
      }}
    >
      {({ errors }) => (
        <>
          <input type="hidden" name="quarterId" value={quarterId} />
          <input type="hidden" name="unitId" value={unitId} />
          <SelectField id="veto-item" label="否决事项" name="vetoItemId" required errors={errors.vetoItemId}>
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </SelectField>
          <Field id="veto-reason" label="事由" name="reason" required maxLength={300} errors={errors.reason} />
          <SubmitButton variant="danger" pendingLabel="正在处理…">
            实行一票否决
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
