/**
 * What happens around the cards: leaders' instructions (批示) and the units'
 * answers, and the demo reporter's work log (工作日志) that the reports were
 * built from. Written only where absent.
 */
import { type DistrictDate, addDays, daysBetween, districtInstant } from "@/lib/time";
import type { SeedContext } from "./context";
import type { OrgRefs } from "./org";
import { newId, rngFor } from "./rng";
import type { TaskRef } from "./tasks";
import { fill } from "./tasks";
import { UNIT_CARD, unitIdOf } from "@/lib/reports/card-owner";

/** What a leader writes, by what the card shows; "{item}" is one of its items. */
const INSTRUCTIONS = {
  open: [
    "关于{item}，要说明未完成的原因和完成时限，明天晚晒报告进展。",
    "关于{item}，请分包领导到现场盯办，需要区里协调的及时提出。",
    "{item}不能一拖再拖，请相关部门主动对接，三日内反馈结果。",
  ],
  done: ["{item}做得好，要总结经验，在全区推广。", "关于{item}，要跟踪到底、巩固成效，防止反弹。"],
  any: ["请加快进度，确保按期完成，完成后及时报告。", "关于{item}，此项工作要再细化，明天上午报送推进方案。"],
};

const ANSWERS = [
  "已按批示要求召开专题会，明确专人负责，预计本周内完成。",
  "已细化推进方案并报送，倒排工期，每日调度。",
  "已会同相关部门现场协调解决，问题已办结。",
  "分包领导已到现场盯办，目前进展顺利，完成后及时报告。",
  "已对照批示逐项落实，群众诉求已答复，对方表示满意。",
];

type CardWithSlots = {
  id: string;
  unitId: string;
  date: string;
  slots: { slot: "MORNING" | "NOON" | "EVENING"; submittedAt: Date }[];
  items: { text: string; outcome: "DONE" | "OPEN" | null; taskId: string | null }[];
};

/**
 * About a dozen instructions on the last week's cards, more on townships than
 * on departments, chosen from each card's own seed so that they do not move
 * when the seed runs again; older ones answered, recent ones mostly open. One
 * open instruction always sits on 临洺关镇's latest card, for the demo. About
 * half have a 办理期限; answered ones older than four days are closed (采纳办结).
 */
export async function seedInstructions(ctx: SeedContext, org: OrgRefs): Promise<number> {
  const { db } = ctx;
  const from = addDays(ctx.yesterday, -6);
  const rows = await db.reportCard.findMany({
    where: { date: { gte: from, lte: ctx.yesterday }, ...UNIT_CARD },
    select: {
      id: true,
      unitId: true,
      date: true,
      slots: { select: { slot: true, submittedAt: true }, orderBy: { submittedAt: "asc" } },
      items: { select: { text: true, outcome: true, taskId: true }, orderBy: { sortOrder: "asc" } },
    },
    orderBy: [{ date: "asc" }, { unitId: "asc" }],
  });
  const cards: CardWithSlots[] = rows.map((c) => ({ ...c, unitId: unitIdOf(c) }));
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const demoTown = org.unitByName.get("临洺关镇")!;
  const latestDemoCard = cards.filter((c) => c.unitId === demoTown.id && c.slots.length > 0 && c.items.length > 0).at(-1);

  type Plan = { card: CardWithSlots; leaderId: string; text: string; answered: boolean };
  const plans: Plan[] = [];
  for (const card of cards) {
    const unit = unitById.get(card.unitId);
    if (!unit || card.slots.length === 0 || card.items.length === 0) continue;
    const rng = rngFor("instruction", unit.code, card.date);
    const forced = card === latestDemoCard;
    if (!forced && !rng.chance(unit.kind === "TOWN" ? 0.04 : 0.008)) continue;
    // Leaders comment on the work of the task list, not on meetings.
    const onTasks = card.items.filter((i) => i.taskId !== null);
    const open = onTasks.filter((i) => i.outcome === "OPEN");
    const done = onTasks.filter((i) => i.outcome === "DONE");
    let template: string;
    let item: string;
    if (forced) {
      template = INSTRUCTIONS.any[1];
      item = (open[0] ?? card.items[0]).text;
    } else if (open.length > 0 && rng.chance(0.7)) {
      template = rng.pick(INSTRUCTIONS.open);
      item = rng.pick(open).text;
    } else if (done.length > 0 && rng.chance(0.6)) {
      template = rng.pick(INSTRUCTIONS.done);
      item = rng.pick(done).text;
    } else {
      template = rng.pick(INSTRUCTIONS.any);
      item = rng.pick(onTasks.length > 0 ? onTasks : card.items).text;
    }
    const age = daysBetween(card.date, ctx.yesterday);
    plans.push({
      card,
      leaderId: forced ? org.leaders[0].id : rng.pick(org.leaders).id,
      text: fill(template, { item }),
      answered: !forced && (age >= 2 ? rng.chance(0.75) : rng.chance(0.3)),
    });
  }

  let created = 0;
  for (const plan of plans) {
    const exists = await db.instruction.findFirst({ where: { cardId: plan.card.id, leaderId: plan.leaderId, text: plan.text }, select: { id: true } });
    if (exists) continue;
    const unit = unitById.get(plan.card.unitId)!;
    const rng = rngFor("instruction-time", unit.code, plan.card.date);
    const slot = plan.card.slots[plan.card.slots.length - 1];
    const createdAt = new Date(Math.min(slot.submittedAt.getTime() + rng.int(20, 180) * 60_000, ctx.now.getTime() - 60_000));
    const answeredAt = new Date(Math.min(createdAt.getTime() + rng.int(2, 20) * 3_600_000, ctx.now.getTime() - 30_000));
    // About half carry a 办理期限 of two or three days (a separate draw, so the rest of the seed does not move);
    // answered ones four or more days old were accepted (采纳办结) a day after the answer. Some are left overdue.
    const terms = rngFor("instruction-deadline", unit.code, plan.card.date);
    const deadline = terms.chance(0.5) ? addDays(plan.card.date, terms.int(2, 3)) : null;
    const age = daysBetween(plan.card.date, ctx.yesterday);
    const closedAt = plan.answered && age >= 4 ? new Date(Math.min(answeredAt.getTime() + 86_400_000, ctx.now.getTime() - 10_000)) : null;
    await db.instruction.create({
      data: {
        id: newId(),
        cardId: plan.card.id,
        slot: slot.slot,
        leaderId: plan.leaderId,
        text: plan.text,
        createdAt,
        answeredAt: plan.answered ? answeredAt : null,
        deadline,
        closedAt,
        answers: plan.answered ? { create: { id: newId(), authorId: unit.headId, text: rng.pick(ANSWERS), createdAt: answeredAt } } : undefined,
      },
    });
    created++;
  }
  return created;
}

/**
 * The demo reporter's work log for the last three days, mirroring the items of
 * 临洺关镇's cards (and linked to them), plus today's planned items: yesterday's
 * open ones carried over and one or two new ones.
 */
export async function seedDemoWorkLog(ctx: SeedContext, org: OrgRefs, tasksByUnit: Map<string, TaskRef[]>): Promise<number> {
  const { db } = ctx;
  const unit = org.unitByName.get("临洺关镇")!;
  const userId = unit.reporterId;
  const dates: DistrictDate[] = [addDays(ctx.yesterday, -2), addDays(ctx.yesterday, -1), ctx.yesterday];
  let created = 0;
  // The log items of the previous day, by the report item they mirror, for carry-over.
  let previous = new Map<string, { id: string; open: boolean; text: string; taskId: string | null }>();

  for (const date of dates) {
    const logged = await db.workLogItem.findMany({
      where: { userId, date },
      select: { id: true, text: true, outcome: true, taskId: true, reportItems: { select: { id: true } } },
    });
    const card = await db.reportCard.findUnique({
      where: { unitId_date: { unitId: unit.id, date } },
      select: { items: { orderBy: { sortOrder: "asc" }, select: { id: true, text: true, taskId: true, outcome: true, reason: true, carriedFromId: true } } },
    });
    const current = new Map<string, { id: string; open: boolean; text: string; taskId: string | null }>();
    if (logged.length > 0) {
      for (const l of logged) for (const ri of l.reportItems) current.set(ri.id, { id: l.id, open: l.outcome === "OPEN", text: l.text, taskId: l.taskId });
      previous = current;
      continue;
    }
    const items = card?.items ?? [];
    for (const [i, item] of items.entries()) {
      const id = newId();
      const carriedFrom = item.carriedFromId ? previous.get(item.carriedFromId) : undefined;
      await db.workLogItem.create({
        data: {
          id,
          userId,
          unitId: unit.id,
          date,
          text: item.text,
          taskId: item.taskId,
          outcome: item.outcome,
          reason: item.reason,
          carriedFromId: carriedFrom?.id ?? null,
          sortOrder: i + 1,
          createdAt: districtInstant(date, "07:40"),
        },
      });
      await db.reportItem.update({ where: { id: item.id }, data: { workLogItemId: id } });
      current.set(item.id, { id, open: item.outcome === "OPEN", text: item.text, taskId: item.taskId });
      created++;
    }
    previous = current;
  }

  // Today: planned, not yet reported.
  const today = ctx.today;
  if ((await db.workLogItem.count({ where: { userId, date: today } })) === 0) {
    const rng = rngFor("worklog", unit.code, today);
    const planned: { text: string; taskId: string | null; carriedFromId: string | null }[] = [];
    for (const p of previous.values()) if (p.open) planned.push({ text: p.text, taskId: p.taskId, carriedFromId: p.id });
    const live = (tasksByUnit.get(unit.id) ?? []).filter((t) => t.status !== "DONE");
    for (const task of rng.sample(live, 2)) {
      const text = fill(rng.pick(task.work), { place: task.place });
      if (!planned.some((p) => p.text === text)) planned.push({ text, taskId: task.id, carriedFromId: null });
    }
    for (const [i, p] of planned.entries()) {
      await db.workLogItem.create({
        data: {
          id: newId(),
          userId,
          unitId: unit.id,
          date: today,
          ...p,
          sortOrder: i + 1,
          createdAt: new Date(Math.min(districtInstant(today, "07:30").getTime(), ctx.now.getTime())),
        },
      });
      created++;
    }
  }
  return created;
}
