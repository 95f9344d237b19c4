/**
 * Group-robot messages for the events outside a 督办件's steps (those are in
 * lib/supervision/orders/events.ts). Each is written in its event's
 * transaction through enqueueRobotMessage; the sender delivers it. Short
 * official Chinese, a link back (PUBLIC_URL), no photo, no report text, no
 * personal data beyond the unit (and the phone a 催报 @-s, which only the
 * robot receives). Quiet hours (22:00–07:00) hold all of them but urgent ones.
 *
 * The timed ones (催报 before a slot's deadline; a 督办件 about to fall due,
 * overdue, or late with its 反馈) come from `enqueueDueMessages`, run by each
 * server's sender about once a minute: a row in Counter (nextNumber, one
 * atomic upsert) makes each of them once only, on any number of servers.
 */
import { quarterName } from "@/lib/assessment/quarters";
import { nextNumber } from "@/lib/counters";
import type { Db } from "@/lib/db-client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { enqueueRobotMessage, publicLink } from "@/lib/notifications/outbox";
import { readSlotDeadlines } from "@/lib/reports/deadline-settings";
import { SLOT_LABELS, SLOTS, slotDeadline } from "@/lib/reports/slots";
import { districtToday, formatDistrictDateTime, formatDistrictTime } from "@/lib/time";

type Tx = Prisma.TransactionClient;

/** 催报 to each unit's group, @-ing its reporters' phones. */
export async function enqueueReportReminders(tx: Tx, units: { id: string; name: string }[], slot: SlotKind, deadline: Date, now: Date): Promise<number> {
  if (units.length === 0) return 0;
  const reporters = await tx.user.findMany({
    where: { unitId: { in: units.map((u) => u.id) }, role: "REPORTER", active: true, phone: { not: null } },
    select: { unitId: true, phone: true },
  });
  let sent = 0;
  for (const unit of units) {
    const mobiles = reporters.filter((r) => r.unitId === unit.id && r.phone).map((r) => r.phone!);
    const late = now.getTime() > deadline.getTime();
    sent += await enqueueRobotMessage(
      tx,
      { unitIds: [unit.id] },
      {
        event: "report.remind",
        title: `${SLOT_LABELS[slot]}催报`,
        markdown: `### ${SLOT_LABELS[slot]}催报\n${unit.name}：今日${SLOT_LABELS[slot]}尚未晒出，${late ? "已过" : ""}截止时间 ${formatDistrictTime(deadline)}，请及时填报。\n\n[去晒报](${publicLink("/unit")})`,
        mentionMobiles: mobiles,
      },
      now,
    );
  }
  return sent;
}

/** A leader's new 批示 on a unit's report: to the unit's group (not its text). */
export async function enqueueInstructionMessage(tx: Tx, unitId: string, slot: SlotKind, now: Date): Promise<number> {
  const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } });
  return enqueueRobotMessage(
    tx,
    { unitIds: [unitId] },
    {
      event: "instruction.create",
      title: "领导批示",
      markdown: `### 领导批示\n${unit.name}：今日${SLOT_LABELS[slot]}收到领导批示，请及时办理并回复。\n\n[查看批示](${publicLink("/unit")})`,
    },
    now,
  );
}

/** A published 要情快讯: to every work channel's group and the leaders' group, with its link. */
export async function enqueueBulletinMessage(tx: Tx, bulletin: { id: string; year: number; number: number; title: string }, now: Date): Promise<number> {
  return enqueueRobotMessage(
    tx,
    { allChannels: true, audience: "LEADERS" },
    {
      event: "bulletin.publish",
      title: `要情快讯 ${bulletin.year} 年第 ${bulletin.number} 期`,
      markdown: `### 要情快讯 ${bulletin.year} 年第 ${bulletin.number} 期\n**${bulletin.title}**\n\n[阅读全文](${publicLink(`/bulletins/${bulletin.id}`)})`,
    },
    now,
  );
}

/** A closed quarter's 红旗/黄旗: to the leaders' group. */
export async function enqueueQuarterFlagsMessage(
  tx: Tx,
  quarter: { year: number; number: number },
  flags: { unitId: string; color: "RED" | "YELLOW" }[],
  now: Date,
): Promise<number> {
  const units = await tx.unit.findMany({ where: { id: { in: flags.map((f) => f.unitId) } }, select: { id: true, name: true, sortOrder: true } });
  const names = (color: "RED" | "YELLOW") =>
    units
      .filter((u) => flags.some((f) => f.unitId === u.id && f.color === color))
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((u) => u.name)
      .join("、") || "无";
  const name = quarterName({ year: quarter.year, number: quarter.number } as Parameters<typeof quarterName>[0]);
  return enqueueRobotMessage(
    tx,
    { audience: "LEADERS" },
    {
      event: "quarter.close",
      title: `${name}红黄旗`,
      markdown: `### ${name}考核结果\n**红旗**：${names("RED")}\n\n**黄旗**：${names("YELLOW")}\n\n[查看晾晒排名](${publicLink("/board")})`,
    },
    now,
  );
}

/** After a slot's deadline: the units that have not shown it, to the office's group. */
async function enqueueMissingSlots(db: Db, date: string, slot: SlotKind, deadline: Date, now: Date): Promise<number> {
  const missing = await db.unit.findMany({
    where: { archivedAt: null, NOT: { cards: { some: { date, slots: { some: { slot } } } } } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { name: true },
  });
  if (missing.length === 0) return 0;
  const names = missing.slice(0, 30).map((u) => u.name);
  return db.$transaction(async (tx) =>
    (await firstTime(tx, `missing:${date}:${slot}`))
      ? enqueueRobotMessage(
          tx,
          { audience: "OFFICE" },
          {
            event: "report.missing",
            title: `${SLOT_LABELS[slot]}未晒单位`,
            markdown: `### ${SLOT_LABELS[slot]}未晒单位\n截至 ${formatDistrictTime(deadline)}，${missing.length} 个单位未晒${SLOT_LABELS[slot]}：${names.join("、")}${missing.length > names.length ? "等" : ""}。\n\n[查看晒报情况](${publicLink("/admin")})`,
          },
          now,
        )
      : 0,
  );
}

/** Once only, on any number of servers: the first caller of a key gets true (in its transaction). */
async function firstTime(tx: Tx, key: string): Promise<boolean> {
  return (await nextNumber(tx, `robot:${key}`)) === 1;
}

const OPEN_ORDER = ["OPEN", "SIGNED", "RESPONDED", "RETURNED"] as const;

/**
 * The timed messages due at `now`: 催报 `remindMinutes` before each of today's
 * slot deadlines (units with a robot that have not shown the slot); a 督办件
 * within `orderLeadHours` of its deadline (超期预警), past it (已超期), or past
 * its 反馈 date. Returns how many messages it wrote.
 */
export async function enqueueDueMessages(db: Db, now: Date, options: { remindMinutes?: number; orderLeadHours?: number } = {}): Promise<number> {
  const remindMs = (options.remindMinutes ?? 30) * 60_000;
  const leadMs = (options.orderLeadHours ?? 24) * 3_600_000;
  let written = 0;

  // 催报 before a slot's deadline.
  const date = districtToday(now);
  const deadlines = await readSlotDeadlines(db);
  for (const slot of SLOTS) {
    const deadline = slotDeadline(date, slot, deadlines);
    if (now.getTime() >= deadline.getTime() && now.getTime() < deadline.getTime() + remindMs) {
      written += await enqueueMissingSlots(db, date, slot, deadline, now);
      continue;
    }
    if (now.getTime() < deadline.getTime() - remindMs || now.getTime() >= deadline.getTime()) continue;
    const units = await db.unit.findMany({
      where: { archivedAt: null, robots: { some: { active: true } }, NOT: { cards: { some: { date, slots: { some: { slot } } } } } },
      select: { id: true, name: true },
    });
    if (units.length === 0) continue;
    written += await db.$transaction(async (tx) =>
      (await firstTime(tx, `remind:${date}:${slot}`)) ? enqueueReportReminders(tx, units, slot, deadline, now) : 0,
    );
  }

  // 督办件: due soon, overdue, 反馈 late — for units with a robot.
  const orders = await db.supervisionOrder.findMany({
    where: { status: { in: [...OPEN_ORDER] }, deadline: { lte: new Date(now.getTime() + leadMs) }, unit: { robots: { some: { active: true } } } },
    select: { id: true, title: true, deadline: true, unitId: true, unit: { select: { name: true } } },
  });
  const feedbackOrders = await db.supervisionOrder.findMany({
    where: { status: { in: [...OPEN_ORDER] }, feedbackEveryDays: { not: null }, unit: { robots: { some: { active: true } } } },
    select: {
      id: true,
      title: true,
      feedbackEveryDays: true,
      createdAt: true,
      signedAt: true,
      lastFeedbackAt: true,
      unitId: true,
      unit: { select: { name: true } },
    },
  });
  const orderMessage = (o: { id: string; title: string; unitId: string; unit: { name: string } }, key: string, heading: string, text: string, urgent = false) =>
    db.$transaction(async (tx) =>
      (await firstTime(tx, key))
        ? enqueueRobotMessage(
            tx,
            { unitIds: [o.unitId] },
            {
              event: "order.warning",
              title: heading,
              markdown: `### ${heading}\n${o.unit.name}：督办件《${o.title}》${text}\n\n[查看督办件](${publicLink(`/orders/${o.id}`)})`,
              urgent,
            },
            now,
          )
        : 0,
    );
  for (const o of orders) {
    const stamp = o.deadline.toISOString();
    if (o.deadline.getTime() > now.getTime()) {
      written += await orderMessage(o, `order-due:${o.id}:${stamp}`, "督办件超期预警", `将于${formatDistrictDateTime(o.deadline)}到期，请抓紧办理。`);
    } else {
      written += await orderMessage(o, `order-overdue:${o.id}:${stamp}`, "督办件已超期", `已于${formatDistrictDateTime(o.deadline)}到期，尚未办结。`);
    }
  }
  for (const o of feedbackOrders) {
    const since = o.lastFeedbackAt ?? o.signedAt ?? o.createdAt;
    const due = new Date(since.getTime() + o.feedbackEveryDays! * 86_400_000);
    if (due.getTime() > now.getTime()) continue;
    written += await orderMessage(
      o,
      `order-feedback:${o.id}:${due.toISOString()}`,
      "督办件反馈逾期",
      `应于${formatDistrictDateTime(due)}前反馈进展，尚未反馈。`,
    );
  }
  return written;
}
