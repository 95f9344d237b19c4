import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Section } from "@/components/ui/card";
import { CardSlots } from "@/components/reports/card-view";
import { InstructionForm } from "@/components/reports/instruction-forms";
import { taskHrefBase } from "@/components/tasks/links";
import { TaskList } from "@/components/tasks/task-list";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { homePathFor } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { findVisibleUnit, getCard, type CardSlotView } from "@/lib/reports/queries";
import { getSlotDeadlines } from "@/lib/settings";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { listUnitTasks } from "@/lib/tasks/queries";
import { addDays, districtToday, formatDistrictDateLong } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { parseSearchParams, dateParam, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "单位详情" };

export default async function UnitPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  const [{ unitId }, raw] = await Promise.all([params, searchParams]);
  const { date: asked } = parseSearchParams({ date: dateParam.optional() }, raw);
  // The scope is in the query: another unit's id finds nothing, and the user goes home.
  const unit = await findVisibleUnit(user, unitId);
  if (!unit) redirect(`${homePathFor(user.role)}?denied=1`);

  const now = new Date();
  const today = districtToday(now);
  const yesterday = addDays(today, -1);
  // ?date= shows an earlier day's card (linked from spot checks, flags and orders) instead of yesterday's.
  const earlier = asked && asked < today ? asked : yesterday;
  const [tasks, deadlines, todayCard, earlierCard] = await Promise.all([
    listUnitTasks(user, unit.id, today),
    getSlotDeadlines(user),
    getCard(user, unit.id, today),
    getCard(user, unit.id, earlier),
  ]);

  // Leaders instruct on what a unit showed (批示); the unit answers on its home page.
  const instruct =
    user.role === "LEADER" ? (slot: CardSlotView) => <InstructionForm slotId={slot.id} label={`${unit.name} ${SLOT_LABELS[slot.slot]}`} /> : undefined;

  return (
    <div className="space-y-6">
      <PageHeader title={unit.name} description={UNIT_KIND_LABELS[unit.kind]} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Section heading={<>今日 · {formatDistrictDateLong(today)}</>} className="space-y-3">
          <CardSlots card={todayCard} date={today} deadlines={deadlines} now={now} slotFooter={instruct} />
          <h2 className="pt-3 text-lg font-semibold">
            {earlier === yesterday ? `昨日 · ${formatDistrictDateLong(earlier)}` : `${earlier.slice(0, 4)}年${formatDistrictDateLong(earlier)}`}
          </h2>
          <CardSlots card={earlierCard} date={earlier} deadlines={deadlines} now={now} slotFooter={instruct} />
        </Section>
        <Section heading={<>年度任务清单（{tasks.length}）</>} headingId="tasks-heading" className="space-y-3">
          {tasks.length ? <TaskList tasks={tasks} hrefBase={taskHrefBase(user.role)} /> : <EmptyState title="暂无任务" />}
        </Section>
      </div>
    </div>
  );
}
