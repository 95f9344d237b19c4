"use client";

import { useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { TaskOptions } from "@/components/tasks/task-options";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";
import { addWorkLogItem, carryOverWorkLog, deleteWorkLogItem, setWorkLogOutcome } from "@/lib/worklog/actions";

const INPUT = "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base";

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
  const [state, action, pending] = useActionState<ActionState, FormData>(setWorkLogOutcome, {});
  const [removeState, remove, removing] = useActionState<ActionState, FormData>(deleteWorkLogItem, {});
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
            <span className="sr-only">{props.outcome === "DONE" ? "已完成:" : props.outcome === "OPEN" ? "未完成:" : "待办:"}</span>
            {props.text}
          </p>
          <p className="flex flex-wrap gap-1.5 text-sm text-stone-600">
            {props.taskTitle ? <span>任务:{props.taskTitle}</span> : null}
            {props.carried ? <Badge tone="info">昨日结转</Badge> : null}
            {props.onCard ? <Badge tone="good">已列入晒报</Badge> : null}
          </p>
          {props.outcome === "OPEN" && props.reason ? <p className="text-sm text-amber-800">原因:{props.reason}</p> : null}
        </div>
      </div>
      {props.editable ? (
        <div className="mt-2 space-y-2 pl-8">
          <div className="flex flex-wrap gap-2">
            <form action={action}>
              <input type="hidden" name="id" value={props.id} />
              <input type="hidden" name="outcome" value="DONE" />
              <Button type="submit" variant={props.outcome === "DONE" ? "primary" : "secondary"} disabled={pending} aria-label={`${props.text}:完成 ✓`}>
                ✓ 完成
              </Button>
            </form>
            <Button type="button" variant={props.outcome === "OPEN" ? "primary" : "secondary"} onClick={() => setAsking(true)} aria-label={`${props.text}:未完成 ?`}>
              ? 未完成
            </Button>
            {!props.onCard ? (
              <form action={remove}>
                <input type="hidden" name="id" value={props.id} />
                <Button type="submit" variant="ghost" disabled={removing} aria-label={`删除:${props.text}`}>
                  删除
                </Button>
              </form>
            ) : null}
          </div>
          {asking ? (
            <form action={action} className="space-y-2" onSubmit={() => setAsking(false)}>
              <input type="hidden" name="id" value={props.id} />
              <input type="hidden" name="outcome" value="OPEN" />
              <label htmlFor={`reason-${props.id}`} className="block text-sm text-stone-700">
                未完成原因(必填)
              </label>
              <input id={`reason-${props.id}`} name="reason" required maxLength={300} defaultValue={props.reason ?? ""} className={INPUT} />
              <Button type="submit" disabled={pending}>
                保存 ?
              </Button>
            </form>
          ) : null}
          <FormMessage message={state.ok ? undefined : state.message} />
          <FormMessage message={removeState.ok ? undefined : removeState.message} />
        </div>
      ) : null}
    </li>
  );
}

export function AddWorkLogItem({ tasks }: { tasks: { id: string; title: string }[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(addWorkLogItem, {});
  return (
    <form action={action} className="space-y-3" aria-label="记一项">
      <div>
        <label htmlFor="log-text" className="mb-1 block text-sm font-medium text-stone-800">
          今天要做的事
        </label>
        <input id="log-text" name="text" required maxLength={200} className={INPUT} key={state.ok ? state.message : "input"} aria-describedby="log-text-error" />
        <div id="log-text-error" aria-live="polite">
          {state.fieldErrors?.text?.map((e) => (
            <p key={e} className="mt-1 text-sm text-red-700">
              {e}
            </p>
          ))}
        </div>
      </div>
      {tasks.length > 0 ? (
        <div>
          <label htmlFor="log-task" className="mb-1 block text-sm font-medium text-stone-800">
            关联任务(可选)
          </label>
          <select id="log-task" name="taskId" defaultValue="" className={INPUT}>
            <TaskOptions tasks={tasks} />
          </select>
        </div>
      ) : null}
      <FormMessage message={state.message} ok={state.ok} />
      <Button type="submit" disabled={pending}>
        {pending ? "正在记下…" : "记下"}
      </Button>
    </form>
  );
}

export function CarryOverButton({ count }: { count: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(carryOverWorkLog, {});
  return (
    <form action={action} className="space-y-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "正在结转…" : `结转未完成的 ${count} 项到今天`}
      </Button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}
