import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Progress } from "@/components/ui/progress";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { formatAmount } from "@/components/tasks/format";
import { progressTone, TaskStatusBadge } from "@/components/tasks/status-badge";
import type { TaskRow } from "@/lib/tasks/queries";

/** The office's and leaders' table of tasks; overdue rows stand out. */
export function TaskTable({ rows, hrefBase, caption }: { rows: TaskRow[]; hrefBase: string; caption: string }) {
  return (
    <Table caption={caption} minWidth="56rem">
      <TableHead>
        <Th>任务</Th>
        <Th>责任单位</Th>
        <Th>重点工作 / 分线</Th>
        <Th>分包领导</Th>
        <Th className="w-52">进度</Th>
        <Th>截止</Th>
        <Th>状态</Th>
      </TableHead>
      <TableBody>
        {rows.map((task) => {
          const overdue = task.status === "OVERDUE";
          return (
            <tr key={task.id} className={cn(overdue && "bg-red-50/70", task.archivedAt && "text-stone-600")} data-status={task.status}>
              <RowHeader label="任务" plain className={cn("max-w-md", overdue && "border-l-4 border-red-600")}>
                <Link href={`${hrefBase}/${task.id}`} className="link font-medium">
                  {task.title}
                </Link>
                <span className="block text-xs text-stone-600">
                  {task.externalKey ?? "—"}
                  {task.milestoneCount ? ` · ${task.milestoneCount} 个节点` : null}
                  {task.archivedAt ? " · 已归档" : null}
                </span>
                {task.overdueMilestones ? <span className="block text-xs font-medium text-red-700">{task.overdueMilestones} 个节点逾期</span> : null}
              </RowHeader>
              <Td label="责任单位" className="whitespace-nowrap">
                {task.unit.name}
              </Td>
              <Td label="重点工作 / 分线">
                {task.keyTask?.name ?? "—"}
                {task.line ? <span className="block text-xs text-stone-600">{task.line.name}</span> : null}
              </Td>
              <Td label="分包领导" className="whitespace-nowrap">
                {task.responsibleLeader?.name ?? "—"}
              </Td>
              <Td label="进度">
                <div className="flex items-center gap-2">
                  <Progress ratio={task.ratio} label={`${task.title} 完成进度`} tone={progressTone(task.status)} />
                  <span className="shrink-0 tabular-nums text-stone-700">
                    {formatAmount(task.valueReached)}/{formatAmount(task.target)}
                    {task.measure}
                  </span>
                </div>
              </Td>
              <Td label="截止" className={cn("whitespace-nowrap tabular-nums", overdue && "font-semibold text-red-700")}>
                {task.deadline}
              </Td>
              <Td label="状态">
                <TaskStatusBadge status={task.status} />
              </Td>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
