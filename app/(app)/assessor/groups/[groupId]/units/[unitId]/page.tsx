import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { WithdrawGroupScoreForm } from "@/components/assessment/record-change-forms";
import { ScoreForm } from "@/components/assessment/score-form";
import { ScoreStateBadge } from "@/components/assessment/score-state-badge";
import { SlotStateBadge } from "@/components/reports/slot-state-badge";
import { Badge, type Tone } from "@/components/ui/badge";
import { Card, Section } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Progress } from "@/components/ui/progress";
import { homePathFor } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getAssessorUnitView, resolveScoringQuarter, scoreStateOf } from "@/lib/assessment/queries";
import { quarterName } from "@/lib/assessment/quarters";
import type { OrderStatus, SpotCheckResult } from "@/lib/generated/prisma/enums";
import { SLOT_LABELS, SLOTS } from "@/lib/reports/slots";
import { TASK_STATUS_LABELS } from "@/lib/tasks/status";
import { districtToday, formatDistrictDateTime } from "@/lib/time";
import { parseSearchParams, quarterParam, type RawSearchParams } from "@/lib/search-params";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "单位评分" };

const ORDER_STATUS: Record<OrderStatus, [string, Tone]> = {
  REGISTERED: ["已立项", "neutral"],
  OPEN: ["待签收", "warn"],
  SIGNED: ["承办中", "info"],
  RESPONDED: ["已反馈待验收", "info"],
  RETURNED: ["已退回", "bad"],
  ACCEPTED: ["已办结", "good"],
};
const CHECK_RESULT: Record<SpotCheckResult, [string, Tone]> = { TRUE: ["属实", "good"], PARTLY_TRUE: ["部分属实", "warn"], FALSE: ["不属实", "bad"] };

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export default async function AssessorUnitPage({
  params,
  searchParams,
}: {
  params: Promise<{ groupId: string; unitId: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const user = await requireUser(["ASSESSOR"]);
  const [{ groupId, unitId }, raw] = await Promise.all([params, searchParams]);
  const { quarter: key } = parseSearchParams({ quarter: quarterParam.optional() }, raw);
  const today = districtToday();
  const quarter = await resolveScoringQuarter(key, today);
  if (!quarter) return <EmptyState title="还没有考核季度" />;
  // Membership and scope are in the query: another group's or unit's id finds nothing.
  const view = await getAssessorUnitView(user, groupId, unitId, quarter, today);
  if (!view) redirect(`${homePathFor(user.role)}?denied=1`);

  const state = scoreStateOf(view.score);
  // After a withdrawal the form starts empty: the group scores again (a new version).
  const itemOf = new Map(state === "WITHDRAWN" ? [] : (view.score?.items.map((i) => [i.rubricItemId, i]) ?? []));
  const readOnly = quarter.status !== "OPEN" || state === "SUBMITTED";
  const rubricRows = view.rubric.map((r) => ({ ...r, points: itemOf.get(r.id)?.points ?? null, comment: itemOf.get(r.id)?.comment ?? null }));
  const inForce = state === "SUBMITTED" && quarter.status === "OPEN" ? view.score : null;
  const latestEvening = view.days.flatMap((d) => d.slots.filter((s) => s.slot === "EVENING" && s.text).map((s) => ({ date: d.date, text: s.text }))).at(0);

  return (
    <div className="space-y-6">
      <PageHeader
        title={view.unit.name}
        description={
          <>
            {view.group.name} · 重点工作：{view.group.keyTaskName} · {quarterName(quarter.key)} <ScoreStateBadge state={state} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-6 lg:col-span-3">
          <Card heading={<>“{view.group.keyTaskName}”任务与节点</>} headingId="tasks-h">
            {view.tasks.length === 0 ? (
              <p className="mt-2 text-stone-600">该单位没有这项重点工作的任务。</p>
            ) : (
              <ul className="mt-3 space-y-4">
                {view.tasks.map((task) => (
                  <li key={task.id}>
                    <div className="flex items-start justify-between gap-2">
                      <p className="font-medium">{task.title}</p>
                      <Badge tone={task.status === "OVERDUE" ? "bad" : task.status === "DONE" ? "good" : "neutral"}>{TASK_STATUS_LABELS[task.status]}</Badge>
                    </div>
                    <div className="mt-1 flex items-center gap-3">
                      <Progress ratio={task.ratio} label={`${task.title} 完成进度`} tone={task.status === "OVERDUE" ? "bad" : "brand"} />
                      <span className="shrink-0 text-sm tabular-nums">
                        {formatNumber(task.valueReached)}/{formatNumber(task.target)} {task.measure} · 截止 {task.deadline}
                      </span>
                    </div>
                    <ul className="mt-2 space-y-1 border-l-2 border-stone-200 pl-3 text-sm">
                      {task.milestones.map((m) => (
                        <li key={m.id} className="flex flex-wrap justify-between gap-2">
                          <span>{m.title}</span>
                          <span className={m.status === "OVERDUE" ? "text-red-700" : "text-stone-600"}>
                            {formatNumber(m.valueReached)}/{formatNumber(m.target)} · {TASK_STATUS_LABELS[m.status]}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card heading="近 7 日晒报">
            <Table caption="近 7 日晒报" plain frameClassName="mt-3">
              <TableHead>
                <Th>日期</Th>
                {SLOTS.map((s) => (
                  <Th key={s}>{SLOT_LABELS[s]}</Th>
                ))}
              </TableHead>
              <TableBody>
                {view.days.map((d) => (
                  <tr key={d.date}>
                    <RowHeader label="日期" plain className="tabular-nums">
                      {d.date.slice(5)}
                    </RowHeader>
                    {d.slots.map((s) => (
                      <Td key={s.slot} label={SLOT_LABELS[s.slot]}>
                        <SlotStateBadge state={s.state} label={`${d.date} ${SLOT_LABELS[s.slot]}`} />
                      </Td>
                    ))}
                  </tr>
                ))}
              </TableBody>
            </Table>
            {latestEvening ? (
              <p className="mt-3 rounded-lg bg-stone-50 p-3 text-sm whitespace-pre-line text-stone-800">
                <span className="font-medium">最近晚晒（{latestEvening.date}）：</span>
                {latestEvening.text}
              </p>
            ) : null}
          </Card>

          <div className="grid gap-6 sm:grid-cols-2">
            <Card heading={<>未办结督办单（{view.orders.length}）</>} headingId="orders-h">
              {view.orders.length === 0 ? (
                <p className="mt-2 text-sm text-stone-600">没有未办结的督办单。</p>
              ) : (
                <ul className="mt-2 space-y-2 text-sm">
                  {view.orders.map((o) => (
                    <li key={o.id}>
                      <p className="font-medium">{o.title}</p>
                      <p className="text-stone-600">
                        期限 {formatDistrictDateTime(o.deadline)} · <Badge tone={ORDER_STATUS[o.status][1]}>{ORDER_STATUS[o.status][0]}</Badge>
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card heading="抽查结果" headingId="checks-h">
              {view.spotChecks.length === 0 ? (
                <p className="mt-2 text-sm text-stone-600">还没有抽查记录。</p>
              ) : (
                <ul className="mt-2 space-y-2 text-sm">
                  {view.spotChecks.map((c) => (
                    <li key={c.id}>
                      {c.slot.card.date} {SLOT_LABELS[c.slot.slot]} <Badge tone={CHECK_RESULT[c.result!][1]}>{CHECK_RESULT[c.result!][0]}</Badge>
                      {c.notes ? <span className="block text-stone-600">{c.notes}</span> : null}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </div>

        <Section heading={<>{quarterName(quarter.key)}评分</>} headingClassName="mb-3" className="lg:col-span-2">
          {view.score?.status === "SUBMITTED" ? (
            <p className="mb-3 text-sm text-stone-600">
              {view.score.assessor.name} 于 {formatDistrictDateTime(view.score.submittedAt!)}
              {view.score.withdrawn ? "撤回" : view.score.changeReason ? "更正" : "提交"}
              {view.score.changeReason ? `：${view.score.changeReason}` : "。"}
              {view.score.withdrawn ? "请重新评分。" : ""}
            </p>
          ) : null}
          {quarter.status !== "OPEN" ? <p className="mb-3 text-sm text-stone-600">本季度已关闭，评分只能查看。</p> : null}
          {view.rubric.length === 0 ? (
            <EmptyState title="本考核组本年度还没有评分细则">请联系区督查室。</EmptyState>
          ) : (
            <ScoreForm groupId={view.group.id} unitId={view.unit.id} quarterId={quarter.id} readOnly={readOnly} rubric={rubricRows} />
          )}
          {inForce ? (
            <div className="mt-4 space-y-3">
              <details className="rounded-xl border border-stone-200 bg-white p-4">
                <summary className="cursor-pointer font-medium">更正评分</summary>
                <p className="mt-1 text-sm text-stone-600">更正生成新版本并写明原因；原评分保留可查。季度关闭后不能再更正。</p>
                <div className="mt-3">
                  <ScoreForm
                    groupId={view.group.id}
                    unitId={view.unit.id}
                    quarterId={quarter.id}
                    readOnly={false}
                    rubric={rubricRows}
                    correcting={inForce.id}
                  />
                </div>
              </details>
              <details className="rounded-xl border border-stone-200 bg-white p-4">
                <summary className="cursor-pointer font-medium">撤回评分</summary>
                <p className="mt-1 text-sm text-stone-600">撤回后本组对该单位的评分不计入得分，可以重新评分。</p>
                <WithdrawGroupScoreForm groupId={view.group.id} unitId={view.unit.id} quarterId={quarter.id} scoreId={inForce.id} />
              </details>
            </div>
          ) : null}
          {view.versions.length > 1 ? (
            <Card heading={<>评分版本（共 {view.versions.length} 版）</>} className="mt-4">
              <ol className="mt-2 space-y-2 text-sm">
                {view.versions.map((v, i) => (
                  <li key={v.id} className={i < view.versions.length - 1 ? "text-stone-600" : ""}>
                    <span className="font-medium">第 {v.version} 版</span> ·{" "}
                    {v.withdrawn ? "撤回" : v.status === "DRAFT" ? "草稿" : v.changeReason ? "更正" : "提交"} · {v.assessor.name}
                    {v.submittedAt ? ` · ${formatDistrictDateTime(v.submittedAt)}` : ""}
                    {v.withdrawn || v.status === "DRAFT" ? "" : ` · 合计 ${formatNumber(v.items.reduce((sum, x) => sum + x.points, 0))} 分`}
                    {v.changeReason ? <span className="block">原因：{v.changeReason}</span> : null}
                    {i < view.versions.length - 1 ? <span className="block text-xs">（已被后一版取代，不计入）</span> : null}
                  </li>
                ))}
              </ol>
            </Card>
          ) : null}
        </Section>
      </div>
    </div>
  );
}
