import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DecideOrderForm, RespondOrderForm } from "@/components/supervision/orders/order-forms";
import { OrderColourBadge } from "@/components/supervision/orders/order-colour-badge";
import { PhotoThumb } from "@/components/supervision/photo-thumb";
import { ReportSummaryCard } from "@/components/supervision/report-summary";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { ORDER_STATUS_LABELS } from "@/lib/supervision/labels";
import { getOrder } from "@/lib/supervision/orders/queries";
import { formatDistrictDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "督办单" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  // Scoped in the query: another unit's order is simply not found.
  const order = await getOrder(user, id);
  if (!order) notFound();
  return (
    <div className="space-y-5">
      <PageHeader title={order.title} description={`${order.unit.name} · ${order.group?.name ?? `${order.issuer.name}${order.issuer.title ? `(${order.issuer.title})` : ""}`} ${formatDistrictDateTime(order.createdAt)} 开具`} actions={<ButtonLink href="/orders">返回督办</ButtonLink>} />
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <OrderColourBadge colour={order.colour} />
          {/* The colour says most; the status adds what it does not: returned, or answered late. */}
          {order.status === "RETURNED" || (order.status === "RESPONDED" && order.colour === "RED") ? <Badge>{ORDER_STATUS_LABELS[order.status]}</Badge> : null}
          <span className="text-stone-700">办结期限 {formatDistrictDateTime(order.deadline)}</span>
          {order.overdue ? <span className="text-sm font-medium text-red-800">未按期答复,计入季度考核</span> : null}
        </div>
        <p className="mt-3 whitespace-pre-line text-stone-800">{order.content}</p>
        {order.task ? <p className="mt-2 text-sm text-stone-600">关联任务:{order.task.title}(期限 {order.task.deadline})</p> : null}
      </Card>
      {order.report ? (
        <section aria-labelledby="report-heading" className="space-y-2">
          <h2 id="report-heading" className="text-lg font-semibold">
            关联的晒报
          </h2>
          <ReportSummaryCard report={order.report} maxPhotos={3} />
        </section>
      ) : null}
      <section aria-labelledby="responses-heading" className="space-y-2">
        <h2 id="responses-heading" className="text-lg font-semibold">
          办理过程
        </h2>
        {order.responses.length === 0 ? <p className="text-stone-600">单位尚未答复。</p> : null}
        <ol className="space-y-3">
          {order.responses.map((r) => (
            <li key={r.id} className="rounded-xl border border-stone-200 bg-white p-4">
              <p className="text-sm text-stone-600">
                {r.author.name} {formatDistrictDateTime(r.createdAt)} 答复
              </p>
              <p className="mt-1 whitespace-pre-line">{r.text}</p>
              {r.photos.length ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  {r.photos.map((p, i) => (
                    <PhotoThumb key={p.id} photoId={p.id} alt={`答复照片 ${i + 1}`} />
                  ))}
                </div>
              ) : null}
              {r.decision ? (
                <p className={`mt-2 rounded-lg px-3 py-2 text-sm ${r.decision === "ACCEPTED" ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}>
                  {r.decision === "ACCEPTED" ? "已办结" : "已退回"}
                  {r.decidedAt ? `(${formatDistrictDateTime(r.decidedAt)})` : ""}
                  {r.decisionNote ? `:${r.decisionNote}` : ""}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      {order.canRespond ? (
        <Card>
          <CardTitle>{order.status === "RETURNED" ? "重新答复" : "答复督办单"}</CardTitle>
          <div className="mt-3">
            <RespondOrderForm orderId={order.id} />
          </div>
        </Card>
      ) : null}
      {order.canDecide ? (
        <Card>
          <CardTitle>审核答复</CardTitle>
          <div className="mt-3">
            <DecideOrderForm orderId={order.id} />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
