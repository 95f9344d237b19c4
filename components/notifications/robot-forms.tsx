"use client";

import { useState } from "react";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Choice, Field, NamedOptions, SelectField } from "@/components/ui/field";
import { UnitSelect, type UnitSelectOption } from "@/components/ui/unit-select";
import { ROBOT_KIND_LABELS, ROBOT_SCOPE_LABELS, type RobotScope } from "@/lib/notifications/labels";
import { createRobotAction, deleteRobotAction, saveLeadTimesAction, testRobotAction, updateRobotAction } from "@/lib/notifications/robot-actions";

const WEBHOOK_HINT = "企业微信：群设置 → 群机器人 → Webhook 地址；钉钉：群设置 → 智能群助手 → 自定义机器人（安全设置选“加签”）。";

/** Adds a robot: its type, whose group it posts to, its webhook URL and (钉钉) 加签 secret. */
export function RobotCreateForm({ units, channels }: { units: UnitSelectOption[]; channels: { id: string; name: string }[] }) {
  const [scope, setScope] = useState<RobotScope>("UNIT");
  const [kind, setKind] = useState<"WECOM" | "DINGTALK">("WECOM");
  return (
    <ActionForm action={createRobotAction} resetOnSuccess className="max-w-3xl space-y-4" aria-label="添加群机器人">
      {({ errors }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="名称" name="name" required maxLength={40} placeholder="如：临洺关镇工作群" errors={errors.name} />
            <SelectField label="类型" name="kind" value={kind} onChange={(e) => setKind(e.target.value as "WECOM" | "DINGTALK")} errors={errors.kind}>
              {(["WECOM", "DINGTALK"] as const).map((k) => (
                <option key={k} value={k}>
                  {ROBOT_KIND_LABELS[k]}
                </option>
              ))}
            </SelectField>
            <SelectField label="发往" name="scope" value={scope} onChange={(e) => setScope(e.target.value as RobotScope)} errors={errors.scope}>
              {(Object.keys(ROBOT_SCOPE_LABELS) as RobotScope[]).map((s) => (
                <option key={s} value={s}>
                  {ROBOT_SCOPE_LABELS[s]}
                </option>
              ))}
            </SelectField>
            {scope === "UNIT" ? <UnitSelect label="单位" name="unitId" units={units} required errors={errors.unitId} /> : null}
            {scope === "CHANNEL" ? (
              <SelectField label="工作群" name="channelId" required defaultValue="" errors={errors.channelId}>
                <NamedOptions items={channels} empty="请选择" />
              </SelectField>
            ) : null}
          </div>
          <Field label="Webhook 地址" name="webhookUrl" type="url" required maxLength={500} hint={WEBHOOK_HINT} errors={errors.webhookUrl} autoComplete="off" />
          {kind === "DINGTALK" ? (
            <Field label="加签密钥" name="secret" maxLength={200} hint="以 SEC 开头；未开启加签可留空。" errors={errors.secret} autoComplete="off" />
          ) : null}
          <SubmitButton pendingLabel="正在保存…">添加机器人</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** One robot's settings: a new webhook URL or secret (blank keeps the current one), on/off; 发送测试; 删除. */
export function RobotRowForms({ robot }: { robot: { id: string; name: string; kind: "WECOM" | "DINGTALK"; active: boolean; secretSet: boolean } }) {
  return (
    <div className="space-y-3">
      <ActionForm action={updateRobotAction} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto_auto]" aria-label={`修改 ${robot.name}`}>
        {({ errors }) => (
          <>
            <input type="hidden" name="id" value={robot.id} />
            <Field
              label="新的 Webhook 地址"
              id={`robot-url-${robot.id}`}
              name="webhookUrl"
              type="url"
              maxLength={500}
              placeholder="留空则不变"
              errors={errors.webhookUrl}
              autoComplete="off"
            />
            {robot.kind === "DINGTALK" ? (
              <Field
                label={robot.secretSet ? "新的加签密钥（已设置）" : "加签密钥（未设置）"}
                id={`robot-secret-${robot.id}`}
                name="secret"
                maxLength={200}
                placeholder="留空则不变"
                errors={errors.secret}
                autoComplete="off"
              />
            ) : (
              <span />
            )}
            <Choice type="checkbox" name="active" value="1" defaultChecked={robot.active}>
              启用
            </Choice>
            <SubmitButton variant="secondary" pendingLabel="正在保存…">
              保存
            </SubmitButton>
          </>
        )}
      </ActionForm>
      <div className="flex flex-wrap gap-3">
        <ActionForm action={testRobotAction} className="flex flex-wrap items-center gap-2" aria-label={`发送测试到 ${robot.name}`}>
          <input type="hidden" name="id" value={robot.id} />
          <SubmitButton variant="secondary" pendingLabel="正在发送…" aria-label={`发送测试：${robot.name}`}>
            发送测试
          </SubmitButton>
        </ActionForm>
        <ActionForm action={deleteRobotAction} className="flex flex-wrap items-center gap-2" aria-label={`删除 ${robot.name}`}>
          <input type="hidden" name="id" value={robot.id} />
          <SubmitButton
            variant="ghost"
            pendingLabel="正在删除…"
            aria-label={`删除：${robot.name}`}
            confirm={{ title: `删除“${robot.name}”？`, body: "它尚未发出的消息也会一并删除。", confirmLabel: "删除", danger: true }}
          >
            删除
          </SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}

/** The lead times of the timed messages: 催报 before a slot's deadline, 超期预警 / 反馈即将到期 before a 督办件's dates. */
export function LeadTimesForm({ lead }: { lead: { remindMinutes: number; orderLeadHours: number } }) {
  return (
    <ActionForm action={saveLeadTimesAction} className="grid max-w-3xl items-end gap-4 sm:grid-cols-[1fr_1fr_auto]" aria-label="提醒时间">
      {({ errors }) => (
        <>
          <Field
            label="催报提前（分钟）"
            name="remindMinutes"
            type="number"
            inputMode="numeric"
            required
            min={5}
            max={180}
            defaultValue={lead.remindMinutes}
            hint="在每个时段截止前多少分钟提醒未晒单位，5 至 180。"
            errors={errors.remindMinutes}
          />
          <Field
            label="超期预警提前（小时）"
            name="orderLeadHours"
            type="number"
            inputMode="numeric"
            required
            min={1}
            max={168}
            defaultValue={lead.orderLeadHours}
            hint="督办件办结期限、反馈日期前多少小时预警，1 至 168。"
            errors={errors.orderLeadHours}
          />
          <SubmitButton variant="secondary" pendingLabel="正在保存…">
            保存提醒时间
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
