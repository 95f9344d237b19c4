import type { Metadata } from "next";
import Link from "next/link";
import { AddWorkLogItem, CarryOverButton, WorkLogRow } from "@/components/worklog/worklog-forms";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { UNIT_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { listOwnTaskChoices } from "@/lib/tasks/queries";
import { addDays, districtToday, formatDistrictDateLong } from "@/lib/time";
import { getWorkLogDay, listWorkLogCarryOver } from "@/lib/worklog/queries";
import { parseSearchParams, dateParam, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "工作日志" };

export default async function WorkLogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(UNIT_ROLES);
  if (!user.unitId) return <EmptyState title="您的账号还没有分配单位">请联系区督查室为账号设置所属单位。</EmptyState>;
  const today = districtToday();
  const { date: asked } = parseSearchParams({ date: dateParam.optional() }, await searchParams);
  const date = asked && asked <= today ? asked : today;
  const isToday = date === today;
  const items = await getWorkLogDay(user, date);
  const carried = new Set(items.map((i) => i.carriedFromId).filter((id): id is string => id !== null));
  const [carry, tasks] = await Promise.all([
    isToday ? listWorkLogCarryOver(user, date, carried) : Promise.resolve([]),
    isToday ? listOwnTaskChoices(user) : Promise.resolve([]),
  ]);
  const done = items.filter((i) => i.outcome === "DONE").length;
  const open = items.filter((i) => i.outcome === "OPEN").length;

  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <PageHeader
        title="工作日志"
        description={`${formatDistrictDateLong(date)} · 完成 ${done} 项，未完成 ${open} 项，共 ${items.length} 项`}
        actions={
          <nav aria-label="切换日期" className="flex gap-2">
            <Link href={`/unit/log?date=${addDays(date, -1)}`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3">
              前一天
            </Link>
            {!isToday ? (
              <Link href="/unit/log" className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3">
                回到今天
              </Link>
            ) : null}
          </nav>
        }
      />
      <p className="text-sm text-stone-600">
        完成的打 ✓，未完成的打 ? 并写明原因；未完成的事项第二天一键结转。今天的事项会出现在
        <Link href="/unit" className="text-brand-700 underline">
          {SLOT_LABELS.MORNING}
        </Link>
        的勾选列表里，晚晒时自动带出 ✓/?。
      </p>
      {isToday && carry.length > 0 ? (
        <Card heading={<>上次未完成（{carry[0].date}）</>}>
          <ul className="mt-2 list-disc pl-5 text-stone-800">
            {carry.map((c) => (
              <li key={c.id}>
                {c.text}
                {c.reason ? <span className="text-sm text-stone-600">（原因：{c.reason}）</span> : null}
              </li>
            ))}
          </ul>
          <div className="mt-3">
            <CarryOverButton count={carry.length} />
          </div>
        </Card>
      ) : null}
      {items.length > 0 ? (
        <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white" aria-label="当天事项">
          {items.map((item) => (
            <WorkLogRow
              key={`${item.id}:${item.outcome}:${item.reason}`}
              id={item.id}
              text={item.text}
              outcome={item.outcome}
              reason={item.reason}
              taskTitle={item.task?.title ?? null}
              carried={item.carriedFromId !== null}
              onCard={item._count.reportItems > 0}
              editable={isToday}
            />
          ))}
        </ul>
      ) : (
        <EmptyState title={isToday ? "今天还没有记事项" : "这一天没有记事项"}>{isToday ? "在下面记下今天要做的事。" : null}</EmptyState>
      )}
      {isToday ? (
        <Card heading="记一项" headingClassName="mb-3">
          <AddWorkLogItem tasks={tasks} />
        </Card>
      ) : null}
    </div>
  );
}
