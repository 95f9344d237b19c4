import type { Metadata } from "next";
import Link from "next/link";
import { QuarterTabs } from "@/components/assessment/quarter-tabs";
import { ScoreStateBadge } from "@/components/assessment/score-state-badge";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listGroupScoring, resolveScoringQuarter } from "@/lib/assessment/queries";
import { quarterName } from "@/lib/assessment/quarters";
import { listQuarterInfos } from "@/lib/assessment/board";
import { districtToday, formatDistrictDateTime } from "@/lib/time";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { parseSearchParams, quarterParam, type RawSearchParams } from "@/lib/search-params";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { Section } from "@/components/ui/card";

export const metadata: Metadata = { title: "评分" };

export default async function AssessorScoresPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ASSESSOR"]);
  const { quarter: key } = parseSearchParams({ quarter: quarterParam.optional() }, await searchParams);
  const quarter = await resolveScoringQuarter(key, districtToday());
  if (!quarter) return <EmptyState title="还没有考核季度">请联系区督查室设置本年度的考核季度。</EmptyState>;
  const [groups, quarters] = await Promise.all([listGroupScoring(user, quarter.id), listQuarterInfos(user)]);
  if (groups.length === 0) return <EmptyState title="您还不是任何跟踪考核组的成员">请联系区督查室把您加入考核组。</EmptyState>;

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${quarterName(quarter.key)}评分`}
        description={quarter.status === "OPEN" ? "对照本组评分细则逐项打分，扣分须写明理由；提交后计入季度考核。" : "本季度已关闭，评分只能查看。"}
      />
      <QuarterTabs quarters={quarters} current={quarter.key} href={(k) => `/assessor/scores?quarter=${k}`} />
      {groups.map((group) => {
        const done = group.units.filter((u) => u.state === "SUBMITTED").length;
        return (
          <Section
            key={group.id}
            heading={
              <>
                {group.name}
                <span className="ml-2 text-base font-normal text-stone-600">
                  已提交 {done}/{group.units.length}
                </span>
              </>
            }
            className="space-y-3"
          >
            <Table caption={<>{group.name}各单位评分情况</>}>
              <TableHead>
                <Th>单位</Th>
                <Th className="whitespace-nowrap">状态</Th>
                <Th className="whitespace-nowrap">得分</Th>
                <Th className="hidden sm:table-cell">评分人</Th>
                <Th>
                  <span className="sr-only">操作</span>
                </Th>
              </TableHead>
              <TableBody>
                {group.units.map((unit) => (
                  <tr key={unit.id} data-unit={unit.name}>
                    <RowHeader label="单位">
                      {unit.name}
                      <span className="ml-1 text-xs font-normal text-stone-500">{UNIT_KIND_LABELS[unit.kind]}</span>
                    </RowHeader>
                    <Td label="状态">
                      <ScoreStateBadge state={unit.state} />
                    </Td>
                    <Td label="得分" className="tabular-nums">
                      {unit.points ?? "—"}
                    </Td>
                    <Td label="评分人" className="hidden text-stone-600 sm:table-cell">
                      {unit.assessorName ?? "—"}
                      {unit.submittedAt ? ` · ${formatDistrictDateTime(unit.submittedAt)}` : ""}
                    </Td>
                    <Td label="操作" align="right">
                      <Link
                        href={`/assessor/groups/${group.id}/units/${unit.id}?quarter=${quarter.key}`}
                        className="inline-flex min-h-11 items-center rounded-lg px-2 font-medium whitespace-nowrap text-brand-800 underline underline-offset-4"
                        aria-label={`${unit.state === "SUBMITTED" || quarter.status === "CLOSED" ? "查看" : "评分"}：${unit.name}`}
                      >
                        {unit.state === "SUBMITTED" || quarter.status === "CLOSED" ? "查看" : "评分"}
                      </Link>
                    </Td>
                  </tr>
                ))}
              </TableBody>
            </Table>
          </Section>
        );
      })}
    </div>
  );
}
