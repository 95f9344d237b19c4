/**
 * The district leaders' own cards (分线作战): for each of the 12 leaders, the
 * last three days' morning 点名 and evening report, and today's morning once
 * the day has begun — on the tasks of the lines they lead, the evening with
 * the place they went to. Idempotent: a leader's existing card of a day is
 * left alone. Never scored or ranked (README, 区级领导的晒报).
 */
import { leaderTaskWhere } from "@/lib/reports/leader-tasks";
import { addDays, districtInstant, type DistrictDate } from "@/lib/time";
import type { SeedContext } from "./context";
import type { OrgRefs } from "./org";

const GENERIC_PLANS = ["听取分管线工作汇报", "调度重点项目进度", "督导信访积案化解", "研究安全生产隐患整改"];

export async function seedLeaderCards(ctx: SeedContext, org: OrgRefs): Promise<number> {
  const { db } = ctx;
  const dates: DistrictDate[] = [addDays(ctx.yesterday, -2), addDays(ctx.yesterday, -1), ctx.yesterday];
  const withToday = ctx.now.getTime() >= districtInstant(ctx.today, "07:30").getTime();
  if (withToday) dates.push(ctx.today);
  const existing = new Set(
    (await db.reportCard.findMany({ where: { leaderId: { not: null }, date: { in: dates } }, select: { leaderId: true, date: true } })).map(
      (c) => `${c.leaderId}|${c.date}`,
    ),
  );
  let created = 0;
  for (const [i, leader] of org.leaders.entries()) {
    const tasks = await db.task.findMany({
      where: leaderTaskWhere(leader.id),
      orderBy: { id: "asc" },
      take: 2,
      select: { id: true, title: true, unit: { select: { name: true } } },
    });
    for (const [d, date] of dates.entries()) {
      if (existing.has(`${leader.id}|${date}`)) continue;
      const plans = [
        ...tasks.map((t) => ({ text: `到${t.unit.name}督导“${t.title}”`, taskId: t.id })),
        { text: GENERIC_PLANS[(i + d) % GENERIC_PLANS.length], taskId: null },
      ];
      const place = tasks[0]?.unit.name ?? "区政府";
      const evening = date !== ctx.today;
      const done = plans.map((_, k) => (k + i + d) % 4 !== 3);
      await db.reportCard.create({
        data: {
          leaderId: leader.id,
          date,
          items: {
            create: plans.map((p, k) => ({
              addedIn: "MORNING" as const,
              text: p.text,
              taskId: p.taskId,
              sortOrder: k + 1,
              ...(evening ? { outcome: done[k] ? ("DONE" as const) : ("OPEN" as const), reason: done[k] ? null : "明天继续" } : {}),
            })),
          },
          slots: {
            create: [
              {
                slot: "MORNING" as const,
                authorId: leader.id,
                text: `今日点名：${plans.map((p, k) => `${k + 1}.${p.text}`).join("；")}`,
                submittedAt: districtInstant(date, "07:50"),
              },
              ...(evening
                ? [
                    {
                      slot: "EVENING" as const,
                      authorId: leader.id,
                      text: `今日汇报：${plans.map((p, k) => `${k + 1}.${p.text}${done[k] ? " ✓" : " ?（明天继续）"}`).join("；")}`,
                      place,
                      submittedAt: districtInstant(date, "19:40"),
                    },
                  ]
                : []),
            ],
          },
        },
      });
      created++;
    }
  }
  return created;
}
