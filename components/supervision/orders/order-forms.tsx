"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field, FieldError, SelectField, TextareaField } from "@/components/ui/field";
import { decideOrder, issueOrder, respondOrder } from "@/lib/supervision/orders/actions";

export function IssueOrderForm({
  unit,
  tasks,
  groups,
  slotId,
  defaultDeadline,
  minDate,
}: {
  unit: { id: string; name: string };
  tasks: { id: string; title: string; deadline: string }[];
  groups: { id: string; name: string }[];
  slotId?: string;
  defaultDeadline: string;
  minDate: string;
}) {
  return (
    <ActionForm action={issueOrder} className="space-y-4" aria-label="开具督办单" message={false}>
      {({ errors }) => (
        <>
          <input type="hidden" name="unitId" value={unit.id} />
          {slotId ? <input type="hidden" name="slotId" value={slotId} /> : null}
          {groups.length > 1 ? (
            <SelectField id="groupId" label="以哪个考核组的名义" name="groupId" required errors={errors.groupId}>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </SelectField>
          ) : groups.length === 1 ? (
            <input type="hidden" name="groupId" value={groups[0].id} />
          ) : null}
          <SelectField id="taskId" label={`关联任务${slotId ? "(可选,已关联晒报)" : ""}`} name="taskId" defaultValue="" errors={errors.taskId}>
            <option value="">{slotId ? "不关联任务" : "请选择任务"}</option>
            {tasks.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}(期限 {t.deadline})
              </option>
            ))}
          </SelectField>
          <Field label="标题" name="title" required maxLength={60} placeholder="如:兴业路拆迁遗留问题,限时解决" errors={errors.title} />
          <TextareaField name="content" label="督办内容" rows={5} required maxLength={2000} errors={errors.content} placeholder="写明问题、要求和办结标准" />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="办结期限(日期)" name="deadlineDate" type="date" min={minDate} defaultValue={defaultDeadline} required errors={errors.deadlineDate} />
            <Field label="办结期限(时间)" name="deadlineTime" type="time" defaultValue="18:00" required errors={errors.deadlineTime} />
          </div>
          <ActionMessage />
          <SubmitButton pendingLabel="正在开具…">开具督办单</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RespondOrderForm({ orderId }: { orderId: string }) {
  return (
    <ActionForm action={respondOrder} className="space-y-4" aria-label="答复督办单" message={false}>
      {({ errors }) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <TextareaField name="text" label="办理情况" rows={5} required maxLength={2000} errors={errors.text} placeholder="写明采取的措施、办理结果和佐证" />
          <div>
            <label htmlFor="response-photos" className="mb-1 block text-sm font-medium text-stone-800">
              佐证照片(可选,最多 9 张)
            </label>
            <input id="response-photos" name="photos" type="file" accept="image/*" multiple aria-describedby="response-photos-error" className="block w-full text-base" />
            <FieldError id="response-photos-error" errors={errors.photos} />
          </div>
          <ActionMessage />
          <SubmitButton pendingLabel="正在提交…">提交答复</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function DecideOrderForm({ orderId }: { orderId: string }) {
  return (
    <ActionForm action={decideOrder} className="space-y-4" aria-label="审核答复" message={false}>
      {({ errors }) => (
        <>
          <input type="hidden" name="orderId" value={orderId} />
          <fieldset aria-describedby="decision-error">
            <legend className="mb-1 text-sm font-medium text-stone-800">审核意见</legend>
            <div className="flex flex-wrap gap-4">
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" name="decision" value="ACCEPTED" required className="size-5 accent-brand-700" />
                办结(销号)
              </label>
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" name="decision" value="RETURNED" required className="size-5 accent-brand-700" />
                退回重办
              </label>
            </div>
            <FieldError id="decision-error" errors={errors.decision} />
          </fieldset>
          <TextareaField name="note" label="意见(退回时必填)" rows={3} maxLength={500} errors={errors.note} />
          <ActionMessage />
          <SubmitButton pendingLabel="正在提交…">提交审核</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
