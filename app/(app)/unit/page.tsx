import type { Metadata } from "next";
import Link from "next/link";
import { DailyCard } from "@/components/reports/daily-card";
import { AnswerForm } from "@/components/reports/instruction-forms";
import { InstructionDeadline, InstructionThread } from "@/components/reports/instruction-thread";
import { RemindButton } from "@/components/reports/remind-button";
import { TaskList } from "@/components/tasks/task-list";
import { Card, Section } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS, UNIT_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { loadCardEditor } from "@/lib/reports/editor";
import { getCard, listOpenInstructions, listUnitReminders } from "@/lib/reports/queries";
import { getSlotDeadlines } from "@/lib/settings";
import { currentSlot, SLOT_LABELS, slotState } from "@/lib/reports/slots";
import { listUnitTasks } from "@/lib/tasks/queries";
import { districtToday, formatDistrictDateLong, formatDistrictDateTime, formatDistrictTime } from "@/lib/time";

export const metadata: Metadata = { title: "今日" };

export default async function UnitHomePage() {
  const user = await requireUser(UNIT_ROLES);
  if (!user.unitId) {
    return <EmptyState title="您的账号还没有分配单位">请联系区督查室为账号设置所属单位。</EmptyState>;
  }
  const now = new Date();
  const today = districtToday(now);
  const [card, deadlines, tasks, instructions, reminders] = await Promise.all([
    getCard(user, user.unitId, today),
    getSlotDeadlines(user),
    listUnitTasks(user, user.unitId, today),
    listOpenInstructions(user, user.unitId),
    listUnitReminders(user, user.unitId, today),
  ]);
  const carried = new Set((card?.items ?? []).map((i) => i.carriedFromId).filter((id): id is string => id !== null));
  const editor = await loadCardEditor(user, today, carried);
  const current = currentSlot(deadlines, now);
  const currentState = slotState(card?.slots.find((s) => s.slot === current)?.submittedAt, today, current, deadlines, now);
  const currentOpen = currentState === "PENDING" || currentState === "MISSING";
  const urgent = tasks.filter((t) => t.status !== "DONE").slice(0, 6);
  const remindedNow = reminders.filter((r) => r.slot === current);

  return (
    <div className="space-y-6">
      <PageHeader title={`${user.unitName} · 今日晒台`} description={formatDistrictDateLong(today)} />
      {currentOpen && remindedNow.length > 0 ? (
        <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {remindedNow[0].remindedBy.name}（{ROLE_LABELS[remindedNow[0].remindedBy.role]}）{formatDistrictTime(remindedNow[0].createdAt)} 提醒：请报送
          {SLOT_LABELS[current]}。
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Section heading="今日三晒" headingId="card-heading" headingClassName="mb-3">
          <DailyCard owner={user.id} card={card} editor={editor} date={today} deadlines={deadlines} now={now} current={current} />
          <p className="mt-3 text-sm text-stone-600">
            计划可以从
            <Link href="/unit/log" className="text-brand-700 underline">
              工作日志
            </Link>
            和任务清单中勾选，昨日未完成的事项自动列出，不必重复填写。
          </p>
        </Section>
        <div className="space-y-6">
          {instructions.length > 0 ? (
            <Card heading="待回复的领导批示">
              <ul className="mt-3 space-y-3">
                {instructions.map((i) => (
                  <li key={i.id} className="rounded-lg bg-amber-50 p-3 text-sm">
                    <p className="text-base text-stone-900">{i.text}</p>
                    <p className="mt-1 flex flex-wrap items-center gap-x-2 text-stone-600">
                      <span>
                        {i.leader.title ?? ""} {i.leader.name} · {formatDistrictDateTime(i.createdAt)} · 针对 {i.card.date}
                        {i.slot ? ` ${SLOT_LABELS[i.slot]}` : ""}
                      </span>
                      <InstructionDeadline instruction={{ ...i, answeredAt: null, closedAt: null }} today={today} />
                    </p>
                    <InstructionThread entries={i.answers} />
                    <AnswerForm instructionId={i.id} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {user.role === "UNIT_HEAD" ? (
            <Card heading={<>催报 · 本单位{SLOT_LABELS[current]}</>}>
              <p className="mt-2 text-stone-700">{currentOpen ? `本单位还没有报送${SLOT_LABELS[current]}。` : `本单位已报送${SLOT_LABELS[current]}。`}</p>
              {currentOpen ? (
                <div className="mt-3">
                  <RemindButton slot={current} unitId={user.unitId} label="提醒本单位信息员" />
                </div>
              ) : null}
              <h3 className="mt-4 text-sm font-medium text-stone-700">今日催报记录</h3>
              {reminders.length > 0 ? (
                <ul className="mt-1 space-y-1 text-sm text-stone-700">
                  {reminders.map((r) => (
                    <li key={r.id}>
                      {formatDistrictTime(r.createdAt)} · {r.remindedBy.name}（{ROLE_LABELS[r.remindedBy.role]}）提醒报送{SLOT_LABELS[r.slot]}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-sm text-stone-600">今天还没有催报。</p>
              )}
            </Card>
          ) : null}
          <Section
            heading="需要关注的任务"
            headingAside={
              <Link href="/unit/tasks" className="link inline-flex min-h-11 items-center text-sm">
                全部任务 →
              </Link>
            }
            className="space-y-3"
          >
            {urgent.length ? <TaskList tasks={urgent} hrefBase="/unit/tasks" /> : <EmptyState title="没有未完成的任务">任务清单由区督查室下达。</EmptyState>}
          </Section>
        </div>
      </div>
    </div>
  );
}
