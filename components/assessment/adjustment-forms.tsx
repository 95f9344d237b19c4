"use client";

import { ActionForm } from "@/components/assessment/action-form";
import { Field } from "@/components/ui/field";
import { addAdjustment, addUnitVeto } from "@/lib/assessment/actions";

/** 加减分: points (±, one decimal) and the reason, required. */
export function AdjustmentForm({ quarterId, unitId }: { quarterId: string; unitId: string }) {
  return (
    <ActionForm action={addAdjustment} hidden={{ quarterId, unitId }} submitLabel="记录加减分">
      {(errors) => (
        <>
          <Field label="分值(加分为正,减分为负)" name="points" inputMode="decimal" required placeholder="例如 2 或 -1.5" errors={errors.points} />
          <Field label="理由" name="reason" required maxLength={200} placeholder="例如:承办全市项目观摩会,成效突出" errors={errors.reason} />
        </>
      )}
    </ActionForm>
  );
}

export function UnitVetoForm({ quarterId, unitId, items }: { quarterId: string; unitId: string; items: { id: string; name: string }[] }) {
  return (
    <ActionForm action={addUnitVeto} hidden={{ quarterId, unitId }} submitLabel="实行一票否决" variant="danger">
      {(errors) => (
        <>
          <div>
            <label htmlFor="veto-item" className="mb-1 block text-sm font-medium text-stone-800">
              否决事项
            </label>
            <select id="veto-item" name="vetoItemId" required className="block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base">
              {items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
            {errors.vetoItemId?.map((e) => (
              <p key={e} className="mt-1 text-sm text-red-700">
                {e}
              </p>
            ))}
          </div>
          <Field label="事由" name="reason" required maxLength={300} errors={errors.reason} />
        </>
      )}
    </ActionForm>
  );
}
