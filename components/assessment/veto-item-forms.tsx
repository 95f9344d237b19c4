"use client";

import { ActionForm } from "@/components/assessment/action-form";
import { Field } from "@/components/ui/field";
import { addVetoItem, removeVetoItem } from "@/lib/assessment/actions";

export function AddVetoItemForm({ year }: { year: number }) {
  return (
    <ActionForm action={addVetoItem} hidden={{ year: String(year) }} submitLabel="添加否决事项" variant="secondary" className="flex flex-wrap items-end gap-3">
      {(errors) => <Field label="新的否决事项" name="name" required maxLength={40} placeholder="例如:重大环境污染事件" errors={errors.name} className="min-w-64 flex-1" />}
    </ActionForm>
  );
}

export function RemoveVetoItemForm({ vetoItemId }: { vetoItemId: string }) {
  return <ActionForm action={removeVetoItem} hidden={{ vetoItemId }} submitLabel="删除" variant="danger" className="flex flex-wrap items-center gap-2" />;
}
