import type { Metadata } from "next";
import Link from "next/link";
import { formatAmount } from "@/components/tasks/format";
import { ExportLinks } from "@/components/tasks/export-links";
import { progressTone, TaskStatusBadge } from "@/components/tasks/status-badge";
import { cn } from "@/components/ui/cn";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Progress } from "@/components/ui/progress";
import { UNIT_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listUnitTaskCards, type UnitTaskCard } from "@/lib/tasks/queries";
import { deadlineHint, isDone, type Urgency } from "@/lib/tasks/status";
import { districtToday, type DistrictDate } from "@/lib/time";
import { Section } from "@/components/ui/card";

export const metadata: Metadata = { title: "任务" };

const SECTIONS: { urgency: Urgency; title: string }[] = [
  { urgency: "OVERDUE", title: "已逾期" },
  { urgency: "DUE_SOON", title: "7 天内到期" },
  { urgency: "OPEN", title: "进行中和未开始" },
  { urgency: "DONE", title: "已完成" },
];

function TaskCard({ task, today }: { task: UnitTaskCard; today: DistrictDate }) {
  return (
    <li>
      <Link
        href={`/unit/tasks/${task.id}`}
        className={cn("block rounded-xl border bg-white p-3 hover:border-brand-700 sm:p-4", task.status === "OVERDUE" ? "border-red-300" : "border-stone-200")}
      >
        {/* Named by what it shows (no aria-label that would not start with the visible title). */}
        <span className="flex items-start justify-between gap-3">
          <span className="min-w-0 font-medium text-stone-900">{task.title}</span>
          <TaskStatusBadge status={task.status} />
        </span>
        <span className="mt-2 flex items-center gap-3">
          <Progress ratio={task.ratio} label={`${task.title} 完成进度`} tone={progressTone(task.status)} />
          <span className="shrink-0 text-sm tabular-nums text-stone-700">
            {formatAmount(task.valueReached)}/{formatAmount(task.target)}
            {task.measure}
          </span>
        </span>
        <span className={cn("mt-1 block text-sm", task.status === "OVERDUE" ? "font-medium text-red-700" : "text-stone-600")}>
          截止 {task.deadline}
          {!isDone(task.status) ? ` · ${deadlineHint(task.deadline, today)}` : null}
          {task.overdueMilestones ? ` · ${task.overdueMilestones} 个节点逾期` : null}
        </span>
        {task.nextMilestone && !isDone(task.status) ? (
          <span className="mt-0.5 block text-sm text-stone-600">
            下一节点：{task.nextMilestone.title}({task.nextMilestone.dueDate})
          </span>
        ) : null}
        <span className="sr-only">，更新进度</span>
      </Link>
    </li>
  );
}

/** A unit's own list: overdue and due-soon first; each opens to report progress. */
export default async function UnitTasksPage() {
  const user = await requireUser(UNIT_ROLES);
  if (!user.unitId) return <EmptyState title="您的账号还没有分配单位">请联系区督查室为账号设置所属单位。</EmptyState>;
  const today = districtToday();
  const tasks = await listUnitTaskCards(user, today);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${user.unitName} · 年度任务`}
        description="逾期和即将到期的排在前面。点任务填报完成值和进展。"
        actions={<ExportLinks filters={{}} />}
      />
      {tasks.length === 0 ? <EmptyState title="还没有任务">年度任务清单由区督查室下达。</EmptyState> : null}
      {SECTIONS.map(({ urgency, title }) => {
        const list = tasks.filter((t) => t.urgency === urgency);
        if (list.length === 0) return null;
        return (
          <Section
            key={urgency}
            heading={
              <>
                {title}({list.length})
              </>
            }
            headingId={`section-${urgency}`}
            headingClassName={urgency === "OVERDUE" ? "text-red-800" : undefined}
            className="space-y-2"
          >
            <ul className="space-y-2">
              {list.map((task) => (
                <TaskCard key={task.id} task={task} today={today} />
              ))}
            </ul>
          </Section>
        );
      })}
    </div>
  );
}
