import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Progress } from "@/components/ui/progress";
import { formatAmount } from "@/components/tasks/format";
import { progressTone, TaskStatusBadge } from "@/components/tasks/status-badge";
import type { TaskRow } from "@/lib/tasks/queries";

/** The office's and leaders' table of tasks; overdue rows stand out. */
export function TaskTable({ rows, hrefBase, caption }: { rows: TaskRow[]; hrefBase: string; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">任务</th>
            <th scope="col" className="px-3 py-2 font-medium">责任单位</th>
            <th scope="col" className="px-3 py-2 font-medium">重点工作 / 分线</th>
            <th scope="col" className="px-3 py-2 font-medium">分包领导</th>
            <th scope="col" className="w-52 px-3 py-2 font-medium">进度</th>
            <th scope="col" className="px-3 py-2 font-medium">截止</th>
            <th scope="col" className="px-3 py-2 font-medium">状态</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((task) => {
            const overdue = task.status === "OVERDUE";
            return (
              <tr key={task.id} className={cn(overdue && "bg-red-50/70", task.archivedAt && "text-stone-600")} data-status={task.status}>
                <th scope="row" className={cn("max-w-md px-3 py-2 font-normal", overdue && "border-l-4 border-red-600")}>
                  <Link href={`${hrefBase}/${task.id}`} className="font-medium text-stone-900 hover:underline">
                    {task.title}
                  </Link>
                  <span className="block text-xs text-stone-600">
                    {task.externalKey ?? "—"}
                    {task.milestoneCount ? ` · ${task.milestoneCount} 个节点` : null}
                    {task.archivedAt ? " · 已归档" : null}
                  </span>
                  {task.overdueMilestones ? <span className="block text-xs font-medium text-red-700">{task.overdueMilestones} 个节点逾期</span> : null}
                </th>
                <td className="px-3 py-2 whitespace-nowrap">{task.unit.name}</td>
                <td className="px-3 py-2">
                  {task.keyTask?.name ?? "—"}
                  {task.line ? <span className="block text-xs text-stone-600">{task.line.name}</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{task.responsibleLeader?.name ?? "—"}</td>
                <td className="px-3 py-2">
                  <div className="flex items-center gap-2">
                    <Progress ratio={task.ratio} label={`${task.title} 完成进度`} tone={progressTone(task.status)} />
                    <span className="shrink-0 tabular-nums text-stone-700">
                      {formatAmount(task.valueReached)}/{formatAmount(task.target)}
                      {task.measure}
                    </span>
                  </div>
                </td>
                <td className={cn("px-3 py-2 whitespace-nowrap tabular-nums", overdue && "font-semibold text-red-700")}>{task.deadline}</td>
                <td className="px-3 py-2">
                  <TaskStatusBadge status={task.status} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
