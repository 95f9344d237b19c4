import Link from "next/link";
import { OrderColourBadge } from "@/components/supervision/orders/order-colour-badge";
import { ESCALATION_LABELS } from "@/lib/supervision/orders/lifecycle";
import type { OrderListItem } from "@/lib/supervision/orders/queries";
import { formatDistrictDateTime } from "@/lib/time";

function remaining(o: OrderListItem): string {
  if (o.status === "ACCEPTED") return o.overdue ? "逾期办结" : "按期办结";
  if (o.overdue) return o.daysLeft < 0 ? `已逾期 ${-o.daysLeft} 天` : "今天已过期限";
  if (o.status === "RESPONDED") return "已申请办结，待审核";
  if (o.status === "OPEN") return `待签收 · 剩 ${o.daysLeft} 天`;
  if (o.status === "REGISTERED") return "已立项，未交办";
  return o.daysLeft === 0 ? "今天到期" : `剩 ${o.daysLeft} 天`;
}

/** Orders as cards (phone-first): colour, unit, title, deadline, who issued. */
export function OrderList({ orders, showUnit = true }: { orders: OrderListItem[]; showUnit?: boolean }) {
  return (
    <ul className="space-y-2">
      {orders.map((o) => (
        <li key={o.id}>
          <Link href={`/orders/${o.id}`} className="block rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-700" data-order-colour={o.colour}>
            <div className="flex flex-wrap items-center gap-2">
              <OrderColourBadge colour={o.colour} />
              {showUnit ? <span className="font-semibold text-stone-900">{o.unit.name}</span> : null}
              {o.coUnits.length ? <span className="text-sm text-stone-600">等 {o.coUnits.length + 1} 个单位</span> : null}
              {o.escalation > 0 ? <span className="text-sm font-medium text-red-800">{ESCALATION_LABELS[o.escalation]}</span> : null}
              <span className="text-sm text-stone-600">{remaining(o)}</span>
            </div>
            <p className="mt-1 font-medium text-stone-900">{o.title}</p>
            <p className="mt-1 text-sm text-stone-600">
              期限 {formatDistrictDateTime(o.deadline)} · {o.group?.name ?? o.issuer.name}交办
              {o.task ? ` · ${o.task.title}` : ""}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
