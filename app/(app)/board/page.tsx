import type { Metadata } from "next";
import { QuarterTabs } from "@/components/assessment/quarter-tabs";
import { FlagBoard } from "@/components/board/flag-board";
import { HeatMap } from "@/components/board/heat-map";
import { LazyKeyTaskChart, LazyRankingChart, LazyTrendChart } from "@/components/board/lazy-charts";
import { RankingTable } from "@/components/board/ranking-table";
import { ButtonLink } from "@/components/ui/button";
import { Card, Section } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { loadDisciplineHeatMap, loadKeyTaskProgress, readPublicFlagHistory, readQuarterResults, readTrends, resolveBoardQuarter } from "@/lib/assessment/board";
import { parseQuarterKey, quarterName, quarterShortName } from "@/lib/assessment/quarters";
import { TIE_CRITERIA } from "@/lib/assessment/ranking";
import { rankingRowsOf } from "@/lib/assessment/results";
import { addDays, districtToday } from "@/lib/time";
import { UNIT_KIND_ENTRIES } from "@/lib/labels";
import { parseSearchParams, flagParam, quarterParam, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "考核排名" };

const KINDS = UNIT_KIND_ENTRIES;

export default async function BoardPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["LEADER", "ADMIN"]);
  const { quarter: key, projector: projectorFlag } = parseSearchParams(
    { quarter: quarterParam.optional(), projector: flagParam.optional() },
    await searchParams,
  );
  const projector = projectorFlag === "1";
  const now = new Date();
  const today = districtToday(now);
  const { quarter, quarters } = await resolveBoardQuarter(user, key, today);
  if (!quarter) return <EmptyState title="还没有考核季度">请督查室在“考核规则”中设置本年度的考核。</EmptyState>;

  const [results, flags, trends, keyTasks, heat] = await Promise.all([
    readQuarterResults(user, quarter, now),
    readPublicFlagHistory(),
    readTrends(user),
    loadKeyTaskProgress(user, today),
    loadDisciplineHeatMap(user, addDays(today, -1)),
  ]);
  const query = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams(
      Object.entries({ quarter: quarter.key, projector: projector ? "1" : undefined, ...extra }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    return `/board?${params}`;
  };
  const trendQuarters = trends.quarters.map((q) => quarterShortName(parseQuarterKey(q)!));
  const firstYellow = flags.current.find((f) => f.color === "YELLOW");

  return (
    <div className={cn("space-y-8", projector && "projector")}>
      <PageHeader
        title={`考核排名 · ${quarterName(quarter.key)}`}
        description={
          results.live
            ? `实时计算，截至 ${results.asOf}；本季度尚未关闭，排名仅供参考，以关闭时冻结的结果为准。`
            : `已于关闭时冻结（第 ${quarter.version} 版，数据截至 ${results.asOf}）。点任一分数可查看计分依据。同分时依次比较：${TIE_CRITERIA}；仍相同的并列，在红黄旗分界处共享旗帜。`
        }
        actions={
          <div className="no-print flex flex-wrap gap-2">
            <ButtonLink href={query({ projector: projector ? "" : "1" })}>{projector ? "退出投影模式" : "投影模式"}</ButtonLink>
            <ButtonLink href={`/board/year?year=${quarter.year}`}>年度考核</ButtonLink>
            <ButtonLink href={`/board/print?quarter=${quarter.key}`}>打印版</ButtonLink>
            <ButtonLink href={`/board/export?quarter=${quarter.key}`} prefetch={false}>
              导出 Excel
            </ButtonLink>
          </div>
        }
      />
      <QuarterTabs quarters={quarters} current={quarter.key} href={(k) => query({ quarter: k })} />
      {quarter.earlyCloseReason ? (
        <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950">
          <strong>提前关闭：</strong>本季度在最后一天结束前由督查室关闭，数据截至 {results.asOf}。原因：{quarter.earlyCloseReason}
        </p>
      ) : null}

      <Section heading="流动红黄旗" headingId="flags-h" headingClassName="text-xl" className="space-y-3">
        <FlagBoard flags={flags.current} linkTo={(f) => `/board/units/${f.unitId}?quarter=${f.quarter}`} />
      </Section>

      {KINDS.map(([kind, label]) => {
        const rows = results.rows.filter((r) => r.kind === kind);
        const ranked = rows.filter((r) => r.ranked);
        const excluded = rows.filter((r) => r.breakdown.excluded);
        const retired = rows.filter((r) => r.breakdown.retired && !r.breakdown.excluded);
        const noData = rows.length - ranked.length - excluded.length - retired.length;
        return (
          <Section
            key={kind}
            heading={
              <>
                {label}排名
                <span className="ml-2 text-base font-normal text-stone-600">
                  {ranked.length} 个单位参与排名{noData > 0 ? `，${noData} 个数据不足` : ""}
                  {excluded.length > 0 ? `，${excluded.length} 个考核组织单位不参与排名` : ""}
                  {retired.length > 0 ? `，${retired.length} 个已撤销` : ""}
                </span>
              </>
            }
            headingId={`rank-${kind}`}
            headingClassName="text-xl"
            className="space-y-3"
          >
            {excluded.length > 0 ? (
              <p className="text-sm text-stone-600">不参与排名（考核组织单位，督查室在考核规则中设置）：{excluded.map((r) => r.unitName).join("、")}。</p>
            ) : null}
            {rows.length === 0 ? (
              <EmptyState title="本季度还没有数据" />
            ) : (
              // The table takes the whole width up to 2xl, so that its columns fit a 1366 px laptop; min-w-0 keeps a phone's page from overflowing.
              <div className="grid gap-4 2xl:grid-cols-5">
                <div className="min-w-0 2xl:col-span-3">
                  <RankingTable
                    rows={rankingRowsOf(rows)}
                    quarterKey={quarter.key}
                    caption={`${quarterName(quarter.key)}${label}排名`}
                    collapseAfter={projector || kind === "TOWN" ? undefined : 10}
                  />
                </div>
                <Card className="min-w-0 2xl:col-span-2">
                  <LazyRankingChart
                    label={`${label}总分`}
                    rows={ranked.map((r) => ({
                      name: r.unitName,
                      total: r.total,
                      tone: r.failed ? "failed" : r.flag?.color === "RED" ? "red" : r.flag?.color === "YELLOW" ? "yellow" : "plain",
                    }))}
                  />
                </Card>
              </div>
            )}
          </Section>
        );
      })}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card heading="各单位季度走势" headingId="trend-h">
          {trends.quarters.length === 0 ? (
            <p className="mt-2 text-stone-600">还没有已关闭的季度。</p>
          ) : (
            <LazyTrendChart
              quarters={trendQuarters}
              initialUnitId={firstYellow?.unitId}
              units={trends.units.map((u) => ({
                unitId: u.unitId,
                unitName: u.unitName,
                kind: u.kind,
                totals: u.points.map((p) => p.total),
                ranks: u.points.map((p) => p.rank),
              }))}
            />
          )}
        </Card>
        <Card heading="重点工作进度">
          <LazyKeyTaskChart rows={keyTasks.map((k) => ({ name: k.name, percent: Math.round(k.ratio * 100) }))} />
        </Card>
      </div>

      <Card heading={<>晒报纪律（近 {heat.dates.length} 天）</>}>
        <p className="mt-1 mb-3 text-sm text-stone-600">每格一天：三晒均按时、有迟报、有未晒；只展示，按考核规则默认不计分。</p>
        {KINDS.map(([kind, label]) => (
          <HeatMap
            key={kind}
            title={label}
            defaultOpen={kind === "TOWN"}
            dates={heat.dates}
            rows={heat.rows.filter((r) => r.kind === kind).map(({ unitId, unitName, cells }) => ({ unitId, unitName, cells }))}
          />
        ))}
      </Card>
    </div>
  );
}
