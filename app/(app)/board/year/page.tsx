import type { Metadata } from "next";
import Link from "next/link";
import { FlagBadge } from "@/components/assessment/flag-badge";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { quarterName } from "@/lib/assessment/quarters";
import { listAssessmentYears, readYearResults } from "@/lib/assessment/board";
import { YEAR_RULE } from "@/lib/assessment/year";
import { districtToday } from "@/lib/time";
import { UNIT_KIND_ENTRIES } from "@/lib/labels";

export const metadata: Metadata = { title: "年度考核" };

const KINDS = UNIT_KIND_ENTRIES;

/** The year's result per unit from its four quarters, ranked per kind, with the year's flags. */
export default async function BoardYearPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requireUser(["LEADER", "ADMIN"]);
  const { year: yearParam } = await searchParams;
  const years = await listAssessmentYears(user);
  const thisYear = Number(districtToday().slice(0, 4));
  const year = years.includes(Number(yearParam)) ? Number(yearParam) : years.includes(thisYear) ? thisYear : (years.at(-1) ?? thisYear);
  const results = await readYearResults(user, year);
  const closedCount = results.quarters.filter((q) => q.closed).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${year} 年度考核`}
        description={results.complete ? "四个季度均已关闭，年度结果已确定。" : `暂定：已关闭 ${closedCount} 个季度，第四季度关闭后确定。`}
        actions={
          <div className="no-print flex flex-wrap gap-2">
            <ButtonLink href="/board">季度排名</ButtonLink>
            <ButtonLink href={`/board/year/export?year=${year}`} prefetch={false}>
              导出 Excel
            </ButtonLink>
          </div>
        }
      />
      <nav aria-label="选择年度" className="no-print flex flex-wrap gap-2">
        {years.map((y) => (
          <Link
            key={y}
            href={`/board/year?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className={cn(
              "flex min-h-11 items-center rounded-lg border px-3",
              y === year ? "border-brand-700 bg-brand-50 text-brand-800" : "border-stone-300 bg-white text-stone-700",
            )}
          >
            {y} 年
          </Link>
        ))}
      </nav>
      <p className="rounded-lg bg-stone-100 px-4 py-3 text-sm text-stone-800">
        <strong>计算规则：</strong>
        {YEAR_RULE}
      </p>
      {closedCount === 0 ? (
        <EmptyState title="本年度还没有已关闭的季度">季度关闭后，这里汇总各单位的年度得分、名次和红黄旗。</EmptyState>
      ) : (
        KINDS.map(([kind, label]) => {
          const rows = results.rows.filter((r) => r.kind === kind);
          return (
            <section key={kind} aria-labelledby={`year-${kind}`} className="space-y-3">
              <h2 id={`year-${kind}`} className="text-xl font-semibold">
                {label}年度排名
              </h2>
              <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
                <table className="w-full text-left text-sm [&_td]:px-2 [&_td]:py-1.5 [&_th]:px-2 [&_th]:py-1.5">
                  <caption className="sr-only">
                    {year} 年{label}年度排名
                  </caption>
                  <thead className="bg-stone-100 text-stone-700 [&_th]:font-medium">
                    <tr>
                      <th scope="col">名次</th>
                      <th scope="col">单位</th>
                      <th scope="col" className="text-right">
                        年度得分
                      </th>
                      {results.quarters.map((q) => (
                        <th key={q.key} scope="col" className="text-right whitespace-nowrap">
                          {quarterName(q.key).replace(`${year}年`, "")}
                        </th>
                      ))}
                      <th scope="col">红黄旗</th>
                      <th scope="col">结论</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100">
                    {rows.map((r) => (
                      <tr key={r.unitId} data-unit={r.unitName} className="align-top">
                        <td className="tabular-nums">{r.rank || "—"}</td>
                        <th scope="row" className="font-medium whitespace-nowrap">
                          {r.unitName}
                        </th>
                        <td className="text-right font-semibold tabular-nums">
                          {r.excluded ? <span className="font-normal text-stone-600">不参与排名</span> : r.score === null ? "—" : r.score.toFixed(2)}
                        </td>
                        {r.quarters.map((q) => (
                          <td key={q.quarter} className="text-right tabular-nums">
                            {q.closed ? (
                              <Link href={`/board/units/${r.unitId}?quarter=${q.quarter}`} className="hover:underline">
                                {q.total === null ? "—" : q.total.toFixed(2)}
                                {q.rank ? <span className="block text-xs text-stone-600">第 {q.rank} 名</span> : null}
                              </Link>
                            ) : (
                              <span className="text-stone-500">未关闭</span>
                            )}
                          </td>
                        ))}
                        <td>
                          <span className="flex flex-wrap gap-1">
                            {r.quarters
                              .filter((q) => q.flag)
                              .map((q) => (
                                <span key={q.quarter} className="inline-flex items-center gap-1 text-xs text-stone-700">
                                  {`Q${q.quarter.slice(-1)}`}
                                  <FlagBadge color={q.flag!.color} />
                                </span>
                              ))}
                          </span>
                        </td>
                        <td>
                          {r.failed ? <Badge tone="bad">不合格（一票否决）</Badge> : r.excluded ? <span className="text-stone-600">考核组织单位</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          );
        })
      )}
    </div>
  );
}
