import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AdjustmentForm, UnitVetoForm } from "@/components/assessment/adjustment-forms";
import { FlagBadge } from "@/components/assessment/flag-badge";
import { QuarterTabs } from "@/components/assessment/quarter-tabs";
import { ScoreRecords } from "@/components/assessment/score-records";
import { Badge } from "@/components/ui/badge";
import { Card, Section, Stat } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { homePathFor } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { findBoardUnit, listUnitQuarterRecords, readQuarterResults, readScoringRules, readTrends, resolveBoardQuarter } from "@/lib/assessment/board";
import { quarterName } from "@/lib/assessment/quarters";
import { type SourceType, lateRuleText } from "@/lib/assessment/scoring";
import { ITEM_STATUS_LABELS } from "@/lib/tasks/status";
import { districtToday, formatDistrictDateTime } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { parseSearchParams, quarterParam, type RawSearchParams } from "@/lib/search-params";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "计分依据" };

const SOURCE_LABELS: Record<SourceType, string> = {
  task: "任务",
  milestone: "节点",
  groupScoreItem: "评分细则",
  spotCheck: "抽查",
  order: "督办单",
  slots: "晒报",
};

function signed(n: number): string {
  return `${n > 0 ? "+" : ""}${n.toFixed(2)}`;
}

/** Drill-down: one unit's score in a quarter, every point traced to the record behind it. */
export default async function BoardUnitPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["LEADER", "ADMIN"]);
  const [{ unitId }, raw] = await Promise.all([params, searchParams]);
  const { quarter: key } = parseSearchParams({ quarter: quarterParam.optional() }, raw);
  const unit = await findBoardUnit(user, unitId);
  if (!unit) redirect(`${homePathFor(user.role)}?denied=1`);
  const now = new Date();
  const { quarter, quarters } = await resolveBoardQuarter(user, key, districtToday(now));
  if (!quarter) return <EmptyState title="还没有考核季度" />;

  const [results, trends, records, rules] = await Promise.all([
    readQuarterResults(user, quarter, now),
    readTrends(user),
    listUnitQuarterRecords(user, unit.id, quarter.id),
    readScoringRules(user, quarter.year),
  ]);
  if (!rules) redirect(`${homePathFor(user.role)}?denied=1`);
  const row = results.rows.find((r) => r.unitId === unit.id);
  const peers = results.rows.filter((r) => r.kind === unit.kind && r.ranked).length;
  const trend = trends.units.find((u) => u.unitId === unit.id);
  const kindName = UNIT_KIND_LABELS[unit.kind];
  // Recorded after the snapshot was taken: shown, and counted only by a correction.
  const inSnapshot = new Set([...(row?.breakdown.adjustments.map((a) => a.id) ?? []), ...(row?.breakdown.vetoes.map((v) => v.id) ?? [])]);
  const pendingAdjustments = results.live ? [] : records.adjustments.filter((a) => !inSnapshot.has(a.id));
  const pendingVetoes = results.live ? [] : records.vetoes.filter((v) => !inSnapshot.has(v.id));
  const canAdjust = quarter.status === "OPEN" || user.role === "ADMIN";

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${unit.name} · ${quarterName(quarter.key)}`}
        description={results.live ? `实时计算，截至 ${results.asOf}；季度关闭时冻结。` : `关闭时冻结的第 ${quarter.version} 版，数据截至 ${results.asOf}。`}
        actions={
          <Link
            href={`/board?quarter=${quarter.key}`}
            className="no-print inline-flex min-h-11 items-center rounded-lg px-3 text-brand-800 underline underline-offset-4"
          >
            返回排名
          </Link>
        }
      />
      <QuarterTabs quarters={quarters} current={quarter.key} href={(k) => `/board/units/${unit.id}?quarter=${k}`} />
      {!row ? (
        <EmptyState title="该单位不在本季度的考核范围内">单位在季度截止日之后设立，或在季度开始前已撤销。</EmptyState>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-4">
            <Stat
              label="总分"
              value={row.ranked ? row.total.toFixed(2) : "—"}
              hint={row.ranked ? `基础分 ${row.breakdown.base.toFixed(2)}，加减分 ${signed(row.breakdown.adjustmentPoints)}` : "数据不足，不参与排名"}
            />
            <Stat label={`${kindName}名次`} value={row.rank ? `${row.rank}/${peers}` : "—"} />
            <Stat label="旗帜" value={row.flag ? <FlagBadge color={row.flag.color} streak={row.flag.streak} className="text-base" /> : "—"} />
            <Stat
              label="考核结论"
              value={
                row.failed ? (
                  <Badge tone="bad" className="text-base">
                    不合格
                  </Badge>
                ) : (
                  "—"
                )
              }
              hint={row.failed ? "一票否决" : undefined}
            />
          </div>
          {row.breakdown.notes.length ? (
            <ul className="list-disc space-y-1 rounded-xl bg-amber-50 py-3 pr-4 pl-8 text-amber-950">
              {row.breakdown.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}

          <Section heading="各项得分及来源" className="space-y-4">
            {row.breakdown.components.map((c) => (
              <Card
                key={c.key}
                id={`c-${c.key}`}
                heading={c.label}
                headingAside={
                  <p className="text-lg tabular-nums">
                    <strong>{c.points.toFixed(2)}</strong> / {c.maxPoints.toFixed(2)} 分<span className="ml-2 text-sm text-stone-600">权重 {c.weight}</span>
                  </p>
                }
                className="scroll-mt-20"
              >
                <p className="mt-1 text-sm text-stone-700">{c.explanation}</p>
                {c.key === "tasks" ? (
                  <p className="mt-1 text-sm text-stone-600" data-rule="done-late">
                    计分规则：按到期日和季度末的完成值计分（不按今天的值）；{lateRuleText(row.breakdown.lateCredit)}
                    ；往季逾期未完成的任务和节点在之后每个季度继续计入，直到完成。
                  </p>
                ) : null}
                {c.sources.length ? (
                  <Table caption={`${c.label}的计分依据`} plain frameClassName="mt-3">
                    <TableHead>
                      <Th>类型</Th>
                      <Th>记录</Th>
                      <Th align="right">分值</Th>
                    </TableHead>
                    <TableBody>
                      {c.sources.map((s) => (
                        <tr key={`${s.type}-${s.id}`} className="align-top">
                          <Td label="类型" className="whitespace-nowrap">
                            {SOURCE_LABELS[s.type]}
                          </Td>
                          <Td label="记录">
                            {s.state ? (
                              <Badge
                                tone={s.state === "DONE" ? "good" : s.state === "OVERDUE" ? "bad" : s.state === "DONE_LATE" ? "warn" : undefined}
                                className="mr-1"
                              >
                                {ITEM_STATUS_LABELS[s.state]}
                              </Badge>
                            ) : null}
                            {s.label}
                            {s.detail ? <span className="block text-stone-600">{s.detail}</span> : null}
                            <code className="block text-xs text-stone-500">编号 {s.id}</code>
                          </Td>
                          <Td label="分值" align="right" className="tabular-nums">
                            {signed(s.points)}
                          </Td>
                        </tr>
                      ))}
                    </TableBody>
                  </Table>
                ) : null}
              </Card>
            ))}
          </Section>

          <Card id="adjustments" heading="领导加减分与一票否决" className="scroll-mt-20">
            {row.breakdown.adjustments.length === 0 && row.breakdown.vetoes.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">本季度没有加减分或一票否决。</p>
            ) : null}
            <ul className="mt-2 space-y-2 text-sm">
              {row.breakdown.adjustments.map((a) => (
                <li key={a.id}>
                  <strong className="tabular-nums">{signed(a.points)}</strong> {a.reason}
                  <span className="block text-stone-600">
                    {a.by} · {formatDistrictDateTime(new Date(a.createdAt))} · <code className="text-xs">编号 {a.id}</code>
                  </span>
                </li>
              ))}
              {row.breakdown.vetoes.map((v) => (
                <li key={v.id}>
                  <Badge tone="bad">一票否决</Badge> {v.item}:{v.reason} <code className="text-xs text-stone-500">编号 {v.id}</code>
                </li>
              ))}
            </ul>
            {pendingAdjustments.length || pendingVetoes.length ? (
              <div className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
                <p className="font-medium">关闭后记录、尚未计入的（须督查室更正本季度后计入）：</p>
                <ul className="mt-1 space-y-1">
                  {pendingAdjustments.map((a) => (
                    <li key={a.id}>
                      {signed(a.points)} {a.reason}({a.createdBy.name})
                    </li>
                  ))}
                  {pendingVetoes.map((v) => (
                    <li key={v.id}>
                      一票否决：{v.vetoItem.name}:{v.reason}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Card>

          {trend ? (
            <Card heading="历季考核" headingId="trend-h">
              <Table caption="历季得分与名次" plain frameClassName="mt-2">
                <TableHead>
                  <Th>季度</Th>
                  <Th align="right">总分</Th>
                  <Th align="right">名次</Th>
                </TableHead>
                <TableBody>
                  {trend.points.map((p) => (
                    <tr key={p.quarter}>
                      <Td label="季度">
                        <Link href={`/board/units/${unit.id}?quarter=${p.quarter}`} className="link">
                          {quarterName(p.quarter)}
                        </Link>
                      </Td>
                      <Td label="总分" align="right" className="tabular-nums">
                        {p.total?.toFixed(2) ?? "—"}
                      </Td>
                      <Td label="名次" align="right" className="tabular-nums">
                        {p.rank ?? "—"}
                        {p.failed ? "（否决）" : ""}
                      </Td>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </Card>
          ) : null}
        </>
      )}

      <ScoreRecords user={user} records={records} quarterOpen={quarter.status === "OPEN"} vetoItems={rules.vetoItems} />

      {canAdjust ? (
        <Section heading="加减分与一票否决" headingClassName="sr-only" className="no-print grid gap-6 lg:grid-cols-2">
          <Card heading="加减分">
            <p className="mt-1 mb-3 text-sm text-stone-600">
              {quarter.status === "OPEN"
                ? "每次加减分须写明理由，计入本季度总分，并在计分依据中列出。"
                : "本季度已关闭：记录后不改变已冻结的结果，须在“季度”页面更正后计入。"}
            </p>
            <AdjustmentForm quarterId={quarter.id} unitId={unit.id} />
          </Card>
          {user.role === "ADMIN" ? (
            <Card heading="一票否决" headingId="veto-h">
              <p className="mt-1 mb-3 text-sm text-stone-600">单位本季度考核不合格，排在同类最后，不得红旗。</p>
              {rules.vetoItems.length ? (
                <UnitVetoForm quarterId={quarter.id} unitId={unit.id} items={rules.vetoItems} />
              ) : (
                <p className="text-sm">
                  {quarter.year} 年还没有否决事项，请先在{" "}
                  <Link href={`/admin/scoring/rules?year=${quarter.year}`} className="underline">
                    考核规则
                  </Link>{" "}
                  中添加。
                </p>
              )}
            </Card>
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
