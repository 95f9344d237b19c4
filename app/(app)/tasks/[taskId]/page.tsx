import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MilestoneTable } from "@/components/tasks/milestone-table";
import { ProgressHistoryCard } from "@/components/tasks/progress-history";
import { TaskFacts } from "@/components/tasks/task-facts";
import { Card } from "@/components/ui/card";
import { BackLink, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getTaskPage } from "@/lib/tasks/queries";
import { districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "任务详情" };

/** A task for leaders and assessors to read; another scope's id is a 404. */
export default async function TaskPage({ params }: { params: Promise<{ taskId: string }> }) {
  const user = await requireUser(["LEADER", "ASSESSOR", "ADMIN"]);
  const { taskId } = await params;
  const today = districtToday();
  const page = await getTaskPage(user, taskId, today);
  if (!page) notFound();
  const { task, history } = page;
  return (
    <div className="space-y-5">
      <BackLink href="/tasks" label="返回任务清单" />
      <PageHeader title={task.title} description={`${task.unit.name} · 截止 ${task.deadline}`} />
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <TaskFacts task={task} today={today} />
        <Card heading="节点（课程表）" headingId="milestones-heading" headingClassName="mb-3">
          <MilestoneTable milestones={task.milestones} measure={task.measure} today={today} />
        </Card>
      </div>
      <ProgressHistoryCard history={history} target={task.target} measure={task.measure} deadline={task.deadline} />
    </div>
  );
}
