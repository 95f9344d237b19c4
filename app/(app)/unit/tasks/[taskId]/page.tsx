import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatAmount } from "@/components/tasks/format";
import { ProgressForm } from "@/components/tasks/progress-form";
import { ProgressHistoryCard } from "@/components/tasks/progress-history";
import { progressTone, TaskStatusBadge } from "@/components/tasks/status-badge";
import { TaskFacts } from "@/components/tasks/task-facts";
import { Card, Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { Progress } from "@/components/ui/progress";
import { UNIT_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getTaskPage } from "@/lib/tasks/queries";
import { deadlineHint, isDone } from "@/lib/tasks/status";
import { districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "填报任务进度" };

/** A unit's task: its facts, and forms to report progress on it and each milestone. Another unit's id is a 404. */
export default async function UnitTaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const user = await requireUser(UNIT_ROLES);
  const { taskId } = await params;
  const today = districtToday();
  const page = await getTaskPage(user, taskId, today);
  if (!page) notFound();
  const { task, history } = page;
  return (
    <div className="space-y-5">
      <BackLink href="/unit/tasks" label="返回任务" />
      <PageHeader title={task.title} description={`截止 ${task.deadline}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <TaskFacts task={task} today={today} />
          <Card heading="填报任务进度" headingClassName="mb-3">
            <ProgressForm kind="task" of={task} measure={task.measure} label="填报任务进度" />
          </Card>
        </div>
        <Section heading="节点（课程表）" headingId="milestones-heading" className="space-y-3">
          {task.milestones.length === 0 ? <p className="text-stone-600">这项任务没有拆分节点。</p> : null}
          <ol className="space-y-3">
            {task.milestones.map((m) => (
              <li key={m.id}>
                <Card aria-label={`节点：${m.title}`} className={cn(m.status === "OVERDUE" && "border-red-300")}>
                  <div className="flex items-start justify-between gap-3">
                    <div>
                      <h3 className="font-medium text-stone-900">{m.title}</h3>
                      <p className={cn("text-sm", m.status === "OVERDUE" ? "font-medium text-red-700" : "text-stone-600")}>
                        {m.dueDate}
                        {!isDone(m.status) ? ` · ${deadlineHint(m.dueDate, today)}` : null}
                      </p>
                    </div>
                    <TaskStatusBadge status={m.status} />
                  </div>
                  <div className="my-3 flex items-center gap-3">
                    <Progress ratio={m.ratio} label={`${m.title} 进度`} tone={progressTone(m.status)} />
                    <span className="shrink-0 text-sm tabular-nums">
                      {formatAmount(m.valueReached)}/{formatAmount(m.target)}
                      {task.measure}
                    </span>
                  </div>
                  <ProgressForm kind="milestone" of={m} measure={task.measure} label={`填报节点进度：${m.title}`} />
                </Card>
              </li>
            ))}
          </ol>
        </Section>
      </div>
      <ProgressHistoryCard history={history} target={task.target} measure={task.measure} deadline={task.deadline} />
    </div>
  );
}
