import type { Metadata } from "next";
import { ExportLinks } from "@/components/tasks/export-links";
import { Pagination } from "@/components/tasks/pagination";
import { TaskFilterForm } from "@/components/tasks/task-filters";
import { TaskTable } from "@/components/tasks/task-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { hasActiveFilters, parseTaskFilters, type SearchParams } from "@/lib/tasks/filters";
import { listTaskFormOptions, listTaskPage } from "@/lib/tasks/queries";
import { districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "任务清单" };

export default async function AdminTasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const filters = parseTaskFilters(await searchParams);
  const today = districtToday();
  const [page, options] = await Promise.all([listTaskPage(user, filters, today), listTaskFormOptions(user)]);

  return (
    <div className="space-y-5">
      <PageHeader
        title="年度任务责任清单"
        description="各单位的任务、节点（课程表）和进度；状态按截止日期（北京时间）和完成值自动判定。"
        actions={
          <>
            <ButtonLink href="/admin/tasks/new" variant="primary">
              新建任务
            </ButtonLink>
            <ButtonLink href="/admin/tasks/import">导入 Excel/CSV</ButtonLink>
            <ExportLinks filters={filters} />
          </>
        }
      />
      <TaskFilterForm action="/admin/tasks" filters={filters} options={options} showArchived />
      {page.rows.length ? (
        <>
          <TaskTable rows={page.rows} hrefBase="/admin/tasks" caption="任务清单" />
          <Pagination basePath="/admin/tasks" filters={filters} page={page.page} pageCount={page.pageCount} total={page.total} />
        </>
      ) : (
        <EmptyState title={hasActiveFilters(filters) ? "没有符合条件的任务" : "还没有任务"}>
          {hasActiveFilters(filters) ? "换个条件试试，或清除筛选条件。" : "点“新建任务”逐项录入，或用“导入 Excel/CSV”一次导入整张清单。"}
        </EmptyState>
      )}
    </div>
  );
}
