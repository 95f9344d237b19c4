import Link from "next/link";
import { OrderColourBadge } from "@/components/supervision/orders/order-colour-badge";
import type { OrderListItem } from "@/lib/supervision/orders/queries";
import { formatDistrictDateTime } from "@/lib/time";

function remaining(o: OrderListItem): string {
  if (o.status === "ACCEPTED") return o.overdue ? "逾期办结" : "按期办结";
  if (o.overdue) return o.daysLeft < 0 ? `已逾期 ${-o.daysLeft} 天` : "今天已过期限";
  if (o.status === "RESPONDED") return "已答复,待审核";
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
              <span className="text-sm text-stone-600">{remaining(o)}</span>
            </div>
            <p className="mt-1 font-medium text-stone-900">{o.title}</p>
            <p className="mt-1 text-sm text-stone-600">
              期限 {formatDistrictDateTime(o.deadline)} · {o.group?.name ?? o.issuer.name}开具
              {o.task ? ` · ${o.task.title}` : ""}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
