"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { addVetoItem, removeVetoItem } from "@/lib/assessment/actions";

export function AddVetoItemForm({ year }: { year: number }) {
  return (
    <ActionForm action={addVetoItem} resetOnSuccess className="flex flex-wrap items-end gap-3">
      {({ errors }) => (
        <>
          <input type="hidden" name="year" value={String(year)} />
          <Field
            label="新的否决事项"
            name="name"
            required
            maxLength={40}
            placeholder="例如：重大环境污染事件"
            errors={errors.name}
            className="min-w-64 flex-1"
          />
          <SubmitButton variant="secondary" pendingLabel="正在处理…">
            添加否决事项
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RemoveVetoItemForm({ vetoItemId, name }: { vetoItemId: string; name?: string }) {
  return (
    <ActionForm
      action={removeVetoItem}
      confirm={{ title: name ? `删除否决事项“${name}”?` : "删除这个否决事项？", body: "删除后不能恢复。", confirmLabel: "删除", danger: true }}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="vetoItemId" value={vetoItemId} />
      <SubmitButton variant="danger" pendingLabel="正在处理…">
        删除
      </SubmitButton>
    </ActionForm>
  );
}
