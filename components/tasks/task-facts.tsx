import { formatAmount, formatPercent } from "@/components/tasks/format";
import { LateRuleNote, progressTone, TaskStatusBadge } from "@/components/tasks/status-badge";
import { Progress } from "@/components/ui/progress";
import type { TaskDetail } from "@/lib/tasks/queries";
import { deadlineHint, isDone, ITEM_STATUS_LABELS } from "@/lib/tasks/status";
import { formatDistrictDateTime, type DistrictDate } from "@/lib/time";

/** A task's facts for reading: progress, dates, who leads, who helps, what evidence it needs. */
export function TaskFacts({ task, today }: { task: TaskDetail; today: DistrictDate }) {
  const rows: [string, React.ReactNode][] = [
    ["责任单位", task.unit.name],
    ["配合单位", task.cooperators.map((c) => c.unit.name).join("、") || "—"],
    ["重点工作", task.keyTask?.name ?? "—"],
    ["分线", task.line?.name ?? "—"],
    ["分包领导", task.responsibleLeader ? `${task.responsibleLeader.name}${task.responsibleLeader.title ? `(${task.responsibleLeader.title})` : ""}` : "—"],
    ["时限", `${task.startDate ? `${task.startDate} 至 ` : ""}${task.deadline}`],
    ["权重", formatAmount(task.weight)],
    ["佐证要求", [task.requiresPhoto && "现场照片", task.requiresLocation && "位置"].filter(Boolean).join("、") || "不强制"],
    ["现场", task.sitePlace ?? "—"],
    ["任务编号", task.externalKey ?? "—"],
  ];
  return (
    <div className="space-y-4">
      <div className="rounded-xl border border-stone-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <TaskStatusBadge status={task.status} className="text-sm" />
          <span className="text-sm text-stone-600">{isDone(task.status) ? ITEM_STATUS_LABELS[task.status] : deadlineHint(task.deadline, today)}</span>
        </div>
        <div className="mt-3 flex items-center gap-3">
          <Progress ratio={task.ratio} label="任务完成进度" tone={progressTone(task.status)} />
          <span className="shrink-0 font-medium tabular-nums">{formatPercent(task.ratio)}</span>
        </div>
        <p className="mt-2 text-stone-800">
          已完成 <strong className="tabular-nums">{formatAmount(task.valueReached)}</strong> / {formatAmount(task.target)} {task.measure}
        </p>
        {task.note ? <p className="mt-1 text-sm text-stone-600">进展：{task.note}</p> : null}
        <p className="mt-1 text-xs text-stone-500">最后更新 {formatDistrictDateTime(task.updatedAt)}</p>
        <LateRuleNote rule={task.lateRule} className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" />
      </div>
      {task.description ? <p className="text-stone-700">{task.description}</p> : null}
      <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd className="text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
