import type { Metadata } from "next";
import Link from "next/link";
import { CloseInstructionForm, ReaskInstructionForm } from "@/components/reports/instruction-forms";
import { InstructionDeadline, InstructionThread } from "@/components/reports/instruction-thread";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { INSTRUCTION_STATE_LABELS, INSTRUCTION_STATE_TONES, instructionState } from "@/lib/reports/instruction-status";
import { listLeaderInstructions } from "@/lib/reports/queries";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { districtToday, formatDistrictDateTime } from "@/lib/time";
import { z } from "@/lib/validation";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { TabLinks } from "@/components/ui/tab-links";
import { unitOf } from "@/lib/reports/card-owner";

export const metadata: Metadata = { title: "我的批示" };

const EMPTY = { open: "没有未办结的批示", overdue: "没有逾期的批示", closed: "还没有办结的批示" } as const;

/**
 * A leader's own 批示 (the office: every leader's): open ones (waiting for the
 * unit, or answered and waiting to be accepted), overdue ones (past their
 * 办理期限 and not closed), closed ones. The leader accepts an answer (采纳，办结),
 * asks again (追问), or turns the 批示 into a 督办件.
 */
export default async function LeaderInstructionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["LEADER", "ADMIN"]);
  const office = user.role === "ADMIN";
  const { show = "open" } = parseSearchParams({ show: z.enum(["overdue", "closed"]).optional() }, await searchParams);
  const today = districtToday();
  const { instructions, openCount, overdueCount } = await listLeaderInstructions(user, show, today);

  return (
    <div className="space-y-5">
      <PageHeader
        title={office ? "领导批示" : "我的批示"}
        description={`未办结 ${openCount} 条，其中逾期 ${overdueCount} 条。单位回复后，${office ? "批示领导或督查室" : "您"}采纳即办结，不满意可以追问，也可以转为督办件。${office ? "" : "在晾晒墙的任一条晒报下可以写批示。"}`}
      />
      <TabLinks
        label="批示状态"
        tabs={[
          { href: "/leader/instructions", label: `未办结（${openCount}）`, current: show === "open" },
          { href: "/leader/instructions?show=overdue", label: `逾期（${overdueCount}）`, current: show === "overdue" },
          { href: "/leader/instructions?show=closed", label: "已办结", current: show === "closed" },
        ]}
      />
      {instructions.length === 0 ? (
        <EmptyState title={EMPTY[show]}>
          <Link href="/feed" className="text-brand-700 underline">
            去晾晒墙看看
          </Link>
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {instructions.map((i) => {
            const state = instructionState(i);
            const unit = unitOf(i.card);
            return (
              <li key={i.id} className="rounded-xl border border-stone-200 bg-white p-4" aria-label={`${unit.name} ${i.card.date} 的批示`}>
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600">
                  <Link href={`/feed?unit=${unit.id}&date=${i.card.date}`} className="link font-medium">
                    {unit.name}
                  </Link>
                  <span>
                    {i.card.date}
                    {i.slot ? ` ${SLOT_LABELS[i.slot]}` : ""} · {office ? `${i.leader.name}` : ""}批示于 {formatDistrictDateTime(i.createdAt)}
                  </span>
                  <Badge tone={INSTRUCTION_STATE_TONES[state]}>{INSTRUCTION_STATE_LABELS[state]}</Badge>
                  <InstructionDeadline instruction={i} today={today} />
                </p>
                <p className="mt-2 text-base text-stone-900">{i.text}</p>
                <InstructionThread entries={i.answers} />
                {i.closedAt ? <p className="mt-2 text-sm text-stone-600">办结于 {formatDistrictDateTime(i.closedAt)}</p> : null}
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  {state === "ANSWERED" ? <CloseInstructionForm instructionId={i.id} /> : null}
                  {i.order ? (
                    <Link href={`/orders/${i.order.id}`} className="link inline-flex min-h-11 items-center text-sm">
                      已转为督办件，查看 →
                    </Link>
                  ) : state !== "CLOSED" ? (
                    <ButtonLink href={`/orders/new?instructionId=${i.id}`}>转为督办件</ButtonLink>
                  ) : null}
                </div>
                {state === "ANSWERED" ? <ReaskInstructionForm instructionId={i.id} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
