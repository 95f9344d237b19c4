import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/supervision/bulletins/print-button";
import { requireUser } from "@/lib/auth/session";
import { ORDER_STEP_LABELS } from "@/lib/supervision/orders/lifecycle";
import { getOrderRecord } from "@/lib/supervision/orders/queries";
import { formatDistrictDateLong, formatDistrictDateTime, districtDateOf } from "@/lib/time";

export const metadata: Metadata = { title: "督办记录 · 打印" };

/** The printable 通报 or 约谈 record of a 督办件 (office side only). */
export default async function OrderRecordPage({ params }: { params: Promise<{ id: string; stepId: string }> }) {
  const user = await requireUser(["ADMIN", "LEADER", "ASSESSOR"]);
  const { id, stepId } = await params;
  const record = await getOrderRecord(user, id, stepId);
  if (!record) notFound();
  const label = ORDER_STEP_LABELS[record.kind];
  const { order } = record;
  return (
    <>
      <div className="no-print mb-6 flex justify-between gap-2 border-b border-stone-200 pb-3 text-sm text-stone-600">
        <a href={`/orders/${order.id}`} className="underline">
          返回督办件
        </a>
        <PrintButton />
      </div>
      <article className="space-y-4 text-[15px] leading-7">
        <h1 className="text-center text-2xl font-bold tracking-widest">督办件{label}记录</h1>
        <table className="w-full border-collapse text-left">
          <tbody>
            {[
              ["督办事项", order.title],
              ["牵头单位", order.unit.name],
              ["立项时间", formatDistrictDateTime(order.createdAt)],
              ["办结期限", formatDistrictDateTime(order.deadline)],
              [`${label}时间`, formatDistrictDateTime(record.at)],
              ["决定人", `${record.actor.name}${record.actor.title ? `（${record.actor.title}）` : ""}`],
            ].map(([k, v]) => (
              <tr key={k}>
                <th scope="row" className="w-32 border border-stone-400 px-3 py-2 font-semibold">
                  {k}
                </th>
                <td className="border border-stone-400 px-3 py-2">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section>
          <h2 className="font-semibold">督办内容</h2>
          <p className="whitespace-pre-line">{order.content}</p>
        </section>
        <section>
          <h2 className="font-semibold">{label}事由与要求</h2>
          <p className="whitespace-pre-line">{record.note ?? "督办件逾期未办结。"}</p>
        </section>
        <section>
          <h2 className="font-semibold">办理过程</h2>
          <ol className="list-decimal pl-6">
            {order.steps.map((s) => (
              <li key={s.id}>
                {formatDistrictDateTime(s.at)} {ORDER_STEP_LABELS[s.kind]}（{s.actor.name}）{s.note ? `：${s.note}` : ""}
              </li>
            ))}
          </ol>
        </section>
        <p className="pt-8 text-right">督查室　{formatDistrictDateLong(districtDateOf(record.at))}</p>
      </article>
    </>
  );
}
