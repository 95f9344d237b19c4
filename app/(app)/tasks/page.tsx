import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/ui/card";
import { ExportLinks } from "@/components/tasks/export-links";
import { formatPercent } from "@/components/tasks/format";
import { Pagination } from "@/components/tasks/pagination";
import { TaskFilterForm } from "@/components/tasks/task-filters";
import { TaskTable } from "@/components/tasks/task-table";
import { cn } from "@/components/ui/cn";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Progress } from "@/components/ui/progress";
import { requireUser } from "@/lib/auth/session";
import { parseTaskFilters, taskFiltersQuery, type SearchParams } from "@/lib/tasks/filters";
import { listTaskFormOptions, listTaskGroups, listTaskPage } from "@/lib/tasks/queries";
import { districtToday } from "@/lib/time";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "任务清单" };

/** Leaders and assessors read the lists across units, by key task or by line (an assessor: their groups' units only). */
export default async function TasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser(["LEADER", "ASSESSOR", "ADMIN"]);
  const filters = parseTaskFilters(await searchParams);
  if (user.role !== "ADMIN") delete filters.archived;
  const by = filters.by ?? "keyTask";
  const today = districtToday();
  const [page, groups, options] = await Promise.all([
    listTaskPage(user, filters, today),
    listTaskGroups(user, { ...filters, [by]: undefined }, by, today),
    listTaskFormOptions(user),
  ]);
  const selected = by === "keyTask" ? filters.keyTask : filters.line;

  return (
    <div className="space-y-5">
      <PageHeader
        title="任务清单"
        description={user.role === "ASSESSOR" ? "您所在考核组负责单位的任务；逾期的任务标红。" : "全区各单位的年度任务；逾期的任务标红。"}
        actions={<ExportLinks filters={filters} />}
      />
      <TabLinks
        label="分组方式"
        tabs={(["keyTask", "line"] as const).map((b) => ({
          href: `/tasks${taskFiltersQuery({ ...filters, keyTask: undefined, line: undefined }, { by: b === "keyTask" ? undefined : b })}`,
          label: b === "keyTask" ? "按重点工作" : "按分线",
          current: by === b,
        }))}
      />
      <Section heading={<>{by === "keyTask" ? "各项重点工作" : "各条分线"}的进度</>} headingClassName="sr-only">
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {groups.map((g) => {
            const active = g.id !== null && g.id === selected;
            return (
              <li key={g.id ?? "none"}>
                <Link
                  href={`/tasks${taskFiltersQuery(filters, { [by]: active || !g.id ? undefined : g.id })}`}
                  aria-current={active ? "true" : undefined}
                  className={cn(
                    "block rounded-xl border bg-white p-3 hover:border-brand-700",
                    active ? "border-brand-700 ring-2 ring-brand-100" : "border-stone-200",
                    !g.id && "pointer-events-none",
                  )}
                >
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="font-medium text-stone-900">{g.name}</span>
                    <span className="text-sm tabular-nums text-stone-700">{formatPercent(g.ratio)}</span>
                  </span>
                  <span className="mt-2 block">
                    <Progress ratio={g.ratio} label={`${g.name} 平均进度`} tone="info" />
                  </span>
                  <span className="mt-1 block text-sm text-stone-600">
                    {g.tasks} 项 · 完成 {g.done}
                    {g.overdue ? <strong className="text-red-700"> · 逾期 {g.overdue}</strong> : null}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </Section>
      <TaskFilterForm action="/tasks" filters={filters} options={options} hidden={{ by: filters.by }} />
      {page.rows.length ? (
        <>
          <TaskTable rows={page.rows} hrefBase="/tasks" caption="任务清单" />
          <Pagination basePath="/tasks" filters={filters} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      ) : (
        <EmptyState title="没有符合条件的任务">换个条件试试，或清除筛选条件。</EmptyState>
      )}
    </div>
  );
}
