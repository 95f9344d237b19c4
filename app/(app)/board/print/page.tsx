import type { Metadata } from "next";
import { FlagBoard } from "@/components/board/flag-board";
import { PrintButton } from "@/components/board/print-button";
import { RankingTable } from "@/components/board/ranking-table";
import { EmptyState } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { readPublicFlagHistory, readQuarterResults, resolveBoardQuarter } from "@/lib/assessment/board";
import { quarterName } from "@/lib/assessment/quarters";
import { rankingRowsOf } from "@/lib/assessment/results";
import { districtToday, formatDistrictDateTime } from "@/lib/time";
import { UNIT_KIND_ENTRIES } from "@/lib/labels";
import { parseSearchParams, quarterParam, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "考核排名（打印）" };

const KINDS = UNIT_KIND_ENTRIES;

/** The review meeting's printout: both rankings with every component, and the flags. A4 landscape. */
export default async function BoardPrintPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["LEADER", "ADMIN"]);
  const { quarter: key } = parseSearchParams({ quarter: quarterParam.optional() }, await searchParams);
  const now = new Date();
  const { quarter } = await resolveBoardQuarter(user, key, districtToday(now));
  if (!quarter) return <EmptyState title="还没有考核季度" />;
  const [results, flags] = await Promise.all([readQuarterResults(user, quarter, now), readPublicFlagHistory()]);
  const quarterFlags = flags.history.find((h) => h.quarter === quarter.key)?.flags ?? [];

  return (
    <article className="space-y-6 print:text-[11px]">
      <style>{"@page { size: A4 landscape; margin: 12mm; }"}</style>
      <header className="flex flex-wrap items-end justify-between gap-3 border-b border-stone-300 pb-3">
        <div>
          <h1 className="text-2xl font-bold">{quarterName(quarter.key)}考核排名</h1>
          <p className="text-stone-700">
            {results.live
              ? `实时计算，截至 ${results.asOf}（季度尚未关闭，仅供参考）`
              : `第 ${quarter.version} 版，${quarter.closedAt ? `${formatDistrictDateTime(quarter.closedAt)} 关闭，` : ""}数据截至 ${results.asOf}`}
            · 打印于 {formatDistrictDateTime(now)}
          </p>
        </div>
        <PrintButton />
      </header>
      {KINDS.map(([kind, label]) => (
        <section key={kind} className="space-y-2">
          <h2 className="text-lg font-semibold">{label}</h2>
          <RankingTable rows={rankingRowsOf(results.rows.filter((r) => r.kind === kind))} quarterKey={quarter.key} caption={`${label}排名`} />
        </section>
      ))}
      {results.live ? null : (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">本季度授旗</h2>
          <FlagBoard flags={quarterFlags} />
        </section>
      )}
      <p className="text-sm text-stone-600">总分 = 各项得分之和 + 领导加减分；一票否决的单位考核不合格，排在同类最后。各项计分方法见“考核规则”。</p>
    </article>
  );
}
