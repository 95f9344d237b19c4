import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { ReportSearchForm } from "@/components/supervision/report-search-form";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { parseReportSearch, reportSearchOptions, searchReports } from "@/lib/supervision/reports";
import { pickReportForCheck } from "@/lib/supervision/spot-checks/actions";
import { addDays, districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "指定抽查" };

export default async function PickReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser(["ADMIN", "LEADER"]);
  const search = parseReportSearch(await searchParams);
  const today = districtToday();
  const defaultTo = addDays(today, -1);
  const [options, results] = await Promise.all([reportSearchOptions(user), searchReports(user, { ...search, to: search.to ?? defaultTo }, today)]);
  return (
    <div className="space-y-5">
      <PageHeader title="指定一条晒报抽查" description="如领导看到某条晒报后要求核实" actions={<ButtonLink href="/spot-checks">返回抽查</ButtonLink>} />
      <ReportSearchForm action="/spot-checks/pick" search={search} options={options} defaultTo={defaultTo} />
      {results.length === 0 ? <EmptyState title="没有找到晒报">换个日期或关键词试试。</EmptyState> : null}
      <ul className="space-y-3">
        {results.map((report) => (
          <li key={report.slotId}>
            <ReportSummaryCard report={report} maxPhotos={3}>
              <ActionForm action={pickReportForCheck}>
                <input type="hidden" name="slotId" value={report.slotId} />
                <SubmitButton variant="secondary" className="min-h-9 px-3 text-sm" aria-label={`抽查这条：${report.unit.name} ${report.date}`}>
                  抽查这条
                </SubmitButton>
              </ActionForm>
            </ReportSummaryCard>
          </li>
        ))}
      </ul>
    </div>
  );
}
