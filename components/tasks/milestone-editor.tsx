"use client";

import { formatAmount } from "@/components/tasks/format";
import { TaskStatusBadge } from "@/components/tasks/status-badge";
import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { addMilestoneAction, deleteMilestoneAction, updateMilestoneAction } from "@/lib/tasks/actions";
import type { ItemStatus } from "@/lib/tasks/status";

export type MilestoneEditorItem = { id: string; title: string; dueDate: string; target: number; valueReached: number; status: ItemStatus; note: string | null };

function MilestoneRow({ milestone, measure, index }: { milestone: MilestoneEditorItem; measure: string; index: number }) {
  const prefix = `m${index}`;
  return (
    <li className="space-y-2 p-3 sm:p-4" aria-label={`节点 ${milestone.title}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
        <TaskStatusBadge status={milestone.status} />
        <span className="tabular-nums">
          已完成 {formatAmount(milestone.valueReached)}/{formatAmount(milestone.target)}
          {measure}
        </span>
        {milestone.note ? <span className="text-stone-500">· {milestone.note}</span> : null}
      </div>
      <ActionForm action={updateMilestoneAction} className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_auto]" message={false}>
        {({ errors }) => (
          <>
            <input type="hidden" name="id" value={milestone.id} />
            <Field
              id={`${prefix}-title`}
              label="节点内容"
              name="title"
              defaultValue={milestone.title}
              required
              className="sm:col-span-3"
              errors={errors.title}
            />
            <Field id={`${prefix}-dueDate`} label="节点日期" name="dueDate" type="date" defaultValue={milestone.dueDate} required errors={errors.dueDate} />
            <Field
              id={`${prefix}-target`}
              label={`目标值（${measure}）`}
              name="target"
              inputMode="decimal"
              defaultValue={milestone.target}
              required
              errors={errors.target}
            />
            <SubmitButton variant="secondary" pendingLabel="保存中…" className="sm:mt-6">
              保存
            </SubmitButton>
            <div className="sm:col-span-3">
              <ActionMessage />
            </div>
          </>
        )}
      </ActionForm>
      <ActionForm
        action={deleteMilestoneAction}
        confirm={{ title: `删除节点“${milestone.title}”?`, body: "删除后不能恢复。", confirmLabel: "删除", danger: true }}
      >
        <input type="hidden" name="id" value={milestone.id} />
        <SubmitButton variant="ghost" className="min-h-9 px-0 text-sm text-red-700 hover:bg-transparent hover:underline">
          删除这个节点
        </SubmitButton>
      </ActionForm>
    </li>
  );
}

function AddMilestoneForm({ taskId, measure }: { taskId: string; measure: string }) {
  return (
    <ActionForm
      action={addMilestoneAction}
      resetOnSuccess
      aria-label="添加节点"
      className="space-y-3 rounded-xl border border-dashed border-stone-300 bg-stone-50 p-3 sm:p-4"
    >
      {({ errors }) => (
        <>
          <h3 className="font-semibold text-stone-900">添加节点</h3>
          <input type="hidden" name="taskId" value={taskId} />
          <div className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_auto]">
            <Field
              id="new-milestone-title"
              label="节点内容"
              name="title"
              placeholder="如：6月30日前完成评估签约60户"
              required
              className="sm:col-span-3"
              errors={errors.title}
            />
            <Field id="new-milestone-dueDate" label="节点日期" name="dueDate" type="date" required errors={errors.dueDate} />
            <Field id="new-milestone-target" label={`目标值（${measure}）`} name="target" inputMode="decimal" required errors={errors.target} />
            <SubmitButton pendingLabel="添加中…" className="sm:mt-6">
              添加
            </SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** The office's 课程表 of a task: dated, quantified steps, each editable, plus a form to add one. */
export function MilestoneEditor({
  taskId,
  measure,
  milestones,
  editable,
}: {
  taskId: string;
  measure: string;
  milestones: MilestoneEditorItem[];
  editable: boolean;
}) {
  return (
    <div className="space-y-4">
      {milestones.length ? (
        <ol className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
          {milestones.map((m, i) => (
            <MilestoneRow key={m.id} milestone={m} measure={measure} index={i} />
          ))}
        </ol>
      ) : (
        <p className="text-stone-600">还没有节点。把任务拆成几个有日期、有数量的节点，各单位按节点晒进度。</p>
      )}
      {editable ? <AddMilestoneForm taskId={taskId} measure={measure} /> : null}
    </div>
  );
}
