import type { Metadata } from "next";
import Link from "next/link";
import { DayForm } from "@/components/ui/filter-bar";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { EvidenceView } from "@/components/supervision/anomalies/evidence-view";
import { Badge } from "@/components/ui/badge";
import { Pager } from "@/components/ui/pager";
import { Stat } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import type { AnomalyKind, AnomalyStatus } from "@/lib/generated/prisma/enums";
import { requireUser } from "@/lib/auth/session";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { reviewAnomaly } from "@/lib/supervision/anomalies/actions";
import { ANOMALY_KIND_LABELS } from "@/lib/supervision/anomalies/evidence";
import { countOpenAnomaliesByKind, listAnomalies } from "@/lib/supervision/anomalies/queries";
import { pickReportForCheck } from "@/lib/supervision/spot-checks/actions";
import { dateParam, idParam, keyOf, parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { formatDistrictDateTime } from "@/lib/time";
import { z } from "@/lib/validation";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "异常线索" };

const STATUS_TABS: { value: AnomalyStatus; label: string }[] = [
  { value: "OPEN", label: "待处理" },
  { value: "CONFIRMED", label: "已确认" },
  { value: "DISMISSED", label: "已排除" },
];
const KINDS = Object.keys(ANOMALY_KIND_LABELS) as AnomalyKind[];

type Params = { status?: string; kind?: string; date?: string; slotId?: string; page?: string };

/** Ten to a page: each flag carries its evidence (photos side by side), so a page of thirty ran ~14,000 px. */
const PAGE_SIZE = 10;

function hrefWith(current: Params, change: Params): string {
  const merged = { ...current, ...change };
  const query = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
  return `/admin/anomalies${query.size ? `?${query}` : ""}`;
}

/** The office's view of the anomaly flags: evidence side by side, confirm or dismiss. */
export default async function AnomaliesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const { status, kind, date, slotId, page } = parseSearchParams(
    {
      status: z.enum(STATUS_TABS.map((t) => t.value) as [AnomalyStatus, ...AnomalyStatus[]]).default("OPEN"),
      kind: keyOf(ANOMALY_KIND_LABELS).optional(),
      date: dateParam.optional(),
      slotId: idParam.optional(),
      page: z
        .string()
        .regex(/^[1-9]\d{0,4}$/)
        .transform(Number)
        .default(1),
    },
    await searchParams,
  );
  const current: Params = { status, kind, date, slotId };
  const [{ anomalies, total }, open] = await Promise.all([
    listAnomalies(user, { status, kind, date, slotId }, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    countOpenAnomaliesByKind(user),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="space-y-6">
      <PageHeader title="异常线索" description="系统对每条晒报自动比对照片、文字、拍摄时间和位置；每条线索只是提示，需人工核实，不直接扣分" />
      <div className="grid gap-3 sm:grid-cols-4">
        {KINDS.map((k) => (
          <Link
            key={k}
            href={hrefWith(current, { kind: kind === k ? undefined : k })}
            aria-current={kind === k ? "true" : undefined}
            className={cn("rounded-xl", kind === k && "ring-2 ring-brand-700")}
          >
            <Stat label={ANOMALY_KIND_LABELS[k]} value={open[k]} hint="待处理" />
          </Link>
        ))}
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <TabLinks
          label="按处理情况筛选"
          tabs={STATUS_TABS.map((t) => ({ href: hrefWith(current, { status: t.value }), label: t.label, current: status === t.value }))}
        />
        <DayForm label="晒报日期" id="anomaly-date" name="date" value={date} action="/admin/anomalies" hidden={{ status, kind }} submit="筛选" />
      </div>
      <p className="text-sm text-stone-600">
        共 {total} 条{pageCount > 1 ? `，第 ${page} / ${pageCount} 页，最新的在前` : ""}
        {kind || date || slotId ? (
          <>
            {" · "}
            <Link href={hrefWith({ status }, {})} className="underline">
              清除筛选
            </Link>
          </>
        ) : null}
      </p>
      {anomalies.length === 0 ? <EmptyState title="没有符合条件的线索" /> : null}
      <ol className="space-y-4">
        {anomalies.map((a) => (
          <li key={a.id}>
            <article
              aria-label={`${ANOMALY_KIND_LABELS[a.kind]}：${a.report.unit.name} ${a.report.date}`}
              className="space-y-3 rounded-xl border border-stone-200 bg-white p-4"
            >
              <header className="flex flex-wrap items-center gap-2">
                <Badge tone={a.status === "OPEN" ? "warn" : a.status === "CONFIRMED" ? "bad" : "neutral"}>{ANOMALY_KIND_LABELS[a.kind]}</Badge>
                <Link href={`/units/${a.report.unit.id}?date=${a.report.date}`} className="link font-semibold">
                  {a.report.unit.name}
                </Link>
                <span className="text-sm text-stone-600">
                  {a.report.date} {SLOT_LABELS[a.report.slot]} · 强度 {Math.round(a.score * 100)}%
                </span>
                {a.status !== "OPEN" ? (
                  <span className="text-sm text-stone-600">
                    {a.status === "CONFIRMED" ? "已确认" : "已排除"} · {a.reviewedBy?.name} {a.reviewedAt ? formatDistrictDateTime(a.reviewedAt) : ""}
                  </span>
                ) : null}
              </header>
              <EvidenceView parsed={a.parsed} report={a.report} />
              <footer className="flex flex-wrap gap-2 border-t border-stone-100 pt-3">
                {a.status === "OPEN" ? (
                  <>
                    <ActionForm action={reviewAnomaly}>
                      <input type="hidden" name="anomalyId" value={a.id} />
                      <input type="hidden" name="decision" value="CONFIRMED" />
                      <SubmitButton variant="secondary" className="min-h-9 px-3 text-sm">
                        确认属实
                      </SubmitButton>
                    </ActionForm>
                    <ActionForm action={reviewAnomaly}>
                      <input type="hidden" name="anomalyId" value={a.id} />
                      <input type="hidden" name="decision" value="DISMISSED" />
                      <SubmitButton variant="ghost" className="min-h-9 px-3 text-sm">
                        排除
                      </SubmitButton>
                    </ActionForm>
                  </>
                ) : null}
                <ActionForm action={pickReportForCheck}>
                  <input type="hidden" name="slotId" value={a.report.slotId} />
                  <SubmitButton variant="ghost" className="min-h-9 px-3 text-sm">
                    抽查这条晒报
                  </SubmitButton>
                </ActionForm>
                <Link
                  href={`/orders/new?slotId=${a.report.slotId}`}
                  className="inline-flex min-h-9 items-center rounded-lg px-3 text-sm text-stone-700 hover:bg-stone-100"
                >
                  开具督办单
                </Link>
              </footer>
            </article>
          </li>
        ))}
      </ol>
      <Pager page={page} pageCount={pageCount} total={total} href={(p) => hrefWith(current, { page: p > 1 ? String(p) : undefined })} />
    </div>
  );
}
