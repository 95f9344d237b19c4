import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listLeaderInstructions } from "@/lib/reports/queries";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { formatDistrictDateTime } from "@/lib/time";
import { z } from "@/lib/validation";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "我的批示" };

export default async function LeaderInstructionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["LEADER"]);
  const { show } = parseSearchParams({ show: z.literal("answered").optional() }, await searchParams);
  const answered = show === "answered";
  const { instructions, openCount } = await listLeaderInstructions(user, answered);

  return (
    <div className="space-y-5">
      <PageHeader title="我的批示" description={`待单位回复 ${openCount} 条。在晾晒墙的任一条晒报下可以写批示。`} />
      <TabLinks
        label="批示状态"
        tabs={[
          { href: "/leader/instructions", label: `待回复（${openCount}）`, current: !answered },
          { href: "/leader/instructions?show=answered", label: "已回复", current: answered },
        ]}
      />
      {instructions.length === 0 ? (
        <EmptyState title={answered ? "还没有已回复的批示" : "没有待回复的批示"}>
          <Link href="/feed" className="text-brand-700 underline">
            去晾晒墙看看
          </Link>
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {instructions.map((i) => (
            <li key={i.id} className="rounded-xl border border-stone-200 bg-white p-4" aria-label={`${i.card.unit.name} ${i.card.date} 的批示`}>
              <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
                <Link href={`/feed?unit=${i.card.unit.id}&date=${i.card.date}`} className="link font-medium">
                  {i.card.unit.name}
                </Link>
                <span>
                  {i.card.date}
                  {i.slot ? ` ${SLOT_LABELS[i.slot]}` : ""} · 批示于 {formatDistrictDateTime(i.createdAt)}
                </span>
                <Badge tone={i.answeredAt ? "good" : "warn"}>{i.answeredAt ? "已回复" : "待回复"}</Badge>
              </p>
              <p className="mt-2 text-base text-stone-900">{i.text}</p>
              {i.answers.map((a) => (
                <p key={a.id} className="mt-2 border-l-2 border-emerald-300 pl-2 text-stone-800">
                  {a.author.name}回复：{a.text} <span className="text-sm text-stone-500">· {formatDistrictDateTime(a.createdAt)}</span>
                </p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
