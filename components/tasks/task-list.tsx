import { Badge, type Tone } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import type { TaskSummary } from "@/lib/tasks/queries";
import type { TaskStatus } from "@/lib/generated/prisma/enums";

const TONES: Record<TaskStatus, Tone> = { NOT_STARTED: "neutral", IN_PROGRESS: "info", DONE: "good", OVERDUE: "bad" };

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function TaskList({ tasks, showUnit = false }: { tasks: TaskSummary[]; showUnit?: boolean }) {
  return (
    <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
      {tasks.map((task) => (
        <li key={task.id} className="p-3 sm:p-4">
          <div className="flex items-start justify-between gap-3">
            <div className="min-w-0">
              <p className="font-medium text-stone-900">{task.title}</p>
              <p className="text-sm text-stone-600">
                {showUnit ? `${task.unitName} · ` : null}
                {task.keyTaskName ? `${task.keyTaskName} · ` : null}截止 {task.deadline}
              </p>
            </div>
            <Badge tone={TONES[task.status]}>{TASK_STATUS_LABELS[task.status]}</Badge>
          </div>
          <div className="mt-2 flex items-center gap-3">
            <Progress ratio={task.ratio} label={`${task.title} 完成进度`} tone={task.status === "OVERDUE" ? "bad" : task.status === "DONE" ? "good" : "brand"} />
            <span className="shrink-0 text-sm tabular-nums text-stone-700">
              {formatNumber(task.valueReached)}/{formatNumber(task.target)} {task.measure}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
