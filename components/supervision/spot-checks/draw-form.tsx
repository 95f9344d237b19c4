"use client";

import { useState } from "react";
import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, FieldError, Choice } from "@/components/ui/field";
import { drawSpotChecks } from "@/lib/supervision/spot-checks/actions";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { SLOT_LABELS } from "@/lib/reports/slots";

/** Draws a reproducible sample: by share or count, slot, kind of unit, dates; random or risk-weighted. */
export function DrawForm({ from, to }: { from: string; to: string }) {
  const [mode, setMode] = useState<"RANDOM" | "RISK">("RANDOM");
  const [sizeBy, setSizeBy] = useState<"SHARE" | "COUNT">("COUNT");
  return (
    <ActionForm action={drawSpotChecks} className="space-y-4" aria-label="随机抽查" message={false}>
      {({ errors }) => (
        <>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-stone-800">抽取方式</legend>
            <Choice type="radio" name="mode" value="RANDOM" checked={mode === "RANDOM"} onChange={() => setMode("RANDOM")} className="items-start">
              <span>
                纯随机
                <span className="block text-sm text-stone-600">
                  按{UNIT_KIND_LABELS.TOWN}/{UNIT_KIND_LABELS.DEPARTMENT}和早午晚分层，各层按比例抽取
                </span>
              </span>
            </Choice>
            <Choice type="radio" name="mode" value="RISK" checked={mode === "RISK"} onChange={() => setMode("RISK")} className="items-start">
              <span>
                风险加权<span className="block text-sm text-stone-600">保留一部分纯随机抽取，其余优先抽有未处理异常线索的晒报</span>
              </span>
            </Choice>
          </fieldset>
          {mode === "RISK" ? (
            <Field
              label="纯随机部分占比（%）"
              name="randomShare"
              type="number"
              min={0}
              max={100}
              defaultValue={50}
              required
              errors={errors.randomShare}
              hint="其余部分按异常线索加权：每条未处理线索使被抽中的机会约增加 200 倍"
            />
          ) : null}
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-stone-800">抽取数量</legend>
            <div className="flex flex-wrap gap-4">
              <Choice type="radio" name="sizeBy" value="COUNT" checked={sizeBy === "COUNT"} onChange={() => setSizeBy("COUNT")}>
                按条数
              </Choice>
              <Choice type="radio" name="sizeBy" value="SHARE" checked={sizeBy === "SHARE"} onChange={() => setSizeBy("SHARE")}>
                按比例
              </Choice>
            </div>
            {sizeBy === "COUNT" ? (
              <Field label="条数" name="count" type="number" min={1} max={500} defaultValue={10} required errors={errors.count} />
            ) : (
              <Field label="比例（%）" name="share" type="number" min={0.1} max={100} step={0.1} defaultValue={2} required errors={errors.share} />
            )}
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-stone-800">时段</legend>
            <div className="mt-1 flex flex-wrap gap-4" aria-describedby="slots-error">
              {[
                ["slotMorning", SLOT_LABELS.MORNING],
                ["slotNoon", SLOT_LABELS.NOON],
                ["slotEvening", SLOT_LABELS.EVENING],
              ].map(([name, label]) => (
                <Choice key={name} type="checkbox" name={name} defaultChecked>
                  {label}
                </Choice>
              ))}
            </div>
            <FieldError id="slots-error" errors={errors.slotMorning} />
          </fieldset>
          <fieldset>
            <legend className="text-sm font-medium text-stone-800">单位类别</legend>
            <div className="mt-1 flex flex-wrap gap-4" aria-describedby="kinds-error">
              <Choice type="checkbox" name="kindTown" defaultChecked>
                {UNIT_KIND_LABELS.TOWN}
              </Choice>
              <Choice type="checkbox" name="kindDepartment" defaultChecked>
                {UNIT_KIND_LABELS.DEPARTMENT}
              </Choice>
            </div>
            <FieldError id="kinds-error" errors={errors.kindTown} />
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="起始日期" name="from" type="date" defaultValue={from} required errors={errors.from} />
            <Field label="截止日期" name="to" type="date" defaultValue={to} max={to} required errors={errors.to} />
          </div>
          <Field label="随机种子（可不填）" name="seed" maxLength={32} errors={errors.seed} hint="不填则自动生成；填入以往的种子和相同条件，可复现那次抽取" />
          <ActionMessage />
          <SubmitButton pendingLabel="正在抽取…">抽取</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
