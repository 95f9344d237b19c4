/**
 * How the events outside a 督办件's steps are told (those are in
 * lib/supervision/orders/events.ts): each through `announce` (notify.ts) in
 * its event's transaction — in-app notices to the people concerned and, where
 * the event has one, a group-robot message the sender delivers later. Short
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
import { announce, channelAudience, leaderUsers, officeUsers, usersOfUnits } from "@/lib/notifications/notify";
import { readLeadTimes, type LeadTimes } from "@/lib/notifications/lead-settings";
import { publicLink } from "@/lib/notifications/outbox";
import { readSlotDeadlines } from "@/lib/reports/deadline-settings";
import { SLOT_LABELS, SLOTS, slotDeadline } from "@/lib/reports/slots";
import { districtToday, formatDistrictDateTime, formatDistrictTime } from "@/lib/time";

type Tx = Prisma.TransactionClient;

/** 催报 to each unit: its reporters in-app, its group @-ing their phones. */
export async function enqueueReportReminders(tx: Tx, units: { id: string; name: string }[], slot: SlotKind, deadline: Date, now: Date): Promise<number> {
  if (units.length === 0) return 0;
  const reporters = await tx.user.findMany({
    where: { unitId: { in: units.map((u) => u.id) }, role: "REPORTER", active: true },
    select: { id: true, unitId: true, phone: true },
  });
  let sent = 0;
  for (const unit of units) {
    const ours = reporters.filter((r) => r.unitId === unit.id);
    const late = now.getTime() > deadline.getTime();
    const text = `今日${SLOT_LABELS[slot]}尚未晒出，${late ? "已过" : ""}截止时间 ${formatDistrictTime(deadline)}，请及时填报。`;
    sent += await announce(
      tx,
      { users: ours.map((r) => r.id), robots: { unitIds: [unit.id] } },
      { kind: "report.remind", message: `${SLOT_LABELS[slot]}催报：${text}`, href: "/unit" },
      {
        title: `${SLOT_LABELS[slot]}催报`,
        markdown: `### ${SLOT_LABELS[slot]}催报\n${unit.name}：${text}\n\n[去晒报](${publicLink("/unit")})`,
        mentionMobiles: ours.filter((r) => r.phone).map((r) => r.phone!),
      },
      now,
    );
  }
  return sent;
}

export type InstructionEventKind = "create" | "answer" | "reask" | "close";

/**
 * A 批示's events: a new one and a 追问 go to the unit (its people in-app, its
 * group through its robot — never the 批示's text); the unit's answer goes to
 * the leader who wrote it; its closing (采纳办结) to the unit, in-app only.
 */
export async function instructionEvent(tx: Tx, kind: InstructionEventKind, instructionId: string, now: Date): Promise<number> {
  const instruction = await tx.instruction.findUniqueOrThrow({
    where: { id: instructionId },
    select: { slot: true, leaderId: true, deadline: true, card: { select: { date: true, unitId: true, unit: { select: { name: true } } } } },
  });
  const unitId = instruction.card.unitId;
  if (!unitId) return 0;
  const unitName = instruction.card.unit?.name ?? "";
  const on = `${instruction.card.date.slice(5).replace("-", "月")}日${instruction.slot ? SLOT_LABELS[instruction.slot] : "晒报"}`;
  const unitPeople = { users: await usersOfUnits(tx, [unitId]), robots: { unitIds: [unitId] } };
  const notice = (message: string, href = "/unit") => ({ kind: `instruction.${kind}`, message, href });
  switch (kind) {
    case "create": {
      const text = `${on}收到领导批示，请${instruction.deadline ? `于 ${instruction.deadline} 前` : "及时"}办理并回复。`;
      return announce(
        tx,
        unitPeople,
        notice(text),
        {
          title: "领导批示",
          markdown: `### 领导批示\n${unitName}：今日${instruction.slot ? SLOT_LABELS[instruction.slot] : "晒报"}收到领导批示，请及时办理并回复。\n\n[查看批示](${publicLink("/unit")})`,
        },
        now,
      );
    }
    case "reask":
      return announce(
        tx,
        unitPeople,
        notice(`领导对${on}的批示追问，请再次回复。`),
        {
          title: "领导追问",
          markdown: `### 领导追问\n${unitName}：领导对${on}的批示追问，请再次办理并回复。\n\n[查看批示](${publicLink("/unit")})`,
        },
        now,
      );
    case "close":
      return announce(tx, { users: unitPeople.users }, notice(`${on}的领导批示已采纳回复，办结。`), null, now);
    case "answer":
      return announce(tx, { users: [instruction.leaderId] }, notice(`${unitName}已回复您对${on}的批示，请审阅。`, "/leader/instructions"), null, now);
  }
}

/** A published 要情快讯: everyone its robots reach (every work channel's people, the leaders) in-app, and those robots, with its link. */
export async function enqueueBulletinMessage(tx: Tx, bulletin: { id: string; year: number; number: number; title: string }, now: Date): Promise<number> {
  const name = `要情快讯 ${bulletin.year} 年第 ${bulletin.number} 期`;
  return announce(
    tx,
    { users: await channelAudience(tx), robots: { allChannels: true, audience: "LEADERS" } },
    { kind: "bulletin.publish", message: `${name}已发布：${bulletin.title}`, href: `/bulletins/${bulletin.id}` },
    { title: name, markdown: `### ${name}\n**${bulletin.title}**\n\n[阅读全文](${publicLink(`/bulletins/${bulletin.id}`)})` },
    now,
  );
}

/** A closed quarter's 红旗/黄旗: to the leaders, in-app and in their group. */
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
  return announce(
    tx,
    { users: await leaderUsers(tx), robots: { audience: "LEADERS" } },
    { kind: "quarter.close", message: `${name}考核结果：红旗 ${names("RED")}；黄旗 ${names("YELLOW")}。`, href: "/board" },
    {
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
  const text = `截至 ${formatDistrictTime(deadline)}，${missing.length} 个单位未晒${SLOT_LABELS[slot]}：${names.join("、")}${missing.length > names.length ? "等" : ""}。`;
  return db.$transaction(async (tx) =>
    (await firstTime(tx, `missing:${date}:${slot}`))
      ? announce(
          tx,
          { users: await officeUsers(tx), robots: { audience: "OFFICE" } },
          { kind: "report.missing", message: `${SLOT_LABELS[slot]}未晒单位：${text}`, href: "/admin" },
          {
            title: `${SLOT_LABELS[slot]}未晒单位`,
            markdown: `### ${SLOT_LABELS[slot]}未晒单位\n${text}\n\n[查看晒报情况](${publicLink("/admin")})`,
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

/**
 * Orders warned of (超期预警, 已超期, 反馈逾期): out with the lead unit and in its
 * hands. Not RESPONDED: a unit whose 办结申请 is in waits for the office's
 * review, and is not warned meanwhile (it answered; the deadline is the office's
 * to judge — order-status.ts counts an answer in time as not overdue).
 */
const WARNED_ORDER = ["OPEN", "SIGNED", "RETURNED"] as const;

/**
 * The timed messages due at `now`: 催报 `remindMinutes` before each of today's
 * slot deadlines (units that have not shown the slot); a 督办件 within
 * `orderLeadHours` of its deadline (超期预警) or of its next 反馈 date (反馈即将
 * 到期), past its deadline (已超期), or past its 反馈 date. The lead times are
 * the office's setting (lead-settings.ts) unless `options` gives them. Each is an in-app notice and a robot message (announce).
 * Returns how many robot messages it wrote.
 */
export async function enqueueDueMessages(db: Db, now: Date, options: Partial<LeadTimes> = {}): Promise<number> {
  const lead = { ...(await readLeadTimes(db)), ...options };
  const remindMs = lead.remindMinutes * 60_000;
  const leadMs = lead.orderLeadHours * 3_600_000;
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
      where: { archivedAt: null, NOT: { cards: { some: { date, slots: { some: { slot } } } } } },
      select: { id: true, name: true },
    });
    if (units.length === 0) continue;
    written += await db.$transaction(async (tx) =>
      (await firstTime(tx, `remind:${date}:${slot}`)) ? enqueueReportReminders(tx, units, slot, deadline, now) : 0,
    );
  }

  // 督办件: due soon, overdue, 反馈 late — to the lead unit's people and its group.
  const orders = await db.supervisionOrder.findMany({
    where: { status: { in: [...WARNED_ORDER] }, deadline: { lte: new Date(now.getTime() + leadMs) } },
    select: { id: true, title: true, deadline: true, unitId: true, unit: { select: { name: true } } },
  });
  const feedbackOrders = await db.supervisionOrder.findMany({
    where: { status: { in: [...WARNED_ORDER] }, feedbackEveryDays: { not: null } },
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
        ? announce(
            tx,
            { users: await usersOfUnits(tx, [o.unitId]), robots: { unitIds: [o.unitId] } },
            { kind: "order.warning", message: `${heading}：督办件《${o.title}》${text}`, href: `/orders/${o.id}` },
            {
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
    if (due.getTime() > now.getTime()) {
      // 反馈即将到期: within the same lead as the 超期预警.
      if (due.getTime() - now.getTime() <= leadMs)
        written += await orderMessage(
          o,
          `order-feedback-soon:${o.id}:${due.toISOString()}`,
          "督办件反馈即将到期",
          `应于${formatDistrictDateTime(due)}前反馈进展，请按时反馈。`,
        );
      continue;
    }
    written += await orderMessage(
      o,
      `order-feedback:${o.id}:${due.toISOString()}`,
      "督办件反馈逾期",
      `应于${formatDistrictDateTime(due)}前反馈进展，尚未反馈。`,
    );
  }
  return written;
}
