import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { taskFiltersQuery, type TaskFilters } from "@/lib/tasks/filters";

const LINK = "flex min-h-11 items-center rounded-lg border px-3";

export function Pagination({
  basePath,
  filters,
  page,
  pageCount,
  total,
}: {
  basePath: string;
  filters: TaskFilters;
  page: number;
  pageCount: number;
  total: number;
}) {
  const href = (p: number) => `${basePath}${taskFiltersQuery(filters, { page: p })}`;
  return (
    <nav aria-label="分页" className="no-print flex flex-wrap items-center justify-between gap-3 text-sm text-stone-700">
      <p>
        共 <strong className="tabular-nums">{total}</strong> 项 · 第 {page} / {pageCount} 页
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={cn(LINK, "border-stone-300 bg-white hover:bg-stone-100")} rel="prev">
            上一页
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={cn(LINK, "border-stone-300 bg-white hover:bg-stone-100")} rel="next">
            下一页
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
