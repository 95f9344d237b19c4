"use client";

import { UnitPicker } from "@/components/ui/unit-picker";
import { UnitSelect } from "@/components/ui/unit-select";
import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, NamedOptions, SelectField, TextareaField, Choice } from "@/components/ui/field";
import { createTaskAction, updateTaskAction } from "@/lib/tasks/actions";
import type { TaskFormOptions } from "@/lib/tasks/queries";

export type TaskFormValues = {
  id: string;
  unitId: string;
  year: number;
  externalKey: string | null;
  title: string;
  description: string | null;
  keyTaskId: string | null;
  lineId: string | null;
  responsibleLeaderId: string | null;
  target: number;
  measure: string;
  startDate: string | null;
  deadline: string;
  weight: number;
  requiresPhoto: boolean;
  requiresLocation: boolean;
  sitePlace: string | null;
  siteLat: number | null;
  siteLng: number | null;
  cooperatorIds: string[];
  valueReached: number;
  note: string | null;
};

/** The office's form for a task: every field of it; on edit also the reported value and note. */
export function TaskForm({ options, task, defaultYear }: { options: TaskFormOptions; task?: TaskFormValues; defaultYear: number }) {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

  return (
    <ActionForm action={task ? updateTaskAction : createTaskAction} className="space-y-6" aria-label={task ? "编辑任务" : "新建任务"} message={false}>
      {({ errors }) => (
        <>
          {task ? <input type="hidden" name="id" value={task.id} /> : null}
          <fieldset className="grid gap-4 sm:grid-cols-3">
            <legend className="mb-2 text-lg font-semibold text-stone-900">基本信息</legend>
            <UnitSelect label="责任单位" name="unitId" units={options.units} defaultValue={task?.unitId ?? ""} required errors={errors.unitId} />
            <Field label="年度" name="year" type="number" inputMode="numeric" defaultValue={task?.year ?? defaultYear} required errors={errors.year} />
            <Field
              label="任务编号"
              name="externalKey"
              defaultValue={text(task?.externalKey)}
              hint="导入导出时用它识别任务；不填则自动生成"
              errors={errors.externalKey}
            />
            <Field label="任务名称" name="title" defaultValue={task?.title} required className="sm:col-span-3" errors={errors.title} />
            <TextareaField
              label="任务说明"
              name="description"
              rows={2}
              defaultValue={text(task?.description)}
              className="sm:col-span-3"
              errors={errors.description}
            />
            <SelectField label="重点工作" name="keyTaskId" defaultValue={task?.keyTaskId ?? ""} errors={errors.keyTaskId}>
              <NamedOptions items={options.keyTasks} empty="不属于重点工作" />
            </SelectField>
            <SelectField label="分线 / 指挥部" name="lineId" defaultValue={task?.lineId ?? ""} errors={errors.lineId}>
              <NamedOptions items={options.lines} empty="不归入分线" />
            </SelectField>
            <SelectField label="分包领导" name="responsibleLeaderId" defaultValue={task?.responsibleLeaderId ?? ""} errors={errors.responsibleLeaderId}>
              <option value="">未指定</option>
              {options.leaders.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                  {l.title ? `(${l.title})` : ""}
                </option>
              ))}
            </SelectField>
          </fieldset>

          <fieldset className="grid gap-4 sm:grid-cols-3">
            <legend className="mb-2 text-lg font-semibold text-stone-900">目标和时限</legend>
            <Field label="目标值" name="target" inputMode="decimal" defaultValue={text(task?.target)} required hint="量化目标，如 120" errors={errors.target} />
            <Field label="计量单位" name="measure" defaultValue={task?.measure} required hint="如 户、个、亩、万元" errors={errors.measure} />
            <Field label="权重" name="weight" inputMode="decimal" defaultValue={task?.weight ?? 1} required errors={errors.weight} />
            <Field label="开始日期" name="startDate" type="date" defaultValue={text(task?.startDate)} errors={errors.startDate} />
            <Field label="截止日期" name="deadline" type="date" defaultValue={task?.deadline} required errors={errors.deadline} />
          </fieldset>

          <UnitPicker name="cooperatorIds" label="配合单位" units={options.units} defaultSelected={task?.cooperatorIds} errors={errors.cooperatorIds} />

          <fieldset className="grid gap-4 sm:grid-cols-3">
            <legend className="mb-2 text-lg font-semibold text-stone-900">佐证要求</legend>
            <p className="text-sm text-stone-600 sm:col-span-3">照片和定位只在确有必要的任务上要求（不得强制“留痕”）。</p>
            <Choice type="checkbox" name="requiresPhoto" defaultChecked={task?.requiresPhoto}>
              晒报需附现场照片
            </Choice>
            <Choice type="checkbox" name="requiresLocation" defaultChecked={task?.requiresLocation} className="sm:col-span-2">
              晒报需附位置
            </Choice>
            <Field label="现场地点" name="sitePlace" defaultValue={text(task?.sitePlace)} errors={errors.sitePlace} />
            <Field label="纬度" name="siteLat" inputMode="decimal" defaultValue={text(task?.siteLat)} errors={errors.siteLat} />
            <Field label="经度" name="siteLng" inputMode="decimal" defaultValue={text(task?.siteLng)} errors={errors.siteLng} />
          </fieldset>

          {task ? (
            <fieldset className="grid gap-4 sm:grid-cols-3">
              <legend className="mb-2 text-lg font-semibold text-stone-900">进度（由单位填报，督查室可更正）</legend>
              <Field label="完成值" name="valueReached" inputMode="decimal" defaultValue={task.valueReached} required errors={errors.valueReached} />
              <TextareaField label="进展说明" name="note" rows={2} defaultValue={text(task.note)} className="sm:col-span-2" errors={errors.note} />
            </fieldset>
          ) : null}

          <ActionMessage />
          <SubmitButton pendingLabel="正在保存…">{task ? "保存修改" : "创建任务"}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
