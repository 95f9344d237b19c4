import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveButton } from "@/components/tasks/archive-button";
import { MilestoneEditor } from "@/components/tasks/milestone-editor";
import { ProgressHistoryCard } from "@/components/tasks/progress-history";
import { LateRuleNote, TaskStatusBadge } from "@/components/tasks/status-badge";
import { TaskForm } from "@/components/tasks/task-form";
import { Card } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getProgressHistory, getTaskDetail, listTaskFormOptions, listTaskHistory } from "@/lib/tasks/queries";
import { districtToday, formatDistrictDateTime } from "@/lib/time";
import { parseSearchParams, flagParam, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "编辑任务" };

const ACTION_LABELS: Record<string, string> = {
  "task.create": "创建任务",
  "task.update": "修改任务",
  "task.archive": "归档",
  "task.restore": "恢复",
  "task.progress": "单位填报进度",
  "task.progress-from-report": "晚晒填报进度",
  "task.progress-reversal": "抽查核减进度",
  "task.import.create": "导入创建",
  "task.import.update": "导入更新",
  "milestone.create": "添加节点",
  "milestone.update": "修改节点",
  "milestone.delete": "删除节点",
  "milestone.progress": "单位填报节点进度",
};

export default async function EditTaskPage({ params, searchParams }: { params: Promise<{ taskId: string }>; searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const [{ taskId }, raw] = await Promise.all([params, searchParams]);
  const { created } = parseSearchParams({ created: flagParam.optional() }, raw);
  const today = districtToday();
  const [task, options, history, progress] = await Promise.all([
    getTaskDetail(user, taskId, today),
    listTaskFormOptions(user),
    listTaskHistory(user, taskId),
    getProgressHistory(user, taskId, today),
  ]);
  if (!task || !progress) notFound();

  return (
    <div className="space-y-6">
      <BackLink href="/admin/tasks" label="返回任务清单" />
      <PageHeader
        title={task.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <TaskStatusBadge status={task.status} />
            {task.unit.name} · 截止 {task.deadline} · 编号 {task.externalKey ?? "—"}
            {task.archivedAt ? <strong className="text-red-700">· 已归档</strong> : null}
          </span>
        }
      />
      <LateRuleNote rule={task.lateRule} />
      {created ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900">
          任务已创建。可以继续添加节点（课程表）。
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card heading="任务信息" headingClassName="mb-4">
          <TaskForm options={options} defaultYear={task.year} task={{ ...task, cooperatorIds: task.cooperators.map((c) => c.unit.id) }} />
        </Card>
        <div className="space-y-6">
          <Card heading="节点（课程表）" headingId="milestones-heading" headingClassName="mb-4">
            <MilestoneEditor taskId={task.id} measure={task.measure} milestones={task.milestones} editable={!task.archivedAt} />
          </Card>
          <Card heading={task.archivedAt ? "已归档" : "归档"} headingClassName="mb-3">
            <ArchiveButton taskId={task.id} archived={Boolean(task.archivedAt)} />
          </Card>
          <ProgressHistoryCard history={progress} target={task.target} measure={task.measure} deadline={task.deadline} />
          <Card heading="变更记录" headingId="history-heading" headingClassName="mb-3">
            <ul className="space-y-1 text-sm">
              {history.map((h) => (
                <li key={h.id} className="flex justify-between gap-3">
                  <span>
                    {ACTION_LABELS[h.action] ?? h.action} · {h.actorName ?? "系统"}
                  </span>
                  <time className="tabular-nums text-stone-500">{formatDistrictDateTime(h.createdAt)}</time>
                </li>
              ))}
              {history.length === 0 ? <li className="text-stone-500">暂无记录（种子数据创建的任务没有变更记录）。</li> : null}
            </ul>
            <Link href={`/admin/audit?entity=Task&entityId=${task.id}`} className="mt-3 inline-block text-sm text-brand-800 underline">
              在操作记录中查看每次修改前后
            </Link>
          </Card>
        </div>
      </div>
    </div>
  );
}
