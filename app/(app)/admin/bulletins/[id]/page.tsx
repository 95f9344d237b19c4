import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BulletinEditor } from "@/components/supervision/bulletins/bulletin-editor";
import { ReportSearchForm } from "@/components/supervision/report-search-form";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle, Section } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { addBulletinItemAction, deleteBulletinDraft } from "@/lib/supervision/bulletins/actions";
import { getBulletin, groupByKeyTask, listHeldBackReports } from "@/lib/supervision/bulletins/queries";
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
  const [options, results, heldBack] = await Promise.all([
    reportSearchOptions(user),
    searched ? searchReports(user, { ...search, to: search.to ?? defaultTo }, districtToday()) : Promise.resolve([]),
    listHeldBackReports(user, bulletin),
  ]);
  const chosen = new Set(bulletin.items.map((i) => i.slotId));
  const position = new Map(bulletin.items.map((item, i) => [item.id, i + 1]));
  const groups = groupByKeyTask(bulletin.items).map((group) => ({
    heading: group.heading,
    items: group.items.map((item) => ({
      id: item.id,
      excerpt: item.excerpt,
      source: `${item.unit.name} ${item.date} ${SLOT_LABELS[item.slot]}`,
      position: position.get(item.id)!,
    })),
  }));
  const addButton = (slotId: string, label: string) => (
    <ActionForm action={addBulletinItemAction}>
      <input type="hidden" name="bulletinId" value={bulletin.id} />
      <input type="hidden" name="slotId" value={slotId} />
      <SubmitButton variant="secondary" className="min-h-9 px-3 text-sm" aria-label={`选入本期：${label}`}>
        选入本期
      </SubmitButton>
    </ActionForm>
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="编辑快讯（草稿）"
        description="发布后按年编号，全员可见，不能再修改"
        actions={<ButtonLink href={`/bulletins/${bulletin.id}`}>预览（已保存的文字）</ButtonLink>}
      />
      <BulletinEditor
        bulletin={{ id: bulletin.id, date: bulletin.date, title: bulletin.title, summary: bulletin.summary }}
        groups={groups}
        count={bulletin.items.length}
      />
      {heldBack.length > 0 ? (
        <Section heading={<>待核实、未自动选入的晒报（{heldBack.length}）</>} className="space-y-2">
          <p className="text-sm text-stone-600">抽查核实为不属实、或有未排除异常线索的晒报不会自动选入。核实后如确需刊发，可手动选入。</p>
          <ul className="divide-y divide-stone-100 rounded-xl border border-amber-200 bg-amber-50/40">
            {heldBack.map((h) => (
              <li key={h.slotId} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  <span className="font-medium">{h.unitName}</span> {SLOT_LABELS[h.slot]} · <span className="text-amber-900">{h.reason}</span>
                </span>
                {addButton(h.slotId, `${h.unitName} ${SLOT_LABELS[h.slot]}`)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section heading="搜索晒报" className="space-y-3">
        <ReportSearchForm action={`/admin/bulletins/${bulletin.id}`} search={search} options={options} defaultTo={defaultTo} />
        {searched && results.length === 0 ? <EmptyState title="没有找到晒报">换个日期或关键词试试。</EmptyState> : null}
        <ul className="space-y-3">
          {results.map((report) => (
            <li key={report.slotId}>
              <ReportSummaryCard report={report}>
                {chosen.has(report.slotId) ? (
                  <span className="text-sm text-emerald-800">已在本期中</span>
                ) : (
                  addButton(report.slotId, `${report.unit.name} ${report.date}`)
                )}
              </ReportSummaryCard>
            </li>
          ))}
        </ul>
      </Section>
      <Card className="border-red-200">
        <CardTitle>删除草稿</CardTitle>
        <ActionForm
          action={deleteBulletinDraft}
          className="mt-2 space-y-2"
          confirm={{
            title: "删除这份草稿？",
            body: "草稿中的标题、编者按和选入的晒报都将删除，不能恢复。已发布的快讯不受影响。",
            confirmLabel: "删除草稿",
            danger: true,
          }}
        >
          <input type="hidden" name="bulletinId" value={bulletin.id} />
          <SubmitButton variant="danger">删除这份草稿</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}
