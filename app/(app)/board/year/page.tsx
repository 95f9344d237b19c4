import type { Metadata } from "next";
import Link from "next/link";
import { FlagBadge } from "@/components/assessment/flag-badge";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { quarterName } from "@/lib/assessment/quarters";
import { listAssessmentYears, readYearResults } from "@/lib/assessment/board";
import { YEAR_RULE } from "@/lib/assessment/year";
import { districtToday } from "@/lib/time";
import { UNIT_KIND_ENTRIES } from "@/lib/labels";
import { parseSearchParams, yearParam, type RawSearchParams } from "@/lib/search-params";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { TabLinks } from "@/components/ui/tab-links";
import { Section } from "@/components/ui/card";

export const metadata: Metadata = { title: "年度考核" };

const KINDS = UNIT_KIND_ENTRIES;

/** The year's result per unit from its four quarters, ranked per kind, with the year's flags. */
export default async function BoardYearPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["LEADER", "ADMIN"]);
  const { year: asked } = parseSearchParams({ year: yearParam.optional() }, await searchParams);
  const years = await listAssessmentYears(user);
  const thisYear = Number(districtToday().slice(0, 4));
  const year = asked !== undefined && years.includes(asked) ? asked : years.includes(thisYear) ? thisYear : (years.at(-1) ?? thisYear);
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
      <TabLinks label="选择年度" className="no-print" tabs={years.map((y) => ({ href: `/board/year?year=${y}`, label: <>{y} 年</>, current: y === year }))} />
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
            <Section key={kind} heading={<>{label}年度排名</>} headingId={`year-${kind}`} headingClassName="text-xl" className="space-y-3">
              <Table caption={`${year} 年${label}年度排名`} className="[&_td]:px-2 [&_td]:py-1.5 [&_th]:px-2 [&_th]:py-1.5">
                <TableHead>
                  <Th>名次</Th>
                  <Th>单位</Th>
                  <Th align="right">年度得分</Th>
                  {results.quarters.map((q) => (
                    <Th key={q.key} align="right" className="whitespace-nowrap">
                      {quarterName(q.key).replace(`${year}年`, "")}
                    </Th>
                  ))}
                  <Th>红黄旗</Th>
                  <Th>结论</Th>
                </TableHead>
                <TableBody>
                  {rows.map((r) => (
                    <tr key={r.unitId} data-unit={r.unitName} className="align-top">
                      <Td label="名次" className="tabular-nums">
                        {r.rank || "—"}
                      </Td>
                      <RowHeader label="单位" className="whitespace-nowrap">
                        {r.unitName}
                      </RowHeader>
                      <Td label="年度得分" align="right" className="font-semibold tabular-nums">
                        {r.excluded ? <span className="font-normal text-stone-600">不参与排名</span> : r.score === null ? "—" : r.score.toFixed(2)}
                      </Td>
                      {r.quarters.map((q) => (
                        <Td key={q.quarter} label={quarterName(q.quarter).replace(`${year}年`, "")} align="right" className="tabular-nums">
                          {q.closed ? (
                            <Link href={`/board/units/${r.unitId}?quarter=${q.quarter}`} className="link">
                              {q.total === null ? "—" : q.total.toFixed(2)}
                              {q.rank ? <span className="block text-xs text-stone-600">第 {q.rank} 名</span> : null}
                            </Link>
                          ) : (
                            <span className="text-stone-500">未关闭</span>
                          )}
                        </Td>
                      ))}
                      <Td label="红黄旗">
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
                      </Td>
                      <Td label="结论">
                        {r.failed ? <Badge tone="bad">不合格（一票否决）</Badge> : r.excluded ? <span className="text-stone-600">考核组织单位</span> : null}
                      </Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </Section>
          );
        })
      )}
    </div>
  );
}
