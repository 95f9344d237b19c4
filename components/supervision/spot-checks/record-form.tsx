"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, FieldError, SelectField, TextareaField } from "@/components/ui/field";
import { recordSpotCheck } from "@/lib/supervision/spot-checks/actions";
import { SPOT_CHECK_METHOD_LABELS, SPOT_CHECK_RESULT_LABELS } from "@/lib/supervision/labels";


/** Records how a report was verified and what was found. */
export function RecordForm({ checkId, now, current }: { checkId: string; now: string; current: { method: string | null; result: string | null; notes: string | null } }) {
  return (
    <ActionForm action={recordSpotCheck} className="space-y-4" aria-label="记录核查结果" message={false}>
      {({ errors }) => (
        <>
          <input type="hidden" name="checkId" value={checkId} />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField id="method" label="核查方式" name="method" defaultValue={current.method ?? ""} required errors={errors.method}>
              <option value="" disabled>
                请选择
              </option>
              {Object.entries(SPOT_CHECK_METHOD_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            <Field label="核查时间" name="checkedAt" type="datetime-local" defaultValue={now} max={now} required errors={errors.checkedAt} />
          </div>
          <fieldset aria-describedby="result-error">
            <legend className="mb-1 text-sm font-medium text-stone-800">核查结果</legend>
            <div className="flex flex-wrap gap-4">
              {Object.entries(SPOT_CHECK_RESULT_LABELS).map(([value, label]) => (
                <label key={value} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="result" value={value} defaultChecked={current.result === value} required className="size-5 accent-brand-700" />
                  {label}
                </label>
              ))}
            </div>
            <FieldError id="result-error" errors={errors.result} />
          </fieldset>
          <TextareaField id="notes" label="核查情况" name="notes" rows={4} maxLength={2000} defaultValue={current.notes ?? ""} errors={errors.notes} placeholder="如:电话联系分包领导核实,现场拆除 3 户属实,第 4 户尚未拆除。" />
          <div>
            <label htmlFor="photos" className="mb-1 block text-sm font-medium text-stone-800">
              核查照片(可选,最多 9 张)
            </label>
            <input id="photos" name="photos" type="file" accept="image/*" multiple aria-describedby="photos-error" className="block w-full text-base" />
            <FieldError id="photos-error" errors={errors.photos} />
          </div>
          <ActionMessage />
          <SubmitButton pendingLabel="正在保存…">保存核查结果</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
