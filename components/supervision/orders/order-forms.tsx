"use client";

import { SubmitButton, useKeptFormAction } from "@/components/supervision/action-form";
import { Field, FormMessage } from "@/components/ui/field";
import { decideOrder, issueOrder, respondOrder } from "@/lib/supervision/orders/actions";

const INPUT = "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base aria-[invalid=true]:border-red-600";

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors?.map((e) => (
        <p key={e} className="mt-1 text-sm text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}

function TextArea({ name, label, errors, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string; label: string; errors?: string[] }) {
  return (
    <div>
      <label htmlFor={`field-${name}`} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea id={`field-${name}`} name={name} aria-invalid={errors ? true : undefined} aria-describedby={`field-${name}-error`} className={INPUT} {...props} />
      <Errors id={`field-${name}-error`} errors={errors} />
    </div>
  );
}

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
  const { state, pending, onSubmit } = useKeptFormAction(issueOrder);
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="开具督办单">
      <input type="hidden" name="unitId" value={unit.id} />
      {slotId ? <input type="hidden" name="slotId" value={slotId} /> : null}
      {groups.length > 1 ? (
        <div>
          <label htmlFor="groupId" className="mb-1 block text-sm font-medium text-stone-800">
            以哪个考核组的名义
          </label>
          <select id="groupId" name="groupId" required className={INPUT} aria-describedby="groupId-error">
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <Errors id="groupId-error" errors={errors.groupId} />
        </div>
      ) : groups.length === 1 ? (
        <input type="hidden" name="groupId" value={groups[0].id} />
      ) : null}
      <div>
        <label htmlFor="taskId" className="mb-1 block text-sm font-medium text-stone-800">
          关联任务{slotId ? "(可选,已关联晒报)" : ""}
        </label>
        <select id="taskId" name="taskId" defaultValue="" className={INPUT} aria-describedby="taskId-error">
          <option value="">{slotId ? "不关联任务" : "请选择任务"}</option>
          {tasks.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}(期限 {t.deadline})
            </option>
          ))}
        </select>
        <Errors id="taskId-error" errors={errors.taskId} />
      </div>
      <Field label="标题" name="title" required maxLength={60} placeholder="如:兴业路拆迁遗留问题,限时解决" errors={errors.title} />
      <TextArea name="content" label="督办内容" rows={5} required maxLength={2000} errors={errors.content} placeholder="写明问题、要求和办结标准" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="办结期限(日期)" name="deadlineDate" type="date" min={minDate} defaultValue={defaultDeadline} required errors={errors.deadlineDate} />
        <Field label="办结期限(时间)" name="deadlineTime" type="time" defaultValue="18:00" required errors={errors.deadlineTime} />
      </div>
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton pending={pending} pendingLabel="正在开具…">开具督办单</SubmitButton>
    </form>
  );
}

export function RespondOrderForm({ orderId }: { orderId: string }) {
  const { state, pending, onSubmit } = useKeptFormAction(respondOrder);
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="答复督办单">
      <input type="hidden" name="orderId" value={orderId} />
      <TextArea name="text" label="办理情况" rows={5} required maxLength={2000} errors={errors.text} placeholder="写明采取的措施、办理结果和佐证" />
      <div>
        <label htmlFor="response-photos" className="mb-1 block text-sm font-medium text-stone-800">
          佐证照片(可选,最多 9 张)
        </label>
        <input id="response-photos" name="photos" type="file" accept="image/*" multiple aria-describedby="response-photos-error" className="block w-full text-base" />
        <Errors id="response-photos-error" errors={errors.photos} />
      </div>
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton pending={pending} pendingLabel="正在提交…">提交答复</SubmitButton>
    </form>
  );
}

export function DecideOrderForm({ orderId }: { orderId: string }) {
  const { state, pending, onSubmit } = useKeptFormAction(decideOrder);
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="审核答复">
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
        <Errors id="decision-error" errors={errors.decision} />
      </fieldset>
      <TextArea name="note" label="意见(退回时必填)" rows={3} maxLength={500} errors={errors.note} />
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton pending={pending} pendingLabel="正在提交…">提交审核</SubmitButton>
    </form>
  );
}
