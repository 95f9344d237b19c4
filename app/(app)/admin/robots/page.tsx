import type { Metadata } from "next";
import { LeadTimesForm, RobotCreateForm, RobotRowForms } from "@/components/notifications/robot-forms";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { ROBOT_KIND_LABELS, ROBOT_SCOPE_LABELS } from "@/lib/notifications/labels";
import { getLeadTimesForOffice, listChannelOptions, listRobotDeliveries, listRobotsForOffice } from "@/lib/notifications/queries";
import { listUnitOptions } from "@/lib/org/queries";
import { formatDistrictDateTime } from "@/lib/time";
import { Section } from "@/components/ui/card";

export const metadata: Metadata = { title: "群机器人" };

const OUTCOME = {
  SENT: { label: "已发送", tone: "good" },
  RETRY: { label: "失败，将重试", tone: "warn" },
  FAILED: { label: "失败，不再重试", tone: "bad" },
} as const;

export default async function RobotsPage() {
  const user = await requireUser(["ADMIN"]);
  const [robots, deliveries, units, channels, lead] = await Promise.all([
    listRobotsForOffice(user),
    listRobotDeliveries(user),
    listUnitOptions(user),
    listChannelOptions(user),
    getLeadTimesForOffice(user),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="群机器人"
        description="催报、批示、督办件、超期预警和要情快讯同时推送到单位和领导的企业微信、钉钉工作群。每个机器人每分钟最多 20 条；22:00 至次日 7:00 只发紧急消息。"
      />
      <Section heading="已设置的机器人" headingClassName="text-stone-900" className="space-y-3">
        {robots.length === 0 ? (
          <EmptyState title="还没有机器人">在下方添加单位或工作群的机器人后，消息才会推送到群里。</EmptyState>
        ) : (
          <ul className="space-y-3">
            {robots.map((r) => (
              <li key={r.id} className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-medium text-stone-900">{r.name}</h3>
                  <Badge>{ROBOT_KIND_LABELS[r.kind]}</Badge>
                  <Badge tone="info">
                    {ROBOT_SCOPE_LABELS[r.scope]}
                    {r.target ? `：${r.target}` : ""}
                  </Badge>
                  {r.active ? null : <Badge tone="warn">已停用</Badge>}
                </div>
                <p className="text-sm break-all text-stone-600">{r.webhook}</p>
                <p className="text-sm text-stone-600">
                  待发送 {r.pending} 条 · 已发送 {r.sent} 条 · 发送失败 {r.failed} 条
                </p>
                <RobotRowForms robot={r} />
              </li>
            ))}
          </ul>
        )}
      </Section>
      {lead ? (
        <Section heading="提醒时间" headingClassName="text-stone-900" className="space-y-3">
          <p className="text-sm text-stone-600">催报、超期预警和反馈即将到期的提醒既发到工作群，也发到相关人员的站内通知。</p>
          <LeadTimesForm lead={lead} />
        </Section>
      ) : null}
      <Section heading="添加机器人" headingClassName="text-stone-900" className="space-y-3">
        <RobotCreateForm units={units} channels={channels} />
      </Section>
      <Section heading="发送记录" headingClassName="text-stone-900" className="space-y-3">
        {deliveries.length === 0 ? (
          <EmptyState title="暂无发送记录">机器人发出或发送失败的消息会列在这里。</EmptyState>
        ) : (
          <Table caption="最近 100 次发送" minWidth="48rem">
            <TableHead>
              <Th>时间</Th>
              <Th>机器人</Th>
              <Th>消息</Th>
              <Th align="right">第几次</Th>
              <Th>结果</Th>
              <Th>机器人的答复</Th>
            </TableHead>
            <TableBody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <Td label="时间">{formatDistrictDateTime(d.at)}</Td>
                  <Td label="机器人">{d.robot}</Td>
                  <Td label="消息">{d.title}</Td>
                  <Td label="第几次" align="right">
                    {d.attempt}
                  </Td>
                  <Td label="结果">
                    <Badge tone={OUTCOME[d.outcome].tone}>{OUTCOME[d.outcome].label}</Badge>
                  </Td>
                  <Td label="机器人的答复" className="break-all">
                    {d.errcode === null ? "" : `errcode ${d.errcode} `}
                    {d.errmsg}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </div>
  );
}
