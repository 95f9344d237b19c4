import type { Metadata } from "next";
import Link from "next/link";
import { Section } from "@/components/ui/card";
import { OrderList } from "@/components/supervision/orders/order-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { isUnitRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { formatDistrictDateTime } from "@/lib/time";
import { listEscalations, listOrders, listUnsigned, type OrderTab } from "@/lib/supervision/orders/queries";
import { z } from "@/lib/validation";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "督办" };

const TABS: { value: OrderTab; label: string }[] = [
  { value: "open", label: "办理中" },
  { value: "closed", label: "已办结" },
  { value: "all", label: "全部" },
];

export default async function OrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  const { tab } = parseSearchParams({ tab: z.enum(["open", "closed", "all"]).default("open") }, await searchParams) as { tab: OrderTab };
  const unitView = isUnitRole(user.role);
  const canIssue = user.role === "ADMIN" || user.role === "LEADER" || user.role === "ASSESSOR";
  const office = user.role === "ADMIN" || user.role === "LEADER";
  const now = new Date();
  const [orders, escalations, unsigned] = await Promise.all([
    listOrders(user, tab, now),
    office ? listEscalations(user, now) : Promise.resolve([]),
    canIssue ? listUnsigned(user) : Promise.resolve([]),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={unitView ? "本单位督办件" : "督办件"}
        description="立项 → 交办 → 签收 → 反馈 → 办结 → 评价。蓝 — 两天内到期，黄 — 滞后（被退回、过半时限未办结或反馈到期），红 — 逾期未按时办结（计入季度考核）"
        actions={canIssue ? <ButtonLink href="/orders/new">督办件立项</ButtonLink> : null}
      />
      {canIssue && unsigned.length ? (
        <Section heading={<>尚未签收（{unsigned.length}）</>} className="space-y-2">
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {unsigned.map((u) => (
              <li key={u.id} className="p-3">
                <Link href={`/orders/${u.id}`} className="font-medium text-brand-800 underline">
                  {u.title}
                </Link>
                <span className="ml-2 text-sm text-stone-600">
                  {formatDistrictDateTime(u.createdAt)} 交办 · 未签收：{u.units.join("、")}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {office ? (
        <Section heading={<>督办预警（{escalations.length}）</>} className="space-y-2">
          {escalations.length === 0 ? <EmptyState title="没有逾期或滞后的督办件" /> : <OrderList orders={escalations} />}
        </Section>
      ) : null}
      <Section
        heading={office ? "全部督办件" : "督办件"}
        headingAside={
          <TabLinks label="按办理情况筛选" tabs={TABS.map((t) => ({ href: `/orders?tab=${t.value}`, label: t.label, current: tab === t.value }))} />
        }
        className="space-y-2"
      >
        {orders.length === 0 ? (
          <EmptyState title={tab === "closed" ? "还没有办结的督办件" : "没有办理中的督办件"} />
        ) : (
          <OrderList orders={orders} showUnit={!unitView} />
        )}
      </Section>
    </div>
  );
}
