"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { TaskOptions } from "@/components/tasks/task-options";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, SelectField } from "@/components/ui/field";
import { addWorkLogItem, carryOverWorkLog, deleteWorkLogItem, setWorkLogOutcome } from "@/lib/worklog/actions";

export type WorkLogRowProps = {
  id: string;
  text: string;
  outcome: "DONE" | "OPEN" | null;
  reason: string | null;
  taskTitle: string | null;
  carried: boolean;
  onCard: boolean;
  editable: boolean;
};

/** One item of the log: ✓ or ? (with a reason), or taken away. */
export function WorkLogRow(props: WorkLogRowProps) {
  const [asking, setAsking] = useState(false);
  const mark = props.outcome === "DONE" ? "✓" : props.outcome === "OPEN" ? "?" : "·";

  return (
    <li className="p-3" aria-label={props.text}>
      <div className="flex items-start gap-3">
        <span aria-hidden className={cn("mt-0.5 w-5 text-center text-lg font-semibold", props.outcome === "OPEN" ? "text-amber-700" : "text-emerald-700")}>
          {mark}
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-base text-stone-900">
            <span className="sr-only">{props.outcome === "DONE" ? "已完成：" : props.outcome === "OPEN" ? "未完成：" : "待办："}</span>
            {props.text}
          </p>
          <p className="flex flex-wrap gap-1.5 text-sm text-stone-600">
            {props.taskTitle ? <span>任务：{props.taskTitle}</span> : null}
            {props.carried ? <Badge tone="info">昨日结转</Badge> : null}
            {props.onCard ? <Badge tone="good">已列入晒报</Badge> : null}
          </p>
          {props.outcome === "OPEN" && props.reason ? <p className="text-sm text-amber-800">原因：{props.reason}</p> : null}
        </div>
      </div>
      {props.editable ? (
        <div className="mt-2 space-y-2 pl-8">
          <div className="flex flex-wrap gap-2">
            <ActionForm action={setWorkLogOutcome} message="errors">
              <input type="hidden" name="id" value={props.id} />
              <input type="hidden" name="outcome" value="DONE" />
              <SubmitButton variant={props.outcome === "DONE" ? "primary" : "secondary"} aria-label={`${props.text}：完成 ✓`}>
                ✓ 完成
              </SubmitButton>
            </ActionForm>
            <Button
              type="button"
              variant={props.outcome === "OPEN" ? "primary" : "secondary"}
              onClick={() => setAsking(true)}
              aria-label={`${props.text}：未完成 ?`}
            >
              ? 未完成
            </Button>
            {!props.onCard ? (
              <ActionForm
                action={deleteWorkLogItem}
                message="errors"
                confirm={{ title: `删除“${props.text}”?`, body: "删除后不能恢复。", confirmLabel: "删除", danger: true }}
              >
                <input type="hidden" name="id" value={props.id} />
                <SubmitButton variant="ghost" aria-label={`删除：${props.text}`}>
                  删除
                </SubmitButton>
              </ActionForm>
            ) : null}
          </div>
          {asking ? (
            <ActionForm action={setWorkLogOutcome} className="space-y-2" message="errors" onSuccess={() => setAsking(false)}>
              {({ errors }) => (
                <>
                  <input type="hidden" name="id" value={props.id} />
                  <input type="hidden" name="outcome" value="OPEN" />
                  <Field
                    id={`reason-${props.id}`}
                    label="未完成原因（必填）"
                    name="reason"
                    required
                    maxLength={300}
                    defaultValue={props.reason ?? ""}
                    errors={errors.reason}
                  />
                  <SubmitButton>保存 ?</SubmitButton>
                </>
              )}
            </ActionForm>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function AddWorkLogItem({ tasks }: { tasks: { id: string; title: string }[] }) {
  return (
    <ActionForm action={addWorkLogItem} resetOnSuccess className="space-y-3" aria-label="记一项">
      {({ errors }) => (
        <>
          <Field id="log-text" label="今天要做的事" name="text" required maxLength={200} errors={errors.text} />
          {tasks.length > 0 ? (
            <SelectField id="log-task" label="关联任务（可选）" name="taskId" defaultValue="">
              <TaskOptions tasks={tasks} />
            </SelectField>
          ) : null}
          <SubmitButton pendingLabel="正在记下…">记下</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function CarryOverButton({ count }: { count: number }) {
  return (
    <ActionForm action={carryOverWorkLog} className="space-y-2">
      <SubmitButton variant="secondary" pendingLabel="正在结转…">
        结转未完成的 {count} 项到今天
      </SubmitButton>
    </ActionForm>
  );
}
