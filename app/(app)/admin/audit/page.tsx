import type { Metadata } from "next";
import { AuditFilterForm } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { auditFiltersQuery, parseAuditFilters, type SearchParams } from "@/lib/audit/filters";
import { auditEntityLabel } from "@/lib/audit/labels";
import { AUDIT_READER_ROLES, listAuditEntries, listAuditFilterOptions } from "@/lib/audit/queries";

export const metadata: Metadata = { title: "操作记录" };

/**
 * Every audited write, newest first, for the office (and read-only for the
 * leaders: the page has no actions today, so both see the same).
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser(AUDIT_READER_ROLES);
  const filters = parseAuditFilters(await searchParams);
  const [page, options] = await Promise.all([listAuditEntries(user, filters), listAuditFilterOptions(user)]);
  const filtered = Object.keys(filters).some((k) => k !== "after");

  return (
    <div className="space-y-5">
      <PageHeader
        title="操作记录"
        description={
          filters.entity
            ? `仅显示一条${auditEntityLabel(filters.entity)}的记录。每一次写入都留痕：谁、何时、改了什么。`
            : "每一次写入都留痕：谁、何时、对哪个单位、改了什么（北京时间，最新的在前）。"
        }
        actions={<ButtonLink href={`/admin/audit/export${auditFiltersQuery(filters)}`}>导出 Excel</ButtonLink>}
      />
      <AuditFilterForm filters={filters} options={options} />
      {page.rows.length ? (
        <>
          <AuditTable rows={page.rows} />
          <nav aria-label="翻页" className="flex flex-wrap items-center gap-3">
            {filters.after ? <ButtonLink href={`/admin/audit${auditFiltersQuery(filters)}`}>回到最新</ButtonLink> : null}
            {page.next ? (
              <ButtonLink href={`/admin/audit${auditFiltersQuery(filters, { after: page.next })}`} variant="primary">
                更早的记录
              </ButtonLink>
            ) : (
              <p className="text-sm text-stone-600">没有更早的记录了。</p>
            )}
          </nav>
        </>
      ) : (
        <EmptyState title={filtered ? "没有符合条件的操作记录" : "还没有操作记录"}>
          {filtered ? "换个条件试试，或清除筛选条件。" : "各单位和督查室的每一次写入都会记在这里。"}
        </EmptyState>
      )}
    </div>
  );
}
