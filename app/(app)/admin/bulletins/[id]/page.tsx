import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/supervision/action-form";
import { BulletinHeaderForm, BulletinItemEditor } from "@/components/supervision/bulletins/bulletin-editor";
import { ReportSearchForm } from "@/components/supervision/report-search-form";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { addBulletinItem, deleteBulletinDraft, publishBulletinAction } from "@/lib/supervision/bulletins/actions";
import { getBulletin, groupByKeyTask } from "@/lib/supervision/bulletins/queries";
import { parseReportSearch, reportSearchOptions, searchReports } from "@/lib/supervision/reports";
import { districtToday } from "@/lib/time";

export const metadata: Metadata = { title: "编辑快讯" };

export default async function BulletinEditorPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(["ADMIN"]);
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const bulletin = await getBulletin(user, id);
  if (!bulletin) notFound();
  if (bulletin.status === "PUBLISHED") redirect(`/bulletins/${bulletin.id}`);
  const search = parseReportSearch(raw);
  const searched = Object.keys(raw).length > 0;
  const defaultTo = bulletin.date <= districtToday() ? bulletin.date : districtToday();
  const [options, results] = await Promise.all([
    reportSearchOptions(user),
    searched ? searchReports(user, { ...search, to: search.to ?? defaultTo }, districtToday()) : Promise.resolve([]),
  ]);
  const chosen = new Set(bulletin.items.map((i) => i.slotId));
  const position = new Map(bulletin.items.map((item, i) => [item.id, i + 1]));

  return (
    <div className="space-y-6">
      <PageHeader
        title="编辑快讯(草稿)"
        description="发布后按年编号,全员可见,不能再修改"
        actions={
          <>
            <ButtonLink href={`/bulletins/${bulletin.id}`}>预览</ButtonLink>
            <ActionForm action={publishBulletinAction}>
              <input type="hidden" name="bulletinId" value={bulletin.id} />
              <SubmitButton pendingLabel="正在发布…">发布</SubmitButton>
            </ActionForm>
          </>
        }
      />
      <Card>
        <BulletinHeaderForm bulletin={bulletin} />
      </Card>
      <section aria-labelledby="items-heading" className="space-y-3">
        <h2 id="items-heading" className="text-lg font-semibold">
          本期晒报({bulletin.items.length})
        </h2>
        {bulletin.items.length === 0 ? <EmptyState title="还没有选入晒报">在下方搜索晒报并“选入本期”。</EmptyState> : null}
        {groupByKeyTask(bulletin.items).map((group, g) => (
          <div key={`${group.keyTaskName}-${g}`} className="space-y-2">
            <h3 className="font-semibold text-stone-700">{group.keyTaskName}</h3>
            <ol className="space-y-3">
              {group.items.map((item) => {
                const n = position.get(item.id)!;
                return (
                  <li key={item.id} className="rounded-xl border border-stone-200 bg-white p-4">
                    <BulletinItemEditor bulletinId={bulletin.id} item={item} first={n === 1} last={n === bulletin.items.length} label={`第 ${n} 条`} />
                  </li>
                );
              })}
            </ol>
          </div>
        ))}
      </section>
      <section aria-labelledby="search-heading" className="space-y-3">
        <h2 id="search-heading" className="text-lg font-semibold">
          搜索晒报
        </h2>
        <ReportSearchForm action={`/admin/bulletins/${bulletin.id}`} search={search} options={options} defaultTo={defaultTo} />
        {searched && results.length === 0 ? <EmptyState title="没有找到晒报">换个日期或关键词试试。</EmptyState> : null}
        <ul className="space-y-3">
          {results.map((report) => (
            <li key={report.slotId}>
              <ReportSummaryCard report={report}>
                {chosen.has(report.slotId) ? (
                  <span className="text-sm text-emerald-800">已在本期中</span>
                ) : (
                  <ActionForm action={addBulletinItem}>
                    <input type="hidden" name="bulletinId" value={bulletin.id} />
                    <input type="hidden" name="slotId" value={report.slotId} />
                    <SubmitButton variant="secondary" className="min-h-9 px-3 text-sm" aria-label={`选入本期:${report.unit.name} ${report.date}`}>
                      选入本期
                    </SubmitButton>
                  </ActionForm>
                )}
              </ReportSummaryCard>
            </li>
          ))}
        </ul>
      </section>
      <Card className="border-red-200">
        <CardTitle>删除草稿</CardTitle>
        <ActionForm action={deleteBulletinDraft} className="mt-2">
          <input type="hidden" name="bulletinId" value={bulletin.id} />
          <SubmitButton variant="danger">删除这份草稿</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
