/**
 * The office's robot settings and delivery log: add a robot (per unit, per
 * work channel, or the office's / leaders' group), change its webhook URL or
 * secret, switch it off, delete it, send a test message; read the log. Only
 * the office (ADMIN) may; each write is audited in its transaction, never
 * with the webhook key or the secret (they are credentials).
 */
import type { SessionUser } from "@/lib/auth/roles";
import type { Db } from "@/lib/db-client";
import { audit } from "@/lib/audit";
import { CHANNELS } from "@/lib/notifications/robots";
import type { RobotScope } from "@/lib/notifications/labels";
import { publicLink, MAX_ATTEMPTS } from "@/lib/notifications/outbox";
import type { robotIdInput, robotInput, robotUpdateInput } from "@/lib/notifications/robot-schemas";
import { refuse, succeed, type WriteResult } from "@/lib/write-result";
import { formatDistrictDateTime } from "@/lib/time";
import type { z } from "@/lib/validation";

const FORBIDDEN = "只有督查室可以设置群机器人。";

/** The webhook without its key: scheme, host and path, and the last 4 characters of each query value. */
export function maskWebhook(url: string): string {
  try {
    const u = new URL(url);
    const query = [...u.searchParams].map(([k, v]) => `${k}=…${v.slice(-4)}`).join("&");
    return `${u.origin}${u.pathname}${query ? `?${query}` : ""}`;
  } catch {
    return "（地址无效）";
  }
}

function scopeOf(robot: { unitId: string | null; channelId: string | null; audience: string | null }): RobotScope {
  if (robot.unitId) return "UNIT";
  if (robot.channelId) return "CHANNEL";
  return robot.audience === "LEADERS" ? "LEADERS" : "OFFICE";
}

export async function createRobot(client: Db, user: SessionUser, data: z.infer<typeof robotInput>): Promise<WriteResult<string>> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  if (data.scope === "UNIT" && !(await client.unit.count({ where: { id: data.unitId, archivedAt: null } })))
    return refuse("所选单位不存在。", { fieldErrors: { unitId: ["请选择单位"] } });
  if (data.scope === "CHANNEL" && !(await client.channel.count({ where: { id: data.channelId } })))
    return refuse("所选工作群不存在。", { fieldErrors: { channelId: ["请选择工作群"] } });
  const id = await client.$transaction(async (tx) => {
    const robot = await tx.robot.create({
      data: {
        name: data.name,
        kind: data.kind,
        webhookUrl: data.webhookUrl,
        secret: data.kind === "DINGTALK" ? (data.secret ?? null) : null,
        unitId: data.scope === "UNIT" ? data.unitId : null,
        channelId: data.scope === "CHANNEL" ? data.channelId : null,
        audience: data.scope === "OFFICE" || data.scope === "LEADERS" ? data.scope : null,
      },
      select: { id: true },
    });
    await audit(tx, {
      actorId: user.id,
      action: "robot.create",
      entity: "Robot",
      entityId: robot.id,
      after: {
        name: data.name,
        kind: data.kind,
        scope: data.scope,
        unitId: data.unitId,
        channelId: data.channelId,
        webhook: maskWebhook(data.webhookUrl),
        secretSet: Boolean(data.secret),
      },
    });
    return robot.id;
  });
  return succeed(id);
}

export async function updateRobot(client: Db, user: SessionUser, data: z.infer<typeof robotUpdateInput>): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  const robot = await client.robot.findUnique({ where: { id: data.id }, select: { kind: true, webhookUrl: true, secret: true, active: true } });
  if (!robot) return refuse("该机器人已不存在。", { status: 404 });
  if (robot.kind === "WECOM" && data.secret) return refuse("企业微信群机器人没有加签密钥。", { fieldErrors: { secret: ["请留空"] } });
  const next = {
    webhookUrl: data.webhookUrl ?? robot.webhookUrl,
    secret: data.clearSecret ? null : (data.secret ?? robot.secret),
    active: data.active === "1",
  };
  await client.$transaction(async (tx) => {
    await tx.robot.update({ where: { id: data.id }, data: next });
    await audit(tx, {
      actorId: user.id,
      action: "robot.update",
      entity: "Robot",
      entityId: data.id,
      before: { webhook: maskWebhook(robot.webhookUrl), secretSet: Boolean(robot.secret), active: robot.active },
      after: { webhook: maskWebhook(next.webhookUrl), secretSet: Boolean(next.secret), secretChanged: next.secret !== robot.secret, active: next.active },
    });
  });
  return succeed();
}

export async function deleteRobot(client: Db, user: SessionUser, data: z.infer<typeof robotIdInput>): Promise<WriteResult> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  const robot = await client.robot.findUnique({ where: { id: data.id }, select: { name: true, kind: true, webhookUrl: true } });
  if (!robot) return refuse("该机器人已不存在。", { status: 404 });
  await client.$transaction(async (tx) => {
    await tx.robot.delete({ where: { id: data.id } });
    await audit(tx, {
      actorId: user.id,
      action: "robot.delete",
      entity: "Robot",
      entityId: data.id,
      before: { name: robot.name, kind: robot.kind, webhook: maskWebhook(robot.webhookUrl) },
    });
  });
  return succeed();
}

/**
 * 发送测试: one message sent now (the office is waiting for the answer; at most the
 * channel's 10 s timeout), whatever the hour, and logged like any other.
 */
export async function sendTestMessage(
  client: Db,
  user: SessionUser,
  data: z.infer<typeof robotIdInput>,
  now = new Date(),
): Promise<WriteResult<{ ok: boolean; errcode: number | null; errmsg: string }>> {
  if (user.role !== "ADMIN") return refuse(FORBIDDEN, { status: 403 });
  const robot = await client.robot.findUnique({ where: { id: data.id }, select: { id: true, name: true, kind: true, webhookUrl: true, secret: true } });
  if (!robot) return refuse("该机器人已不存在。", { status: 404 });
  const message = {
    title: "晒台测试消息",
    markdown: `### 晒台测试消息\n督查室于${formatDistrictDateTime(now)}发送的测试消息，收到即表示“${robot.name}”设置正确。\n\n[打开晒台](${publicLink("/")})`,
    mentionMobiles: [],
  };
  const answer = await CHANNELS[robot.kind].send(robot, message, now);
  await client.$transaction(async (tx) => {
    const row = await tx.outboxMessage.create({
      data: {
        robotId: robot.id,
        event: "robot.test",
        title: message.title,
        markdown: message.markdown,
        urgent: true,
        createdAt: now,
        notBefore: now,
        attempts: 1,
        status: answer.ok ? "SENT" : "FAILED",
        sentAt: answer.ok ? now : null,
      },
      select: { id: true },
    });
    await tx.robotDelivery.create({
      data: {
        messageId: row.id,
        robotId: robot.id,
        at: now,
        attempt: 1,
        ok: answer.ok,
        errcode: answer.errcode,
        errmsg: answer.errmsg.slice(0, 500),
        sender: `test:${user.id}`,
      },
    });
    await audit(tx, { actorId: user.id, action: "robot.test", entity: "Robot", entityId: robot.id, after: { ok: answer.ok, errcode: answer.errcode } });
  });
  return succeed(answer);
}

/** The robots, for the office's settings page (no secrets, the webhook masked). */
export async function robotsForOffice(client: Db, user: SessionUser) {
  if (user.role !== "ADMIN") return [];
  const robots = await client.robot.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      webhookUrl: true,
      secret: true,
      active: true,
      unitId: true,
      channelId: true,
      audience: true,
      unit: { select: { name: true } },
      channel: { select: { name: true } },
    },
  });
  const pending = await client.outboxMessage.groupBy({
    by: ["robotId", "status"],
    _count: { _all: true },
    where: { robotId: { in: robots.map((r) => r.id) } },
  });
  const count = (robotId: string, status: string) => pending.find((p) => p.robotId === robotId && p.status === status)?._count._all ?? 0;
  return robots.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    webhook: maskWebhook(r.webhookUrl),
    secretSet: Boolean(r.secret),
    active: r.active,
    scope: scopeOf(r),
    target: r.unit?.name ?? r.channel?.name ?? null,
    pending: count(r.id, "PENDING"),
    sent: count(r.id, "SENT"),
    failed: count(r.id, "FAILED"),
  }));
}

export type DeliveryOutcome = "SENT" | "RETRY" | "FAILED";

/** The delivery log, newest first: each attempt with the robot's errcode/errmsg, and whether it will be retried. */
export async function deliveryLogForOffice(client: Db, user: SessionUser, take = 100) {
  if (user.role !== "ADMIN") return [];
  const rows = await client.robotDelivery.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      at: true,
      attempt: true,
      ok: true,
      errcode: true,
      errmsg: true,
      robot: { select: { name: true } },
      message: { select: { title: true, event: true, status: true, attempts: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    attempt: r.attempt,
    robot: r.robot.name,
    title: r.message.title,
    errcode: r.errcode,
    errmsg: r.errmsg,
    outcome: (r.ok ? "SENT" : r.message.status === "FAILED" && r.attempt >= Math.min(r.message.attempts, MAX_ATTEMPTS) ? "FAILED" : "RETRY") as DeliveryOutcome,
  }));
}
