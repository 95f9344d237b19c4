/**
 * Supervision and assessment scaffolding: the year's scoring rule with its veto
 * items, the four quarters, a few published bulletins (要情快讯) built from real
 * seeded slots, and a handful of supervision orders (督办单) to townships.
 */
import { excerptOfSlot, officialText } from "@/lib/supervision/bulletins/official-text";
import { bulletinCardItemSelect } from "@/lib/supervision/bulletins/writes";
import { migrateOrdersToLifecycle } from "@/lib/supervision/orders/migration";
import { type DistrictDate, addDays, districtInstant, quarterOf } from "@/lib/time";
import type { SeedContext } from "./context";
import type { OrgRefs } from "./org";
import { newId, rngFor } from "./rng";
import type { TaskRef } from "./tasks";

export const VETO_ITEMS = ["重大安全生产事故", "重大违法用地案件"];

export async function seedScoring(ctx: SeedContext): Promise<void> {
  const { db, year } = ctx;
  const rule = await db.scoringRule.upsert({ where: { year }, create: { id: newId(), year }, update: {}, select: { id: true } });
  for (const name of VETO_ITEMS) {
    await db.vetoItem.upsert({ where: { ruleId_name: { ruleId: rule.id, name } }, create: { id: newId(), ruleId: rule.id, name }, update: {} });
  }
  for (const number of [1, 2, 3, 4]) {
    await db.quarter.upsert({ where: { year_number: { year, number } }, create: { id: newId(), year, number }, update: {} });
  }
}

/**
 * Three daily bulletins for the last three days of the year so far, each
 * quoting the evening reports of a few units.
 */
export async function seedBulletins(ctx: SeedContext, org: OrgRefs): Promise<number> {
  const { db } = ctx;
  const dates = [addDays(ctx.yesterday, -2), addDays(ctx.yesterday, -1), ctx.yesterday].filter((d) => quarterOf(d).year === ctx.year);
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  let created = 0;
  let lastNumber = 0;
  for (const [i, date] of dates.entries()) {
    const number = i + 1;
    lastNumber = number;
    const exists = await db.bulletin.findUnique({ where: { year_number: { year: ctx.year, number } }, select: { id: true } });
    if (exists) continue;
    const evenings = await db.reportSlot.findMany({
      where: { slot: "EVENING", card: { date } },
      select: {
        id: true,
        slot: true,
        text: true,
        card: { select: { unitId: true, items: { orderBy: { sortOrder: "asc" }, select: bulletinCardItemSelect } } },
      },
    });
    // Worth showing: a full day's work, mostly done.
    const slots = evenings.filter((s) => s.card.items.filter((i) => i.outcome === "DONE").length >= 2);
    // Towns first, then departments, in the district's order; a seeded pick of four.
    slots.sort((a, b) => org.units.indexOf(unitById.get(a.card.unitId)!) - org.units.indexOf(unitById.get(b.card.unitId)!));
    const rng = rngFor("bulletin", date);
    const towns = slots.filter((s) => unitById.get(s.card.unitId)?.kind === "TOWN");
    const departments = slots.filter((s) => unitById.get(s.card.unitId)?.kind === "DEPARTMENT");
    const picked = [...rng.sample(towns, 2), ...rng.sample(departments, 2)];
    if (picked.length === 0) continue;
    const names = picked.map((s) => unitById.get(s.card.unitId)!.name);
    const [, m, d] = date.split("-").map(Number);
    const publishedAt = new Date(Math.min(districtInstant(addDays(date, 1), "08:00").getTime(), ctx.now.getTime() - 60_000));
    await db.bulletin.create({
      data: {
        id: newId(),
        year: ctx.year,
        number,
        date,
        title: `要情快讯 第${number}期`,
        summary: officialText(`${m}月${d}日，全区各单位对照年度任务责任清单“一日三晒”。本期摘编${names.join("、")}的晚晒内容，请各单位对标学习、比学赶超。`),
        status: "PUBLISHED",
        createdById: org.adminIds[0],
        createdAt: districtInstant(date, "21:30"),
        publishedAt,
        items: {
          create: picked.map((s, k) => ({
            id: newId(),
            slotId: s.id,
            excerpt: excerptOfSlot({ unitName: names[k], slot: s.slot, text: s.text, items: s.card.items }),
            sortOrder: k + 1,
          })),
        },
      },
    });
    created++;
  }
  if (lastNumber > 0) {
    const key = `bulletin:${ctx.year}`;
    const counter = await db.counter.findUnique({ where: { key } });
    // Never lower the counter: the office may have published more since.
    if (!counter) await db.counter.create({ data: { key, value: lastNumber } });
    else if (counter.value < lastNumber) await db.counter.update({ where: { key }, data: { value: lastNumber } });
  }
  return created;
}

type OrderPlan = {
  unit: string;
  issuer: "admin" | "assessor";
  title: string;
  content: string;
  /** days from today; negative is past */
  createdDay: number;
  deadlineDay: number;
  status: "OPEN" | "RESPONDED" | "ACCEPTED";
  response?: string;
  /** words in the title of the task it concerns */
  taskHint: string;
};

const ORDERS: OrderPlan[] = [
  {
    unit: "临洺关镇",
    issuer: "assessor",
    title: "冀南快递产业园征地进度滞后，限时解决",
    content: "经跟踪考核组核查，冀南快递产业园征地进度滞后于“课程表”安排。请于限期内拿出整改措施，倒排工期，并在晚晒中逐日报告进展。",
    createdDay: -2,
    deadlineDay: 3,
    status: "OPEN",
    taskHint: "冀南快递",
  },
  {
    unit: "广府镇",
    issuer: "admin",
    title: "广府古城南关片区改造进度滞后，限时解决",
    content: "南关片区管网迁改多日未见进展，影响古城景区提升整体进度。请镇主要负责同志亲自调度，限期内反馈解决情况。",
    createdDay: -9,
    deadlineDay: -4,
    status: "OPEN",
    taskHint: "广府古城",
  },
  {
    unit: "刘营镇",
    issuer: "assessor",
    title: "已签约项目开工滞后，限时解决",
    content: "你镇今年已签约招商项目中仍有项目未开工，请逐个项目说明原因和开工时限。",
    createdDay: -6,
    deadlineDay: -1,
    status: "RESPONDED",
    response: "已逐个项目召开推进会：1个项目本周办结施工许可后开工，另1个项目用地已完成组卷，月底前开工。",
    taskHint: "招商",
  },
  {
    unit: "界河店乡",
    issuer: "admin",
    title: "兴业路占地拆迁遗留问题，限时解决",
    content: "兴业路沿线仍有拆迁遗留问题影响道路施工，请限期内解决并报送结果。",
    createdDay: -14,
    deadlineDay: -10,
    status: "ACCEPTED",
    response: "遗留的3户已签订补偿协议并完成拆除，施工单位已进场，道路施工恢复正常。",
    taskHint: "兴业路",
  },
];

export async function seedOrders(ctx: SeedContext, org: OrgRefs, tasksByUnit: Map<string, TaskRef[]>): Promise<number> {
  const { db } = ctx;
  const group = org.groups.get("KT02")!;
  let created = 0;
  for (const plan of ORDERS) {
    const unit = org.unitByName.get(plan.unit)!;
    if (await db.supervisionOrder.findFirst({ where: { unitId: unit.id, title: plan.title }, select: { id: true } })) continue;
    const tasks = tasksByUnit.get(unit.id) ?? [];
    const task = tasks.find((t) => t.title.includes(plan.taskHint)) ?? tasks[0] ?? null;
    const createdDate: DistrictDate = addDays(ctx.today, plan.createdDay);
    const createdAt = districtInstant(createdDate, "10:00");
    const deadline = districtInstant(addDays(ctx.today, plan.deadlineDay), "18:00");
    // Point the order at the unit's evening report of the day before it was issued, when there is one.
    const slot = await db.reportSlot.findFirst({
      where: { slot: "EVENING", card: { unitId: unit.id, date: addDays(createdDate, -1) } },
      select: { id: true },
    });
    const respondedAt = new Date(Math.min(deadline.getTime() - 3 * 3_600_000, ctx.now.getTime() - 60_000));
    const issuerId = plan.issuer === "admin" ? org.adminIds[0] : org.assessorId;
    await db.supervisionOrder.create({
      data: {
        id: newId(),
        issuerId,
        groupId: plan.issuer === "assessor" ? group.id : null,
        unitId: unit.id,
        taskId: task?.id ?? null,
        slotId: slot?.id ?? null,
        title: plan.title,
        content: plan.content,
        deadline,
        status: plan.status,
        createdAt,
        acceptedAt: plan.status === "ACCEPTED" ? new Date(respondedAt.getTime() + 2 * 3_600_000) : null,
        responses: plan.response
          ? {
              create: {
                id: newId(),
                authorId: unit.headId,
                text: plan.response,
                createdAt: respondedAt,
                decision: plan.status === "ACCEPTED" ? "ACCEPTED" : null,
                decisionNote: plan.status === "ACCEPTED" ? "经核实，问题已解决，同意销号。" : null,
                decidedAt: plan.status === "ACCEPTED" ? new Date(respondedAt.getTime() + 2 * 3_600_000) : null,
              },
            }
          : undefined,
      },
    });
    created++;
  }
  // The seeded orders get their history as steps, as the data migration gives old ones (issue 16).
  if (created) await db.$transaction((tx) => migrateOrdersToLifecycle(tx));
  return created;
}
