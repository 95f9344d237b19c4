/**
 * Assessment history: the assessment groups' submitted scores for the
 * quarters of this year that have ended, a few leaders' 加减分 and one
 * 一票否决, and those quarters closed in order through the app's own
 * closeQuarter — so the board, the trends and the public flag board have
 * history, with flags passing and a unit holding yellow in consecutive
 * quarters. The current quarter stays OPEN, with every group's scores
 * submitted except the demo assessor's (招商引资), left for the demo.
 *
 * Seeded slots cover only the last weeks, so past quarters have no
 * timeliness data: their breakdowns say so (the weight is 0 by default anyway).
 */
import { closeQuarter } from "@/lib/assessment/close";
import { valueOrThrow } from "@/lib/write-result";
import { type DistrictDate, addDays, districtInstant, quarterOf, quarterRange } from "@/lib/time";
import type { SeedContext } from "./context";
import { insertInBatches } from "./context";
import type { OrgRefs } from "./org";
import { newId, rngFor } from "./rng";

/**
 * The offices that run the assessment are outside the assessed set: scored for
 * reference, listed apart on the board, never ranked (ScoringRule.excludedUnitIds).
 */
export const EXCLUDED_UNITS = ["区委办", "区政府办", "区政府督查室"];

/**
 * The group that scores every department no key task's group covers: 机关党建
 * applies to every 机关, so no department is left with only its tasks to score
 * (every task done = a 100-point plateau that only a code could split).
 */
const CATCH_ALL_GROUP = "KT08";

/** Units that lag all year: a town and a department, so that yellow flags repeat and escalate. */
export const LAGGING_UNITS = ["西阳城乡", "区水利局"];

const DEDUCTION_REASONS = [
  "进度滞后于“课程表”安排",
  "个别点位整改不到位",
  "佐证资料不完整",
  "台账不规范，数据前后不一致",
  "群众反映问题未按期办结",
  "调度推进不够有力",
];

const ADJUSTMENTS: { quarter: number; unit: string; points: number; reason: string }[] = [
  { quarter: 1, unit: "广府镇", points: 2, reason: "广府古城春节文旅活动接待游客创新高，受到市委市政府通报表扬" },
  { quarter: 1, unit: "区行政审批局", points: 1, reason: "“一件事一次办”改革经验被省政务服务办推广" },
  { quarter: 2, unit: "西阳城乡", points: -1, reason: "人居环境整治工作推进不力，被市专项督查通报" },
  { quarter: 2, unit: "刘营镇", points: 1.5, reason: "标准件企业退城进园签约数全区第一" },
  { quarter: 3, unit: "区商务局", points: 1, reason: "承办全市招商引资项目观摩会，组织有序" },
  { quarter: 3, unit: "东杨庄镇", points: -0.5, reason: "汛期值班脱岗，被区防汛办通报" },
];

const VETO = { quarter: 2, unit: "区住建局", item: "重大安全生产事故", reason: "辖区在建工地发生一起较大安全生产事故，按规定实行一票否决" };

/** When each quarter was closed: the office meets in the second week of the next quarter. */
function closingInstant(year: number, number: number): Date {
  const month = number === 4 ? `${year + 1}-01` : `${year}-${String(number * 3 + 1).padStart(2, "0")}`;
  return districtInstant(`${month}-10`, "10:00");
}

export async function seedAssessment(ctx: SeedContext, org: OrgRefs): Promise<{ closed: number; scores: number }> {
  const { db } = ctx;
  await seedAssessedSet(ctx, org);
  const quarters = await db.quarter.findMany({ where: { year: ctx.year }, orderBy: { number: "asc" } });
  const current = quarterOf(ctx.today);
  let closed = 0;
  let scores = 0;
  for (const quarter of quarters) {
    const { start, end } = quarterRange({ year: quarter.year, number: quarter.number as 1 | 2 | 3 | 4 });
    if (end < ctx.today) {
      if (quarter.status === "CLOSED") continue;
      scores += await seedGroupScores(ctx, org, quarter, end, () => true);
      await seedAdjustmentsAndVeto(ctx, org, quarter, start);
      const now = new Date(Math.min(closingInstant(quarter.year, quarter.number).getTime(), ctx.now.getTime() - 60_000));
      valueOrThrow(await closeQuarter(db, { quarterId: quarter.id, actorId: org.adminIds[0], now }));
      closed++;
    } else if (quarter.number === current.number && quarter.status === "OPEN") {
      const investment = org.groups.get("KT02")!.id;
      scores += await seedGroupScores(ctx, org, quarter, addDays(ctx.today, -1), (groupId) => groupId !== investment);
    }
  }
  return { closed, scores };
}

/** The year's excluded units (set once: the office may change them) and a group's scope for every other department. */
async function seedAssessedSet(ctx: SeedContext, org: OrgRefs): Promise<void> {
  const { db } = ctx;
  const excluded = EXCLUDED_UNITS.map((name) => org.unitByName.get(name)?.id).filter((id): id is string => Boolean(id));
  const rule = await db.scoringRule.upsert({
    where: { year: ctx.year },
    create: { id: newId(), year: ctx.year },
    update: {},
    select: { id: true, excludedUnitIds: true },
  });
  if (rule.excludedUnitIds === "[]") await db.scoringRule.update({ where: { id: rule.id }, data: { excludedUnitIds: JSON.stringify(excluded.sort()) } });
  const covered = new Set((await db.assessmentGroupUnit.findMany({ select: { unitId: true } })).map((g) => g.unitId));
  const departments = await db.unit.findMany({ where: { kind: "DEPARTMENT", archivedAt: null }, select: { id: true } });
  const group = org.groups.get(CATCH_ALL_GROUP)!.id;
  const missing = departments.filter((d) => !covered.has(d.id) && !excluded.includes(d.id)).map((d) => ({ groupId: group, unitId: d.id }));
  await insertInBatches(db, missing, (batch) => db.assessmentGroupUnit.createMany({ data: batch }));
}

async function seedGroupScores(
  ctx: SeedContext,
  org: OrgRefs,
  quarter: { id: string; number: number },
  submittedOn: DistrictDate,
  includeGroup: (groupId: string) => boolean,
): Promise<number> {
  const { db } = ctx;
  const groups = await db.assessmentGroup.findMany({
    select: {
      id: true,
      name: true,
      members: { select: { userId: true }, orderBy: { userId: "asc" } },
      units: { select: { unit: { select: { id: true, code: true, name: true } } } },
      rubricItems: { where: { year: ctx.year }, orderBy: { sortOrder: "asc" }, select: { id: true, maxPoints: true } },
    },
  });
  const existing = new Set(
    (await db.groupScore.findMany({ where: { quarterId: quarter.id }, select: { groupId: true, unitId: true } })).map((s) => `${s.groupId}|${s.unitId}`),
  );
  const submittedAt = new Date(Math.min(districtInstant(submittedOn, "17:00").getTime(), ctx.now.getTime() - 60_000));
  const scoreRows: { id: string; quarterId: string; groupId: string; unitId: string; assessorId: string; status: "SUBMITTED"; submittedAt: Date }[] = [];
  const itemRows: { id: string; scoreId: string; rubricItemId: string; points: number; comment: string | null }[] = [];
  for (const group of groups) {
    if (!includeGroup(group.id) || group.members.length === 0 || group.rubricItems.length === 0) continue;
    for (const { unit } of group.units) {
      if (existing.has(`${group.id}|${unit.id}`)) continue;
      const id = newId();
      const rng = rngFor("group-score", ctx.year, quarter.number, group.name, unit.code);
      const quality = LAGGING_UNITS.includes(unit.name) ? 0.45 : rngFor("unit-quality", unit.code).float(0.72, 0.96);
      scoreRows.push({
        id,
        quarterId: quarter.id,
        groupId: group.id,
        unitId: unit.id,
        assessorId: rng.pick(group.members).userId,
        status: "SUBMITTED",
        submittedAt,
      });
      for (const item of group.rubricItems) {
        const share = Math.min(1, Math.max(0.3, quality + rng.float(-0.1, 0.08)));
        const points = share >= 0.97 ? item.maxPoints : Math.round(item.maxPoints * share * 2) / 2;
        const lost = item.maxPoints - points;
        itemRows.push({ id: newId(), scoreId: id, rubricItemId: item.id, points, comment: lost > 0 ? `${rng.pick(DEDUCTION_REASONS)}，扣${lost}分` : null });
      }
    }
  }
  await insertInBatches(db, scoreRows, (batch) => db.groupScore.createMany({ data: batch }));
  await insertInBatches(db, itemRows, (batch) => db.groupScoreItem.createMany({ data: batch }));
  return scoreRows.length;
}

async function seedAdjustmentsAndVeto(ctx: SeedContext, org: OrgRefs, quarter: { id: string; number: number }, start: DistrictDate): Promise<void> {
  const { db } = ctx;
  const leader = org.leaders[0];
  const createdAt = districtInstant(addDays(start, 60), "16:00");
  for (const plan of ADJUSTMENTS.filter((a) => a.quarter === quarter.number)) {
    const unit = org.unitByName.get(plan.unit);
    if (!unit) continue;
    const exists = await db.scoreAdjustment.findFirst({ where: { quarterId: quarter.id, unitId: unit.id, reason: plan.reason }, select: { id: true } });
    if (!exists)
      await db.scoreAdjustment.create({
        data: { id: newId(), quarterId: quarter.id, unitId: unit.id, points: plan.points, reason: plan.reason, createdById: leader.id, createdAt },
      });
  }
  if (VETO.quarter !== quarter.number) return;
  const unit = org.unitByName.get(VETO.unit);
  const item = await db.vetoItem.findFirst({ where: { name: VETO.item, rule: { year: ctx.year } }, select: { id: true } });
  if (!unit || !item) return;
  const exists = await db.unitVeto.findFirst({ where: { quarterId: quarter.id, unitId: unit.id }, select: { id: true } });
  if (!exists) {
    await db.unitVeto.create({
      data: { id: newId(), quarterId: quarter.id, unitId: unit.id, vetoItemId: item.id, reason: VETO.reason, createdById: org.adminIds[0], createdAt },
    });
  }
}
