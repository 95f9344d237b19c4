"use client";

import { useState } from "react";
import { formatAmount } from "@/components/tasks/format";
import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Choice, Field, FieldError, SelectField, TextareaField } from "@/components/ui/field";
import { PhotoInput } from "@/components/ui/photo-input";
import { recordSpotCheck } from "@/lib/supervision/spot-checks/actions";
import type { CheckClaim } from "@/lib/supervision/spot-checks/queries";
import { SPOT_CHECK_METHOD_LABELS, SPOT_CHECK_RESULT_LABELS } from "@/lib/supervision/labels";

/**
 * Records how a report was verified and what was found. 不属实 takes back
 * every amount the slot claims; 部分属实 asks, per task, for the amount not
 * true (lib/supervision/spot-checks/reversal-plan.ts).
 */
export function RecordForm({
  checkId,
  now,
  current,
  claims = [],
}: {
  checkId: string;
  now: string;
  current: { method: string | null; result: string | null; notes: string | null };
  /** the amounts the slot claims, per task (only an evening claims any) */
  claims?: CheckClaim[];
}) {
  const [result, setResult] = useState(current.result);
  const claimed = claims.filter((c) => c.claimed > 0);
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
                <Choice
                  key={value}
                  type="radio"
                  name="result"
                  value={value}
                  defaultChecked={current.result === value}
                  onChange={() => setResult(value)}
                  required
                >
                  {label}
                </Choice>
              ))}
            </div>
            <FieldError id="result-error" errors={errors.result} />
            {claimed.length > 0 && result === "FALSE" ? (
              <p className="mt-2 text-sm text-red-800">
                保存后，这条晚晒所报的完成量将全部从任务进度中核减：{claimed.map((c) => `${c.title} ${formatAmount(c.claimed)}${c.measure}`).join(";")}。
              </p>
            ) : null}
          </fieldset>
          {claimed.length > 0 && result === "PARTLY_TRUE" ? (
            <fieldset aria-describedby="untrue-help untrue-error" className="rounded-lg border border-amber-200 bg-amber-50 p-3">
              <legend className="px-1 text-sm font-medium text-stone-800">不属实的完成量</legend>
              <p id="untrue-help" className="mb-2 text-sm text-stone-700">
                填写核实不属实的数量，保存后从任务进度中核减；不填则该任务的进度不变。
              </p>
              <div className="space-y-2">
                {claimed.map((c) => (
                  <div key={c.taskId} className="flex flex-wrap items-center gap-2">
                    <label htmlFor={`untrue-${c.taskId}`} className="min-w-0 flex-1 text-sm">
                      {c.title}（所报 {formatAmount(c.claimed)}
                      {c.measure}）
                    </label>
                    <input
                      id={`untrue-${c.taskId}`}
                      name={`untrue.${c.taskId}`}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={c.claimed}
                      step="any"
                      defaultValue={c.untrue ?? ""}
                      aria-invalid={errors.untrue ? true : undefined}
                      className="w-28 rounded-lg border border-stone-300 bg-white px-3 py-2 text-base tabular-nums"
                    />
                    <span className="text-sm text-stone-600">{c.measure}</span>
                  </div>
                ))}
              </div>
              <FieldError id="untrue-error" errors={errors.untrue} />
            </fieldset>
          ) : null}
          <TextareaField
            id="notes"
            label="核查情况"
            name="notes"
            rows={4}
            maxLength={2000}
            defaultValue={current.notes ?? ""}
            errors={errors.notes}
            placeholder="如：电话联系分包领导核实，现场拆除 3 户属实，第 4 户尚未拆除。"
          />
          <PhotoInput id="photos" label="核查照片（可选，最多 9 张）" errors={errors.photos} />
          <ActionMessage />
          <SubmitButton pendingLabel="正在保存…">保存核查结果</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
