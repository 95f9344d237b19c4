import type { Metadata } from "next";
import Link from "next/link";
import { CardSlots } from "@/components/reports/card-view";
import { TaskList } from "@/components/tasks/task-list";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { UNIT_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getCard, listOpenInstructions } from "@/lib/reports/queries";
import { getSlotDeadlines } from "@/lib/settings";
import { listUnitTasks } from "@/lib/tasks/queries";
import { districtToday, formatDistrictDateLong, formatDistrictDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "今日" };

export default async function UnitHomePage() {
  const user = await requireUser(UNIT_ROLES);
  if (!user.unitId) {
    return <EmptyState title="您的账号还没有分配单位">请联系区督查室为账号设置所属单位。</EmptyState>;
  }
  const now = new Date();
  const today = districtToday(now);
  const [card, deadlines, tasks, instructions] = await Promise.all([
    getCard(user, user.unitId, today),
    getSlotDeadlines(db),
    listUnitTasks(user, user.unitId, today),
    listOpenInstructions(user, user.unitId),
  ]);
  const urgent = tasks.filter((t) => t.status !== "DONE").slice(0, 6);

  return (
    <div className="space-y-6">
      <PageHeader title={`${user.unitName} · 今日晒台`} description={formatDistrictDateLong(today)} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="card-heading">
          <h2 id="card-heading" className="mb-3 text-lg font-semibold">
            今日三晒
          </h2>
          <CardSlots card={card} date={today} deadlines={deadlines} now={now} />
        </section>
        <div className="space-y-6">
          {instructions.length > 0 ? (
            <Card aria-labelledby="instructions-heading">
              <CardTitle id="instructions-heading">待回复的领导批示</CardTitle>
              <ul className="mt-3 space-y-3">
                {instructions.map((i) => (
                  <li key={i.id} className="rounded-lg bg-amber-50 p-3 text-sm">
                    <p className="text-stone-900">{i.text}</p>
                    <p className="mt-1 text-stone-600">
                      {i.leader.title ?? ""} {i.leader.name} · {formatDistrictDateTime(i.createdAt)} · 针对 {i.card.date} 的晒报
                    </p>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <section aria-labelledby="tasks-heading">
            <div className="mb-3 flex items-baseline justify-between gap-3">
              <h2 id="tasks-heading" className="text-lg font-semibold">
                需要关注的任务
              </h2>
              <Link href="/unit/tasks" className="text-sm text-brand-700 hover:underline">
                全部任务 →
              </Link>
            </div>
            {urgent.length ? <TaskList tasks={urgent} hrefBase="/unit/tasks" /> : <EmptyState title="没有未完成的任务">任务清单由区督查室下达。</EmptyState>}
          </section>
        </div>
      </div>
    </div>
  );
}
