import Link from "next/link";
import { formatAmount } from "@/components/tasks/format";
import { ProgressChart } from "@/components/tasks/progress-chart";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ProgressHistory } from "@/lib/tasks/queries";
import { formatDistrictDateTime } from "@/lib/time";

/** The task's progress history: its value over time and every change with its source, newest first. */
export function ProgressHistoryCard({ history, target, measure, deadline }: { history: ProgressHistory; target: number; measure: string; deadline: string }) {
  return (
    <Card heading="进度记录" headingClassName="mb-3">
      {history.series.length > 0 ? <ProgressChart series={history.series} target={target} measure={measure} deadline={deadline} /> : null}
      {history.rows.length === 0 ? (
        <p className="text-sm text-stone-600">还没有进度变化。晚晒勾选完成并填写完成量，或在任务页填报进度后，这里会按日期记下每一次变化。</p>
      ) : (
        <ol className="mt-3 divide-y divide-stone-100 text-sm" aria-label="进度变化，最新在前">
          {history.rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
              <div className="min-w-0">
                <span className="tabular-nums font-medium text-stone-900">{row.date}</span>{" "}
                <span className={cn("rounded px-1.5 py-0.5 text-xs", row.source === "REVERSAL" ? "bg-red-50 text-red-800" : "bg-stone-100 text-stone-700")}>
                  {row.sourceLabel}
                </span>{" "}
                <span className="text-stone-700">{row.milestoneTitle ? `节点「${row.milestoneTitle}」` : "任务"}</span>
                <div className="text-xs text-stone-500">
                  {row.actorName ?? "系统"} · 记录于 {formatDistrictDateTime(row.at)}
                  {row.link ? (
                    <>
                      {" · "}
                      <Link href={row.link.href} className="text-brand-700 underline">
                        {row.link.label}
                      </Link>
                    </>
                  ) : null}
                </div>
              </div>
              <div className="shrink-0 tabular-nums">
                <span className={row.delta < 0 ? "text-red-700" : "text-emerald-800"}>
                  {row.delta > 0 ? "+" : row.delta < 0 ? "−" : "±"}
                  {formatAmount(Math.abs(row.delta))}
                </span>
                <span className="text-stone-600">
                  {" "}
                  → {formatAmount(row.valueAfter)}
                  {measure}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
      {history.more > 0 ? (
        <p className="mt-2 text-xs text-stone-500">
          只显示最近 {history.rows.length} 条，另有 {history.more} 条较早的记录在导出的 Excel“进度记录”表中。
        </p>
      ) : null}
    </Card>
  );
}
