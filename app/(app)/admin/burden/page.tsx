import type { Metadata } from "next";
import { BurdenChart } from "@/components/reports/burden-chart";
import { Card, Section, Stat } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { keyOf, parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { requireUser } from "@/lib/auth/session";
import { loadBurden } from "@/lib/reports/queries";
import { districtToday } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { TabLinks } from "@/components/ui/tab-links";

export const metadata: Metadata = { title: "填报负担" };

const SORTS = { month: "近30天", week: "近7天", maxDay: "最多一天" } as const;
type Sort = keyof typeof SORTS;

export default async function BurdenPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const { sort } = parseSearchParams({ sort: keyOf(SORTS).default("month") }, await searchParams);
  const today = districtToday();
  const { units, summary } = await loadBurden(user, today);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const rows = [...summary.units].sort((a, b) => b[sort] - a[sort]);
  const mean = (key: "week" | "month") => (rows.length ? rows.reduce((s, r) => s + r[key], 0) / rows.length : 0);
  const measured = rows.reduce((s, r) => s + r.measured, 0);
  const total = rows.reduce((s, r) => s + r.slots, 0);

  return (
    <div className="space-y-6">
      <PageHeader
        title="填报负担"
        description={`每个单位每天花在一日三晒上的时间（从开始填写到提交，含更正），统计 ${summary.from} 至 ${summary.to}。负担要轻：按规定不以留痕多少评价单位。`}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <Stat label="近7天 · 每单位每天" value={`${mean("week").toFixed(1)} 分钟`} />
        <Stat label="近30天 · 每单位每天" value={`${mean("month").toFixed(1)} 分钟`} />
        <Stat label="计时覆盖" value={total ? `${Math.round((measured / total) * 100)}%` : "—"} hint="通过接口提交且未带开始时间的不计时" />
      </div>
      <Card heading="近30天全区每单位平均（分钟/天）">
        <BurdenChart rows={summary.daily} />
      </Card>
      <Section
        heading="各单位（分钟/天）"
        headingAside={
          <TabLinks
            label="排序"
            tabs={(Object.keys(SORTS) as Sort[]).map((key) => ({ href: `/admin/burden?sort=${key}`, label: <>按{SORTS[key]}</>, current: key === sort }))}
          />
        }
        className="space-y-3"
      >
        <Table caption={`各单位填报负担，按${SORTS[sort]}从高到低`}>
          <TableHead>
            <Th>单位</Th>
            <Th>类别</Th>
            <Th align="right">近7天</Th>
            <Th align="right">近30天</Th>
            <Th align="right">最多一天</Th>
            <Th align="right">今日</Th>
            <Th align="right">计时/报送</Th>
          </TableHead>
          <TableBody className="tabular-nums">
            {rows.map((row) => {
              const unit = unitById.get(row.unitId)!;
              return (
                <tr key={row.unitId} data-unit={unit.name}>
                  <RowHeader label="单位">{unit.name}</RowHeader>
                  <Td label="类别" className="text-stone-600">
                    {UNIT_KIND_LABELS[unit.kind]}
                  </Td>
                  <Td label="近7天" align="right">
                    {row.week.toFixed(1)}
                  </Td>
                  <Td label="近30天" align="right">
                    {row.month.toFixed(1)}
                  </Td>
                  <Td label="最多一天" align="right">
                    {row.maxDay.toFixed(1)}
                  </Td>
                  <Td label="今日" align="right">
                    {row.today.toFixed(1)}
                  </Td>
                  <Td label="计时/报送" align="right" className="text-stone-600">
                    {row.measured}/{row.slots}
                  </Td>
                </tr>
              );
            })}
          </TableBody>
        </Table>
      </Section>
    </div>
  );
}
