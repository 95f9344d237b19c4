import type { Metadata } from "next";
import Link from "next/link";
import { FlagBadge } from "@/components/assessment/flag-badge";
import { CloseQuarterForm, CorrectQuarterForm } from "@/components/assessment/quarter-forms";
import { Badge } from "@/components/ui/badge";
import { Card, Section } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { countQuarterFlags, listEscalations, listQuartersWithVersions, listScoringProgress } from "@/lib/assessment/queries";
import { parseQuarterKey, previousQuarter, quarterKey, quarterName } from "@/lib/assessment/quarters";
import { districtToday, formatDistrictDateTime, quarterRange } from "@/lib/time";
import { parseSearchParams, quarterParam, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "季度考核" };

export default async function QuartersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const { closed: closedKey } = parseSearchParams({ closed: quarterParam.optional() }, await searchParams);
  const today = districtToday();
  const [quarters, escalations] = await Promise.all([listQuartersWithVersions(user), listEscalations(user)]);
  const statusOf = new Map(quarters.map((q) => [q.key, q.status]));
  // The next quarter to close: open, begun, and the one before it (if any) closed.
  const closable = quarters.find((q) => {
    if (q.status !== "OPEN") return false;
    const ref = parseQuarterKey(q.key)!;
    return quarterRange(ref).start <= today && statusOf.get(quarterKey(previousQuarter(ref))) !== "OPEN";
  });
  const latestClosed = quarters.filter((q) => q.status === "CLOSED").at(-1);
  const warnings: string[] = [];
  if (closable) {
    const progress = await listScoringProgress(user, closable.id);
    const missing = progress.reduce((n, g) => n + g.missing.length + g.drafts.length, 0);
    if (missing > 0) warnings.push(`还有 ${missing} 项考核组评分未提交（其中草稿 ${progress.reduce((n, g) => n + g.drafts.length, 0)} 项），关闭后不再计入。`);
    const { end } = quarterRange(parseQuarterKey(closable.key)!);
    if (today <= end) warnings.push(`本季度到 ${end} 24:00 才结束；现在关闭须写明原因，数据截至今天（${today}）。`);
  }
  const current = escalations.filter((f) => f.passedAt === null);
  const justClosed = quarters.find((q) => q.key === closedKey && q.status === "CLOSED");
  const justClosedFlags = justClosed ? await countQuarterFlags(user, justClosed.id) : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="季度考核"
        description="关闭季度即冻结各单位得分、名次和计分依据，并流转红黄旗。快照不会被之后的数据修改改变；发现错误时以“更正”生成新版本，原因记入审计日志。"
      />

      {justClosed && justClosedFlags ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-emerald-950">
          {quarterName(justClosed.key)}已关闭：{justClosed.versions[0]?.units ?? 0} 个单位的得分已冻结，授予红旗 {justClosedFlags.RED} 面、黄旗{" "}
          {justClosedFlags.YELLOW} 面。{" "}
          <Link href={`/board?quarter=${justClosed.key}`} className="font-medium underline">
            查看排名和红黄旗
          </Link>
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card heading={closable ? `关闭${quarterName(closable.key)}` : "关闭季度"}>
          <div className="mt-3">
            {closable ? (
              <CloseQuarterForm
                quarterId={closable.id}
                label={quarterName(closable.key)}
                warnings={warnings}
                early={today <= quarterRange(parseQuarterKey(closable.key)!).end}
              />
            ) : (
              <p className="text-stone-600">没有可以关闭的季度（季度须已开始，且按顺序关闭）。</p>
            )}
            {closable ? (
              <p className="mt-3 text-sm">
                <Link href={`/admin/scoring?quarter=${closable.key}`} className="underline">
                  查看评分进度
                </Link>{" "}
                ·{" "}
                <Link href={`/board?quarter=${closable.key}`} className="underline">
                  预览实时排名
                </Link>
              </p>
            ) : null}
          </div>
        </Card>
        <Card heading={latestClosed ? `更正${quarterName(latestClosed.key)}` : "更正"}>
          <div className="mt-3">
            {latestClosed ? (
              <>
                <p className="mb-3 text-sm text-stone-600">
                  按关闭时的截止日重新采集数据并计算，生成第 {latestClosed.version + 1} 版；原版本保留。只能更正最近关闭的季度。
                </p>
                <CorrectQuarterForm quarterId={latestClosed.id} label={quarterName(latestClosed.key)} />
              </>
            ) : (
              <p className="text-stone-600">还没有已关闭的季度。</p>
            )}
          </div>
        </Card>
      </div>

      <Section heading="各季度" headingClassName="mb-3">
        <Table caption="各季度">
          <TableHead>
            <Th>季度</Th>
            <Th>状态</Th>
            <Th>关闭</Th>
            <Th>版本</Th>
            <Th>
              <span className="sr-only">操作</span>
            </Th>
          </TableHead>
          <TableBody>
            {quarters.map((q) => (
              <tr key={q.id} data-quarter={q.key} className="align-top">
                <RowHeader label="季度">{quarterName(q.key)}</RowHeader>
                <Td label="状态">{q.status === "CLOSED" ? <Badge tone="good">已关闭</Badge> : <Badge>进行中</Badge>}</Td>
                <Td label="关闭" className="text-stone-700">
                  {q.closedAt ? `${formatDistrictDateTime(q.closedAt)}${q.closedByName ? ` · ${q.closedByName}` : ""}` : "—"}
                  {q.earlyCloseReason ? <span className="block text-amber-900">提前关闭：{q.earlyCloseReason}</span> : null}
                </Td>
                <Td label="版本">
                  {q.versions.length === 0 ? (
                    "—"
                  ) : (
                    <ol className="space-y-1">
                      {q.versions.map((v) => (
                        <li key={v.version}>
                          第 {v.version} 版{v.version === q.version ? "（当前）" : ""}
                          {v.createdAt ? ` · ${formatDistrictDateTime(v.createdAt)}` : ""}
                          {v.reason ? <span className="block text-stone-600">更正原因：{v.reason}</span> : null}
                        </li>
                      ))}
                    </ol>
                  )}
                </Td>
                <Td align="right">
                  <Link
                    href={`/board?quarter=${q.key}`}
                    className="inline-flex min-h-11 items-center px-2 font-medium text-brand-800 underline underline-offset-4"
                  >
                    排名
                  </Link>
                </Td>
              </tr>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section heading="黄旗升级名单" className="space-y-3">
        <p className="text-sm text-stone-600">连续获得黄旗的单位按考核规则中的升级措施处理（默认：第 1 次通报批评，连续第 2 次起约谈）。</p>
        {current.length === 0 ? (
          <EmptyState title="目前没有单位持有黄旗" />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {current
              .slice()
              .sort((a, b) => b.streak - a.streak)
              .map((f) => (
                <li key={f.id} className={f.streak > 1 ? "rounded-xl border border-red-300 bg-red-50 p-3" : "rounded-xl border border-stone-200 bg-white p-3"}>
                  <p className="flex items-center justify-between gap-2 font-medium">
                    <Link href={`/board/units/${f.unit.id}?quarter=${f.quarterKey}`} className="link">
                      {f.unit.name}
                    </Link>
                    <FlagBadge color="YELLOW" streak={f.streak} />
                  </p>
                  <p className="mt-1 text-sm">
                    {quarterName(f.quarterKey)} · 措施：<strong>{f.escalation ?? "—"}</strong>
                  </p>
                </li>
              ))}
          </ul>
        )}
        {escalations.length > current.length ? (
          <details className="rounded-xl border border-stone-200 bg-white p-3">
            <summary className="min-h-11 cursor-pointer py-2 font-medium">往季黄旗与措施</summary>
            <Table caption="往季黄旗与措施" plain frameClassName="mt-2">
              <TableHead>
                <Th>季度</Th>
                <Th>单位</Th>
                <Th>连续</Th>
                <Th>措施</Th>
              </TableHead>
              <TableBody>
                {escalations
                  .filter((f) => f.passedAt !== null)
                  .map((f) => (
                    <tr key={f.id}>
                      <Td label="季度">{quarterName(f.quarterKey)}</Td>
                      <Td label="单位">{f.unit.name}</Td>
                      <Td label="连续" className="tabular-nums">
                        {f.streak}
                      </Td>
                      <Td label="措施">{f.escalation ?? "—"}</Td>
                    </tr>
                  ))}
              </TableBody>
            </Table>
          </details>
        ) : null}
      </Section>
    </div>
  );
}
