import type { Metadata } from "next";
import Link from "next/link";
import { QuarterTabs } from "@/components/assessment/quarter-tabs";
import { ButtonLink } from "@/components/ui/button";
import { Stat } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listScoringProgress, resolveScoringQuarter } from "@/lib/assessment/queries";
import { quarterName } from "@/lib/assessment/quarters";
import { listQuarterInfos } from "@/lib/assessment/board";
import { districtToday } from "@/lib/time";
import { parseSearchParams, quarterParam, type RawSearchParams } from "@/lib/search-params";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "考核评分进度" };

export default async function AdminScoringPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const { quarter: key } = parseSearchParams({ quarter: quarterParam.optional() }, await searchParams);
  const quarter = await resolveScoringQuarter(key, districtToday());
  const actions = (
    <>
      <ButtonLink href="/admin/scoring/rules">考核规则</ButtonLink>
      <ButtonLink href="/admin/quarters">关闭季度</ButtonLink>
    </>
  );
  if (!quarter) {
    return (
      <>
        <PageHeader title="考核评分进度" actions={actions} />
        <EmptyState title="还没有考核季度" />
      </>
    );
  }
  const [groups, quarters] = await Promise.all([listScoringProgress(user, quarter.id), listQuarterInfos(user)]);
  const totals = groups.reduce(
    (t, g) => ({ scope: t.scope + g.scope, submitted: t.submitted + g.submitted, drafts: t.drafts + g.drafts.length, missing: t.missing + g.missing.length }),
    { scope: 0, submitted: 0, drafts: 0, missing: 0 },
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="考核评分进度"
        description={`${quarterName(quarter.key)} · 各跟踪考核组对其范围内单位的评分；只有已提交的评分计入季度考核。`}
        actions={actions}
      />
      <QuarterTabs quarters={quarters} current={quarter.key} href={(k) => `/admin/scoring?quarter=${k}`} />
      <div className="grid gap-3 sm:grid-cols-4">
        <Stat label="应评（组 × 单位）" value={totals.scope} />
        <Stat label="已提交" value={totals.submitted} />
        <Stat label="草稿" value={totals.drafts} hint="未提交，不计分" />
        <Stat label="未评分" value={totals.missing} />
      </div>
      <Table caption="各考核组评分进度">
        <TableHead>
          <Th className="w-60">考核组</Th>
          <Th className="whitespace-nowrap">已提交</Th>
          <Th>尚未提交的单位</Th>
        </TableHead>
        <TableBody>
          {groups.map((g) => (
            <tr key={g.id} data-group={g.name} className="align-top">
              <RowHeader label="考核组">
                {g.name}
                <span className="block text-xs font-normal text-stone-600">{g.members.join("、")}</span>
              </RowHeader>
              <Td label="已提交" className="tabular-nums whitespace-nowrap">
                {g.submitted}/{g.scope}
              </Td>
              <Td label="尚未提交的单位">
                {g.missing.length === 0 && g.drafts.length === 0 ? (
                  <span className="text-emerald-800">全部已提交</span>
                ) : (
                  <>
                    {g.missing.length ? (
                      <p>
                        <span className="font-medium text-red-800">未评分 {g.missing.length}：</span>
                        {g.missing.map((u) => u.name).join("、")}
                      </p>
                    ) : null}
                    {g.drafts.length ? (
                      <p>
                        <span className="font-medium text-sky-800">草稿 {g.drafts.length}：</span>
                        {g.drafts.map((u) => u.name).join("、")}
                      </p>
                    ) : null}
                  </>
                )}
              </Td>
            </tr>
          ))}
        </TableBody>
      </Table>
      <p className="text-sm text-stone-600">
        季度关闭时，未提交的评分不计入：单位的“考核组评分”只按已提交的评分计算，一项也没有的按“无数据”处理（见{" "}
        <Link href="/admin/scoring/rules" className="underline">
          考核规则
        </Link>
        ）。
      </p>
    </div>
  );
}
