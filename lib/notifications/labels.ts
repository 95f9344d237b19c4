/** Labels of the notification settings (pure data, safe in client components). */
import type { OutboxStatus, RobotKind } from "@/lib/generated/prisma/enums";

export const ROBOT_KIND_LABELS: Record<RobotKind, string> = { WECOM: "企业微信群机器人", DINGTALK: "钉钉自定义机器人" };

/** Whose group a robot posts to. */
export const ROBOT_SCOPE_LABELS = { UNIT: "单位工作群", CHANNEL: "工作群（晾晒墙频道）", OFFICE: "督查室工作群", LEADERS: "领导工作群" } as const;
export type RobotScope = keyof typeof ROBOT_SCOPE_LABELS;

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = { PENDING: "待发送", SENT: "已发送", FAILED: "发送失败" };

/** An in-app notice's kind ("report.correction", "order.assign" …, the notice's `kind`, which is also its robot message's event) in words. */
export function noticeKindLabel(kind: string): string {
  if (kind === "report.correction") return "晒报更正";
  if (kind === "report.remind") return "催报";
  if (kind === "report.missing") return "未晒单位";
  if (kind === "order.warning") return "督办件预警";
  if (kind.startsWith("quarter.")) return "考核结果";
  if (kind.startsWith("order.")) return "督办件";
  if (kind.startsWith("instruction.")) return "领导批示";
  if (kind.startsWith("bulletin.")) return "要情快讯";
  return "通知";
}
