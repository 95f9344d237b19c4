import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderStepForms } from "@/components/supervision/orders/order-forms";
import { OrderColourBadge } from "@/components/supervision/orders/order-colour-badge";
import { PhotoThumb } from "@/components/supervision/photo-thumb";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { ORDER_STATUS_LABELS } from "@/lib/supervision/labels";
import { ESCALATION_LABELS, ORDER_RATING_LABELS, ORDER_SOURCE_LABELS, ORDER_STEP_LABELS } from "@/lib/supervision/orders/lifecycle";
import { getOrder } from "@/lib/supervision/orders/queries";
import { districtToday, formatDistrictDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "督办件" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  // Scoped in the query: another unit's order is simply not found.
  const order = await getOrder(user, id);
  if (!order) notFound();
  const issuer = order.group?.name ?? `${order.issuer.name}${order.issuer.title ? `(${order.issuer.title})` : ""}`;
  return (
    <div className="space-y-5">
      <PageHeader
        title={order.title}
        description={`牵头单位 ${order.unit.name} · ${issuer} ${formatDistrictDateTime(order.createdAt)} 立项 · 来源：${ORDER_SOURCE_LABELS[order.source]}`}
        actions={<ButtonLink href="/orders">返回督办</ButtonLink>}
      />
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <OrderColourBadge colour={order.colour} />
          <Badge>{ORDER_STATUS_LABELS[order.status]}</Badge>
          {order.escalation > 0 ? <Badge tone="bad">{ESCALATION_LABELS[order.escalation]}</Badge> : null}
          {order.rating ? <Badge tone="good">评价：{ORDER_RATING_LABELS[order.rating]}</Badge> : null}
          <span className="text-stone-700" data-testid="order-deadline">
            办结期限 {formatDistrictDateTime(order.deadline)}
          </span>
          {order.overdue ? <span className="text-sm font-medium text-red-800">未按期办结，计入季度考核</span> : null}
        </div>
        {order.extensionUntil ? <p className="mt-2 text-sm text-amber-900">延期申请待审批：申请延至 {formatDistrictDateTime(order.extensionUntil)}</p> : null}
        {order.nextFeedback ? (
          <p className={`mt-2 text-sm ${order.feedbackDue ? "font-medium text-amber-900" : "text-stone-600"}`}>
            每 {order.feedbackEveryDays} 天反馈一次，下次反馈 {order.nextFeedback}
            {order.feedbackDue ? "（请按时反馈）" : ""}
          </p>
        ) : null}
        <p className="mt-3 whitespace-pre-line text-stone-800">{order.content}</p>
        {order.task ? (
          <p className="mt-2 text-sm text-stone-600">
            关联任务：{order.task.title}（期限 {order.task.deadline}
            {order.task.responsibleLeader ? `，分包领导 ${order.task.responsibleLeader.name}` : ""}）
          </p>
        ) : null}
        {order.coUnits.length ? (
          <p className="mt-2 text-sm text-stone-700">
            配合单位：
            {order.coUnits.map((c, i) => (
              <span key={c.unitId}>
                {i ? "、" : ""}
                {c.unit.name}
                {c.signedAt ? "（已签收）" : "（未签收）"}
              </span>
            ))}
          </p>
        ) : null}
      </Card>
      {order.report ? (
        <Section heading="关联的晒报" headingId="report-heading" className="space-y-2">
          <ReportSummaryCard report={order.report} maxPhotos={3} />
        </Section>
      ) : null}
      <Section heading="办理过程" className="space-y-2">
        <ol className="space-y-2">
          {order.steps.map((s) => (
            <li key={s.id} className="rounded-xl border border-stone-200 bg-white p-3" data-step={s.kind}>
              <p className="text-sm text-stone-600">
                <span className="font-semibold text-stone-900">{ORDER_STEP_LABELS[s.kind]}</span> · {formatDistrictDateTime(s.at)} ·{" "}
                {s.unitName ? `${s.unitName} ` : ""}
                {s.actor.name}
                {s.kind === "CIRCULATE" || s.kind === "SUMMON" ? (
                  <>
                    {" · "}
                    <Link href={`/orders/${order.id}/record/${s.id}`} className="text-brand-800 underline">
                      打印{ORDER_STEP_LABELS[s.kind]}记录
                    </Link>
                  </>
                ) : null}
              </p>
              {s.kind === "REQUEST_EXTENSION" && s.deadlineAfter ? <p className="mt-1 text-sm">申请延至 {formatDistrictDateTime(s.deadlineAfter)}</p> : null}
              {s.kind === "APPROVE_EXTENSION" && s.deadlineBefore && s.deadlineAfter ? (
                <p className="mt-1 text-sm">
                  期限由 {formatDistrictDateTime(s.deadlineBefore)} 延至 {formatDistrictDateTime(s.deadlineAfter)}
                </p>
              ) : null}
              {s.rating ? <p className="mt-1 text-sm">评价：{ORDER_RATING_LABELS[s.rating]}</p> : null}
              {s.note ? <p className="mt-1 whitespace-pre-line">{s.note}</p> : null}
            </li>
          ))}
        </ol>
      </Section>
      {order.responses.some((r) => r.photos.length) ? (
        <Section heading="办结佐证" className="space-y-2">
          {order.responses
            .filter((r) => r.photos.length)
            .map((r) => (
              <div key={r.id} className="flex flex-wrap gap-2">
                {r.photos.map((p, i) => (
                  <PhotoThumb key={p.id} photoId={p.id} alt={`${formatDistrictDateTime(r.createdAt)} 办结申请照片 ${i + 1}`} />
                ))}
              </div>
            ))}
        </Section>
      ) : null}
      <OrderStepForms orderId={order.id} moves={order.moves} minDate={districtToday()} />
    </div>
  );
}
