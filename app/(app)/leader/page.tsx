import type { Metadata } from "next";
import Link from "next/link";
import { KeyTaskChart } from "@/components/leader/key-task-chart";
import { taskHrefBase } from "@/components/tasks/links";
import { TaskList } from "@/components/tasks/task-list";
import { Card, Section, Stat } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listDaysStatus, summarizeDayStatus } from "@/lib/reports/queries";
import { SLOT_LABELS, SLOTS } from "@/lib/reports/slots";
import { getTaskOverview } from "@/lib/tasks/queries";
import { addDays, districtToday, formatDistrictDateLong } from "@/lib/time";

export const metadata: Metadata = { title: "全区概览" };

export default async function LeaderHomePage() {
  const user = await requireUser(["LEADER", "ADMIN"]);
  const now = new Date();
  const today = districtToday(now);
  const [[todayRows, yesterdayRows], tasks] = await Promise.all([
    listDaysStatus(user, [today, addDays(today, -1)], undefined, now),
    getTaskOverview(user, 8, today),
  ]);
  const { counts: statusCounts, keyTasks, overdue } = tasks;
  const todaySummary = summarizeDayStatus(todayRows);
  const yesterdaySummary = summarizeDayStatus(yesterdayRows);
  const totalTasks = Object.values(statusCounts).reduce((a, b) => a + b, 0);

  return (
    <div className="space-y-6">
      <PageHeader title="全区工作概览" description={`${formatDistrictDateLong(today)} · ${todayRows.length} 个单位`} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="今日早晒" value={`${todaySummary.MORNING.shown}/${todaySummary.MORNING.total}`} hint={`迟报 ${todaySummary.MORNING.late}`} />
        <Stat
          label="昨日晚晒"
          value={`${yesterdaySummary.EVENING.shown}/${yesterdaySummary.EVENING.total}`}
          hint={`未晒 ${yesterdaySummary.EVENING.missing}`}
        />
        <Stat label="任务已完成" value={`${statusCounts.DONE}/${totalTasks}`} hint={`进行中 ${statusCounts.IN_PROGRESS}`} />
        <Stat label="任务已逾期" value={statusCounts.OVERDUE} hint="截止日已过且未完成" />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card heading="重点工作平均进度">
          <KeyTaskChart rows={keyTasks.map((k) => ({ name: k.name, percent: Math.round(k.ratio * 100) }))} />
        </Card>
        <Section
          heading="逾期任务"
          headingAside={
            <Link href={`${taskHrefBase(user.role)}?status=OVERDUE`} className="link inline-flex min-h-11 items-center text-sm">
              全部逾期任务 →
            </Link>
          }
          className="space-y-3"
        >
          {overdue.length ? <TaskList tasks={overdue} showUnit hrefBase={taskHrefBase(user.role)} /> : <EmptyState title="没有逾期任务" />}
        </Section>
      </div>
      <Card heading="昨日三晒">
        <dl className="mt-3 grid grid-cols-3 gap-3 text-center">
          {SLOTS.map((slot) => (
            <div key={slot}>
              <dt className="text-sm text-stone-600">{SLOT_LABELS[slot]}</dt>
              <dd className="text-xl font-semibold tabular-nums">
                {yesterdaySummary[slot].shown}/{yesterdaySummary[slot].total}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
