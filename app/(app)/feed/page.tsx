import type { Metadata } from "next";
import Link from "next/link";
import { FeedEntryCard } from "@/components/reports/feed-entry";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, SelectField } from "@/components/ui/field";
import { Progress } from "@/components/ui/progress";
import { UnitSelect } from "@/components/ui/unit-select";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatAmount } from "@/lib/reports/card-rules";
import { getFeedTask, listFeed, loadFeedFilterOptions, parseFeedFilters } from "@/lib/reports/feed";
import { SLOT_LABELS, SLOTS } from "@/lib/reports/slots";
import { progressRatio } from "@/lib/tasks/status";

export const metadata: Metadata = { title: "晾晒墙" };

export default async function FeedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Every signed-in role reads the feed: it is what the units showed to the district (lib/reports/feed.ts).
  const user = await requireUser();
  const { cursor, ...filters } = parseFeedFilters(await searchParams);
  const [options, page, task] = await Promise.all([
    loadFeedFilterOptions(),
    listFeed(filters, cursor),
    filters.taskId ? getFeedTask(user, filters.taskId) : null,
  ]);
  const query = new URLSearchParams(
    Object.entries({
      channel: filters.channelId,
      unit: filters.unitId,
      line: filters.lineId,
      keyTask: filters.keyTaskId,
      task: filters.taskId,
      date: filters.date,
      slot: filters.slot,
    }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const filtered = query.size > 0;
  const nextHref = page.nextCursor ? `/feed?${new URLSearchParams([...query, ["cursor", page.nextCursor]])}` : null;

  return (
    <div className="space-y-5">
      <PageHeader title="晾晒墙" description="各单位一日三晒，最新的在前。可按工作群、单位、分线、重点工作和日期筛选。" />
      <details className="rounded-xl border border-stone-200 bg-white p-3" open={filtered}>
        <summary className="min-h-11 cursor-pointer content-center font-medium">筛选{filtered ? "（已筛选）" : ""}</summary>
        <form method="get" action="/feed" className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="筛选晒报">
          {filters.taskId ? <input type="hidden" name="task" value={filters.taskId} /> : null}
          <SelectField id="f-channel" label="工作群" name="channel" defaultValue={filters.channelId ?? ""}>
            <AllOptions items={options.channels} />
          </SelectField>
          <UnitSelect
            id="f-unit"
            label="单位"
            name="unit"
            units={options.units}
            defaultValue={filters.unitId ?? ""}
            emptyLabel="全部"
            className="sm:col-span-2"
          />
          <SelectField id="f-line" label="分线 / 指挥部" name="line" defaultValue={filters.lineId ?? ""}>
            <AllOptions items={options.lines} />
          </SelectField>
          <SelectField id="f-key" label="重点工作" name="keyTask" defaultValue={filters.keyTaskId ?? ""}>
            <AllOptions items={options.keyTasks} />
          </SelectField>
          <Field id="f-date" label="日期" type="date" name="date" defaultValue={filters.date ?? ""} />
          <SelectField id="f-slot" label="时段" name="slot" defaultValue={filters.slot ?? ""}>
            <AllOptions items={SLOTS.map((s) => ({ id: s, name: SLOT_LABELS[s] }))} />
          </SelectField>
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
            <Button type="submit">筛选</Button>
            {filtered ? <ButtonLink href="/feed">清除筛选</ButtonLink> : null}
          </div>
        </form>
      </details>

      {filters.taskId && task ? (
        <Card aria-label="筛选的任务">
          <p className="text-sm text-stone-600">
            {task.unit.name}
            {task.keyTask ? ` · ${task.keyTask.name}` : ""} · 截止 {task.deadline}
          </p>
          <p className="mt-1 font-semibold">{task.title}</p>
          <div className="mt-2 flex items-center gap-3">
            <Progress ratio={progressRatio(task)} label={`${task.title} 完成进度`} />
            <span className="shrink-0 text-sm tabular-nums">
              {formatAmount(task.valueReached)}/{formatAmount(task.target)} {task.measure}
            </span>
          </div>
        </Card>
      ) : null}

      {page.entries.length === 0 ? (
        <EmptyState title="没有符合条件的晒报">{filtered ? "换个条件试试，或清除筛选。" : "各单位报送后会出现在这里。"}</EmptyState>
      ) : (
        <div className="space-y-3">
          {page.entries.map((entry) => (
            <FeedEntryCard key={entry.id} entry={entry} canInstruct={user.role === "LEADER"} />
          ))}
        </div>
      )}
      <nav aria-label="翻页" className="flex gap-2">
        {cursor ? <ButtonLink href={`/feed${query.size ? `?${query}` : ""}`}>回到最新</ButtonLink> : null}
        {nextHref ? (
          <Link href={nextHref} className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-4 font-medium hover:bg-stone-100">
            更早的晒报
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

type Named = { id: string; name: string };

function NamedOptions({ items }: { items: Named[] }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}

/** "全部" (no filter), then one option per item. */
function AllOptions({ items }: { items: Named[] }) {
  return (
    <>
      <option value="">全部</option>
      <NamedOptions items={items} />
    </>
  );
}
