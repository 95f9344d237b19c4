import Link from "next/link";
import { Progress } from "@/components/ui/progress";
import { formatAmount } from "@/components/tasks/format";
import { progressTone, TaskStatusBadge } from "@/components/tasks/status-badge";
import type { TaskSummary } from "@/lib/tasks/queries";

/** A compact list of tasks for the home pages; each links to the task's page for the viewer's role. */
export function TaskList({ tasks, showUnit = false, hrefBase }: { tasks: TaskSummary[]; showUnit?: boolean; hrefBase?: string }) {
  return (
    <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
      {tasks.map((task) => (
        <li key={task.id} className="p-3 sm:p-4">
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="font-medium text-stone-900">
                {hrefBase ? (
                  <Link href={`${hrefBase}/${task.id}`} className="link">
                    {task.title}
                  </Link>
                ) : (
                  task.title
                )}
              </p>
              <p className="text-sm text-stone-600">
                {showUnit ? `${task.unitName} · ` : null}
                {task.keyTaskName ? `${task.keyTaskName} · ` : null}截止 {task.deadline}
              </p>
            </div>
            <TaskStatusBadge status={task.status} />
          </div>
          <div className="mt-2 flex items-center gap-3">
            <Progress ratio={task.ratio} label={`${task.title} 完成进度`} tone={progressTone(task.status)} />
            <span className="shrink-0 text-sm tabular-nums text-stone-700">
              {formatAmount(task.valueReached)}/{formatAmount(task.target)} {task.measure}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
