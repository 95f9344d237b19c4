import { cn } from "@/components/ui/cn";
import { Progress } from "@/components/ui/progress";
import { formatAmount } from "@/components/tasks/format";
import { progressTone, TaskStatusBadge } from "@/components/tasks/status-badge";
import type { MilestoneView } from "@/lib/tasks/queries";
import { deadlineHint, isDone, type Progressable } from "@/lib/tasks/status";
import type { DistrictDate } from "@/lib/time";

/** A task's milestones to read: date, step, progress, status; overdue ones stand out. */
export function MilestoneTable({ milestones, measure, today }: { milestones: MilestoneView[]; measure: string; today: DistrictDate }) {
  if (milestones.length === 0) return <p className="text-stone-600">这项任务没有拆分节点。</p>;
  return (
    <ol className="divide-y divide-stone-100">
      {milestones.map((m) => {
        const item: Progressable = { target: m.target, valueReached: m.valueReached, deadline: m.dueDate };
        return (
          <li key={m.id} className={cn("py-3", m.status === "OVERDUE" && "-mx-2 rounded-lg bg-red-50 px-2")}>
            <div className="flex items-start justify-between gap-3">
              <div>
                <p className="font-medium text-stone-900">{m.title}</p>
                <p className="text-sm text-stone-600">
                  {m.dueDate}
                  {!isDone(m.status) ? ` · ${deadlineHint(item.deadline, today)}` : null}
                </p>
              </div>
              <TaskStatusBadge status={m.status} />
            </div>
            <div className="mt-2 flex items-center gap-3">
              <Progress ratio={m.ratio} label={`${m.title} 进度`} tone={progressTone(m.status)} />
              <span className="shrink-0 text-sm tabular-nums text-stone-700">
                {formatAmount(m.valueReached)}/{formatAmount(m.target)}
                {measure}
              </span>
            </div>
            {m.note ? <p className="mt-1 text-sm text-stone-600">{m.note}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
