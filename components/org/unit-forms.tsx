"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Field, SelectField } from "@/components/ui/field";
import { UnitSelect } from "@/components/ui/unit-select";
import type { UnitOption } from "@/components/org/user-forms";
import { changeScopeAction, createUnitAction, importUnitsAction, mergeUnitAction, retireUnitAction, updateUnitAction } from "@/lib/org/actions";
import { SheetImportForm } from "@/components/org/import-form";
import { UNIT_KIND_LABELS } from "@/lib/labels";

export type UnitFormValues = {
  id: string;
  code: string;
  name: string;
  kind: "TOWN" | "DEPARTMENT";
  seatPlace: string | null;
  lat: number | null;
  lng: number | null;
};

export function UnitForm({ unit }: { unit?: UnitFormValues }) {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return (
    <ActionForm action={unit ? updateUnitAction : createUnitAction} className="max-w-2xl space-y-4" aria-label={unit ? "编辑单位" : "新建单位"}>
      {({ errors }) => (
        <>
          {unit ? <input type="hidden" name="id" value={unit.id} /> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="单位名称" name="name" required maxLength={40} defaultValue={unit?.name} errors={errors.name} />
            <Field label="单位代码" name="code" required maxLength={20} defaultValue={unit?.code} hint="如行政区划代码，字母或数字" errors={errors.code} />
            <SelectField label="类别" name="kind" required defaultValue={unit?.kind ?? ""} errors={errors.kind}>
              <option value="">请选择</option>
              <option value="TOWN">{UNIT_KIND_LABELS.TOWN}</option>
              <option value="DEPARTMENT">{UNIT_KIND_LABELS.DEPARTMENT}</option>
            </SelectField>
            <Field
              label="驻地"
              name="seatPlace"
              maxLength={60}
              defaultValue={text(unit?.seatPlace)}
              hint="单位驻地的地名，用于位置核验"
              errors={errors.seatPlace}
            />
            <Field label="驻地纬度" name="lat" inputMode="decimal" defaultValue={text(unit?.lat)} hint="如 36.7765" errors={errors.lat} />
            <Field label="驻地经度" name="lng" inputMode="decimal" defaultValue={text(unit?.lng)} hint="如 114.4908" errors={errors.lng} />
          </div>
          <SubmitButton pendingLabel="正在保存…">{unit ? "保存" : "创建单位"}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RetireUnitForm({ id, name }: { id: string; name: string }) {
  return (
    <ActionForm
      action={retireUnitAction}
      confirm={{
        title: `撤销“${name}”?`,
        body: "撤销后不再参加排名、不再催报，它的账号停用；晒报、评分和红黄旗以原名称保留。不能恢复。",
        confirmLabel: "撤销单位",
        danger: true,
      }}
      className="space-y-3"
      aria-label="撤销单位"
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger">撤销单位</SubmitButton>
    </ActionForm>
  );
}

export function MergeUnitForm({ id, name, units }: { id: string; name: string; units: UnitOption[] }) {
  return (
    <ActionForm
      action={mergeUnitAction}
      confirm={{
        title: `把“${name}”并入所选单位？`,
        body: "任务、未办结的督办件和账号转入新单位，本单位随即撤销；历史记录以原名称保留。不能恢复。",
        confirmLabel: "合并",
        danger: true,
      }}
      className="space-y-3"
      aria-label="合并单位"
    >
      {({ errors }) => (
        <>
          <input type="hidden" name="id" value={id} />
          <UnitSelect label="并入" name="intoId" units={units.filter((u) => u.id !== id)} required errors={errors.intoId} />
          <SubmitButton variant="danger">合并</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function ScopeChangeForm({ groupId, units, today }: { groupId: string; units: UnitOption[]; today: string }) {
  return (
    <ActionForm action={changeScopeAction} className="grid max-w-2xl gap-4 sm:grid-cols-2" aria-label="调整考核范围">
      {({ errors }) => (
        <>
          <input type="hidden" name="groupId" value={groupId} />
          <UnitSelect label="单位" name="unitId" units={units} required errors={errors.unitId} className="sm:col-span-2" />
          <SelectField label="调整" name="change" required defaultValue="ADD" errors={errors.change}>
            <option value="ADD">加入考核范围</option>
            <option value="REMOVE">移出考核范围</option>
          </SelectField>
          <Field
            label="生效日期"
            name="effectiveDate"
            type="date"
            required
            defaultValue={today}
            max={today}
            hint="本季度内，不晚于今天"
            errors={errors.effectiveDate}
          />
          <div className="self-end">
            <SubmitButton>保存调整</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function UnitImportForm() {
  return (
    <SheetImportForm
      action={importUnitsAction}
      label="导入单位"
      fileLabel="单位表（.xlsx）"
      caption="新建的单位"
      headers={["单位代码", "单位名称"]}
      monospace={[0]}
    />
  );
}
