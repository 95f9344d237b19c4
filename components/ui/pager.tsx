import Link from "next/link";

const LINK = "flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3 hover:bg-stone-100";

/** Previous / next pages of a long list, with where the reader is; `href` builds a page's address. */
export function Pager({
  page,
  pageCount,
  total,
  unit = "条",
  href,
}: {
  page: number;
  pageCount: number;
  total: number;
  unit?: string;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="分页" className="no-print flex flex-wrap items-center justify-between gap-3 text-sm text-stone-700">
      <p>
        共 <strong className="tabular-nums">{total}</strong> {unit} · 第 {page} / {pageCount} 页
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={LINK} rel="prev">
            上一页
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={LINK} rel="next">
            下一页
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
