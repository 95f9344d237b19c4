import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SeenVersion } from "@/components/reports/seen-version";
import { PhotoThumb } from "@/components/supervision/photo-thumb";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { RecordForm } from "@/components/supervision/spot-checks/record-form";
import { SpotCheckBadge } from "@/components/supervision/spot-check-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle, Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getSlotHistory } from "@/lib/reports/queries";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { SPOT_CHECK_METHOD_LABELS } from "@/lib/supervision/labels";
import { getSpotCheck, listCheckClaims } from "@/lib/supervision/spot-checks/queries";
import { formatAmount } from "@/components/tasks/format";
import { formatDistrictDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "核查" };

export default async function SpotCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(["ADMIN", "LEADER"]);
  const { id } = await params;
  const [check, claims] = await Promise.all([getSpotCheck(user, id), listCheckClaims(user, id)]);
  if (!check) notFound();
  const reversed = claims.filter((c) => c.reversed !== 0);
  const history = await getSlotHistory(user, check.report.slotId);
  const now = formatDistrictDateTime(new Date()).replace(" ", "T");
  return (
    <div className="space-y-5">
      <PageHeader
        title={`抽查：${check.report.unit.name}`}
        description={check.drawId ? "随机抽取" : "指定抽查"}
        actions={
          <>
            {check.drawId ? (
              <ButtonLink href={`/spot-checks/draws/${check.drawId}`}>返回本次抽取</ButtonLink>
            ) : (
              <ButtonLink href="/spot-checks">返回抽查</ButtonLink>
            )}
            <ButtonLink href={`/orders/new?slotId=${check.report.slotId}`}>就此开具督办单</ButtonLink>
          </>
        }
      />
      <Section heading="被抽查的晒报" headingId="report-heading" className="space-y-2">
        <SeenVersion
          seenId={check.versionId}
          versions={history?.versions ?? []}
          livePhotoIds={history?.livePhotoIds ?? new Set()}
          label={`${check.report.unit.name}${SLOT_LABELS[check.report.slot]}`}
          seenTitle="抽查时所见"
          current={
            <ReportSummaryCard report={check.report} maxPhotos={9}>
              {check.report.openFlags > 0 ? (
                <Link href={`/admin/anomalies?slotId=${check.report.slotId}`} className="text-sm text-amber-900 underline">
                  查看异常线索
                </Link>
              ) : null}
            </ReportSummaryCard>
          }
        />
      </Section>
      {check.result ? (
        <Card
          heading={
            <>
              核查结果 <SpotCheckBadge result={check.result} />
            </>
          }
          headingId="result-heading"
        >
          <p className="mt-1 text-sm text-stone-600">
            {check.method ? SPOT_CHECK_METHOD_LABELS[check.method] : ""} · {check.checker.name}
            {check.checkedAt ? ` · ${formatDistrictDateTime(check.checkedAt)}` : ""}
          </p>
          {check.notes ? <p className="mt-2 whitespace-pre-line">{check.notes}</p> : null}
          {reversed.length > 0 ? (
            <div className="mt-3 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">
              <p className="font-medium">已从任务进度中核减：</p>
              <ul className="mt-1 space-y-0.5">
                {reversed.map((c) => (
                  <li key={c.taskId}>
                    <Link href={`/tasks/${c.taskId}`} className="underline">
                      {c.title}
                    </Link>
                    ：所报 {formatAmount(c.claimed)}
                    {c.measure}，核减 {formatAmount(-c.reversed)}
                    {c.measure}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {check.photoIds.length ? (
            <div className="mt-3 flex flex-wrap gap-2">
              {check.photoIds.map((pid, i) => (
                <PhotoThumb key={pid} photoId={pid} alt={`核查照片 ${i + 1}`} />
              ))}
            </div>
          ) : null}
        </Card>
      ) : null}
      <Card>
        <CardTitle>{check.result ? "更正核查结果" : "记录核查结果"}</CardTitle>
        <p className="mt-1 text-sm text-stone-600">
          “不属实”会显示在这条晒报上，并计入该单位的季度考核；它所报的完成量从任务进度中核减（“部分属实”核减所填的不属实数量）。每次记录和更正都留痕。
        </p>
        <div className="mt-3">
          <RecordForm checkId={check.id} now={now} current={check} claims={claims} />
        </div>
      </Card>
    </div>
  );
}
