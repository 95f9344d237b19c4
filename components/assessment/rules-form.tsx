"use client";

import { useState } from "react";
import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Choice, Field, TextareaField } from "@/components/ui/field";
import { saveScoringRules } from "@/lib/assessment/actions";

export type RulesValues = {
  year: number;
  weightTasks: number;
  weightGroups: number;
  weightSpotChecks: number;
  weightOrders: number;
  weightTimeliness: number;
  redFlagCount: number;
  yellowFlagCount: number;
  escalationLadder: string[];
  lateCredit: number;
  excludedUnitIds: string[];
};

const WEIGHTS = [
  ["weightTasks", "任务与节点完成", "到期任务和节点的加权完成率"],
  ["weightGroups", "考核组评分", "各考核组已提交评分的平均得分率"],
  ["weightSpotChecks", "抽查结果", "不属实扣本项一半，部分属实扣五分之一"],
  ["weightOrders", "督办单按期办结", "每件逾期未办结的督办单扣本项四分之一"],
  ["weightTimeliness", "晒报及时率", "默认 0：只展示，不计分（不以留痕多少评价单位）"],
] as const;

/** `departments`: the units the office may set outside the assessed set (the offices that run the assessment). */
export function RulesForm({ initial, departments }: { initial: RulesValues; departments: { id: string; name: string }[] }) {
  const [weights, setWeights] = useState(() => WEIGHTS.map(([key]) => String(initial[key])));
  const sum = weights.reduce((s, w) => s + (Number(w) || 0), 0);
  return (
    <ActionForm action={saveScoringRules} className="space-y-5" message={false}>
      {({ errors }) => (
        <>
          <input type="hidden" name="year" value={initial.year} />
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">各项权重（合计 100）</legend>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {WEIGHTS.map(([key, label, hint], i) => (
                <Field
                  key={key}
                  label={label}
                  name={key}
                  inputMode="decimal"
                  required
                  value={weights[i]}
                  onChange={(e) => setWeights((ws) => ws.map((w, j) => (j === i ? e.target.value : w)))}
                  hint={hint}
                  errors={errors[key]}
                />
              ))}
            </div>
            <p className={sum === 100 ? "text-stone-700" : "font-medium text-red-700"} aria-live="polite">
              当前合计 <span className="tabular-nums">{sum}</span>
              {sum === 100 ? "" : "，须为 100"}
            </p>
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold">逾期完成（到期日之后才完成）</legend>
            <Field
              label="到期日之后完成的部分按此比例计分（%）"
              name="lateCreditPercent"
              inputMode="decimal"
              required
              defaultValue={Math.round(initial.lateCredit * 1000) / 10}
              hint="默认 50：到期日前完成的部分全额计分，之后（至季度末）完成的部分计一半；0 = 逾期完成不得分，100 = 与按期完成相同。"
              errors={errors.lateCreditPercent}
            />
          </fieldset>
          <fieldset>
            <legend className="text-lg font-semibold">不参与排名的单位</legend>
            <p className="mt-1 text-sm text-stone-600">
              组织考核的单位（如区委办、区政府办、督查室）不在被考核单位之列：照常计算得分供参考，但不参与排名和红黄旗，排名页单独列出。
            </p>
            <div className="mt-2 grid max-h-72 gap-1 overflow-y-auto rounded-lg border border-stone-200 p-2 sm:grid-cols-2 lg:grid-cols-3">
              {departments.map((d) => (
                <Choice key={d.id} type="checkbox" name="excludedUnitIds" value={d.id} defaultChecked={initial.excludedUnitIds.includes(d.id)}>
                  <span>{d.name}</span>
                </Choice>
              ))}
            </div>
          </fieldset>
          <fieldset className="grid gap-3 sm:grid-cols-3">
            <legend className="mb-2 text-lg font-semibold">红黄旗</legend>
            <Field
              label="红旗数（每类单位前 N 名）"
              name="redFlagCount"
              inputMode="numeric"
              required
              defaultValue={initial.redFlagCount}
              errors={errors.redFlagCount}
            />
            <Field
              label="黄旗数（每类单位后 N 名）"
              name="yellowFlagCount"
              inputMode="numeric"
              required
              defaultValue={initial.yellowFlagCount}
              errors={errors.yellowFlagCount}
            />
            <TextareaField
              label="连续黄旗升级措施（每行一级）"
              name="escalationLadder"
              rows={3}
              defaultValue={initial.escalationLadder.join("\n")}
              hint="第 1 面黄旗用第 1 级，连续第 2 面用第 2 级……超过的沿用最后一级。"
              errors={errors.escalationLadder}
            />
          </fieldset>
          <ActionMessage />
          <SubmitButton pendingLabel="正在保存…">保存规则</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
