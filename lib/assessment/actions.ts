"use server";

/**
 * Writes of the assessment: groups' scores (ASSESSOR), the year's rules and
 * veto items (ADMIN), 加减分 (LEADER, ADMIN) and 一票否决 (ADMIN), closing and
 * correcting a quarter (ADMIN). Each through authedAction (session, role,
 * zod), scope in the query, one transaction, audited.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { audit } from "@/lib/audit";
import { FORBIDDEN, authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { AssessmentError, EarlyCloseReasonRequired, closeQuarter, correctQuarter } from "@/lib/assessment/close";
import { quarterName, quarterKey } from "@/lib/assessment/quarters";
import { forgetLiveResults, refOf } from "@/lib/assessment/results";
import { parseRubricScores } from "@/lib/assessment/rubric";
import {
  adjustmentInput,
  closeQuarterInput,
  correctQuarterInput,
  groupScoreInput,
  scoringRuleInput,
  unitVetoInput,
  vetoItemInput,
  vetoItemRemoveInput,
} from "@/lib/assessment/schemas";

function refusal(error: unknown) {
  if (error instanceof AssessmentError) return { message: error.message };
  throw error;
}

/** An assessor saves (draft) or submits their group's score of a unit for a quarter. */
export const saveGroupScore = authedAction({ roles: ["ASSESSOR"], input: groupScoreInput }, async (user, data) => {
  // Membership and scope in the query: another group's or another unit's id finds nothing.
  const group = await db.assessmentGroup.findFirst({
    where: { id: data.groupId, members: { some: { userId: user.id } }, units: { some: { unitId: data.unitId } } },
    select: { id: true },
  });
  if (!group) return { message: FORBIDDEN };
  const quarter = await db.quarter.findUnique({ where: { id: data.quarterId }, select: { id: true, year: true, number: true, status: true } });
  if (!quarter) return { message: "没有找到该季度。" };
  if (quarter.status !== "OPEN") return { message: `${quarterName(refOf(quarter))}已关闭,评分不能再修改。` };
  const rubric = await db.rubricItem.findMany({ where: { groupId: group.id, year: quarter.year }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, maxPoints: true } });
  if (rubric.length === 0) return { message: "本考核组本年度还没有评分细则,请联系督查室。" };
  const parsed = parseRubricScores(rubric, data, data.intent);
  if (parsed.message) return { message: parsed.message, fieldErrors: parsed.fieldErrors };

  const submit = data.intent === "submit";
  const now = new Date();
  try {
    await db.$transaction(async (tx) => {
      const open = await tx.quarter.count({ where: { id: quarter.id, status: "OPEN" } });
      if (open === 0) throw new AssessmentError(`${quarterName(refOf(quarter))}已关闭,评分不能再修改。`);
      const key = { quarterId_groupId_unitId: { quarterId: quarter.id, groupId: group.id, unitId: data.unitId } };
      const existing = await tx.groupScore.findUnique({ where: key, select: { id: true, status: true, items: { select: { rubricItemId: true, points: true, comment: true } } } });
      if (existing?.status === "SUBMITTED") throw new AssessmentError("该单位本季度的评分已经提交,不能再修改。");
      const status = submit ? ("SUBMITTED" as const) : ("DRAFT" as const);
      let scoreId: string;
      if (existing) {
        // Guarded: a second tab that submitted meanwhile wins, this one is refused.
        const updated = await tx.groupScore.updateMany({ where: { id: existing.id, status: "DRAFT" }, data: { assessorId: user.id, status, submittedAt: submit ? now : null } });
        if (updated.count !== 1) throw new AssessmentError("该单位本季度的评分已经提交,不能再修改。");
        scoreId = existing.id;
        await tx.groupScoreItem.deleteMany({ where: { scoreId } });
      } else {
        scoreId = (
          await tx.groupScore.create({
            data: { quarterId: quarter.id, groupId: group.id, unitId: data.unitId, assessorId: user.id, status, submittedAt: submit ? now : null },
            select: { id: true },
          })
        ).id;
      }
      await tx.groupScoreItem.createMany({ data: parsed.items.map((i) => ({ ...i, scoreId })) });
      await audit(tx, {
        actorId: user.id,
        action: submit ? "groupScore.submit" : "groupScore.draft",
        entity: "GroupScore",
        entityId: scoreId,
        before: existing ? { status: existing.status, items: existing.items } : undefined,
        after: { status, quarter: quarterKey(refOf(quarter)), unitId: data.unitId, items: parsed.items },
      });
    });
  } catch (error) {
    return refusal(error);
  }
  forgetLiveResults();
  revalidatePath("/assessor", "layout");
  return { ok: true, message: submit ? "评分已提交。" : "草稿已保存,提交前可以继续修改。" };
});

/** The office sets a year's weights, flag counts and escalation ladder. */
export const saveScoringRules = authedAction({ roles: ["ADMIN"], input: scoringRuleInput }, async (user, data, formData) => {
  const { year, escalationLadder, lateCreditPercent, ...numbers } = data;
  // One checkbox per unit outside the assessed set; only ids of existing units are kept.
  const asked = formData.getAll("excludedUnitIds").filter((v): v is string => typeof v === "string");
  const excluded = asked.length ? await db.unit.findMany({ where: { id: { in: asked } }, select: { id: true }, orderBy: { id: "asc" } }) : [];
  const values = {
    ...numbers,
    escalationLadder: JSON.stringify(escalationLadder),
    lateCredit: lateCreditPercent / 100,
    excludedUnitIds: JSON.stringify(excluded.map((u) => u.id)),
  };
  await db.$transaction(async (tx) => {
    const before = await tx.scoringRule.findUnique({ where: { year } });
    const saved = await tx.scoringRule.upsert({ where: { year }, create: { year, ...values }, update: values });
    await audit(tx, { actorId: user.id, action: "scoringRule.save", entity: "ScoringRule", entityId: saved.id, before: before ?? undefined, after: saved });
  });
  forgetLiveResults();
  revalidatePath("/admin/scoring/rules");
  return { ok: true, message: `${year} 年考核规则已保存;已关闭季度的快照不受影响。` };
});

export const addVetoItem = authedAction({ roles: ["ADMIN"], input: vetoItemInput }, async (user, data) => {
  try {
    await db.$transaction(async (tx) => {
      const rule = await tx.scoringRule.upsert({ where: { year: data.year }, create: { year: data.year }, update: {}, select: { id: true } });
      if (await tx.vetoItem.findUnique({ where: { ruleId_name: { ruleId: rule.id, name: data.name } } })) throw new AssessmentError("已有同名的否决事项。");
      const item = await tx.vetoItem.create({ data: { ruleId: rule.id, name: data.name } });
      await audit(tx, { actorId: user.id, action: "vetoItem.create", entity: "VetoItem", entityId: item.id, after: { year: data.year, name: data.name } });
    });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/admin/scoring/rules");
  return { ok: true, message: `已添加否决事项“${data.name}”。` };
});

export const removeVetoItem = authedAction({ roles: ["ADMIN"], input: vetoItemRemoveInput }, async (user, data) => {
  try {
    await db.$transaction(async (tx) => {
      const item = await tx.vetoItem.findUnique({ where: { id: data.vetoItemId }, select: { id: true, name: true, _count: { select: { unitVetoes: true } } } });
      if (!item) throw new AssessmentError("没有找到该否决事项。");
      // A used item stays: the vetoes and snapshots that name it must keep making sense.
      if (item._count.unitVetoes > 0) throw new AssessmentError(`“${item.name}”已用于 ${item._count.unitVetoes} 次否决,不能删除。`);
      await tx.vetoItem.delete({ where: { id: item.id } });
      await audit(tx, { actorId: user.id, action: "vetoItem.delete", entity: "VetoItem", entityId: item.id, before: { name: item.name } });
    });
  } catch (error) {
    return refusal(error);
  }
  revalidatePath("/admin/scoring/rules");
  return { ok: true, message: "已删除。" };
});

export const closeQuarterAction = authedAction({ roles: ["ADMIN"], input: closeQuarterInput }, async (user, data) => {
  let key: string;
  try {
    key = (await closeQuarter(db, { quarterId: data.quarterId, actorId: user.id, earlyReason: data.earlyReason })).quarter;
  } catch (error) {
    if (error instanceof EarlyCloseReasonRequired) return { fieldErrors: { earlyReason: [error.message] } };
    return refusal(error);
  }
  forgetLiveResults();
  revalidatePath("/", "layout");
  // The close form is gone once its quarter is closed: the page says what happened.
  redirect(`/admin/quarters?closed=${key}`);
});

export const correctQuarterAction = authedAction({ roles: ["ADMIN"], input: correctQuarterInput }, async (user, data) => {
  let message: string;
  try {
    const result = await correctQuarter(db, { quarterId: data.quarterId, actorId: user.id, reason: data.reason });
    message = `已生成第 ${result.version} 版:${result.changes.length} 个单位的得分或名次有变化${result.flagsChanged ? ",红黄旗已按新名次重新授予" : ",红黄旗不变"}。`;
  } catch (error) {
    return refusal(error);
  }
  forgetLiveResults();
  revalidatePath("/", "layout");
  return { ok: true, message };
});

/**
 * 加减分 by a leader or the office. On a closed quarter only the office may
 * record one, and it counts only once the quarter is corrected (never silently).
 */
export const addAdjustment = authedAction({ roles: ["LEADER", "ADMIN"], input: adjustmentInput }, async (user, data) => {
  const [quarter, unit] = await Promise.all([
    db.quarter.findUnique({ where: { id: data.quarterId }, select: { id: true, year: true, number: true, status: true } }),
    db.unit.findFirst({ where: { id: data.unitId, archivedAt: null }, select: { id: true, name: true } }),
  ]);
  if (!quarter || !unit) return { message: "没有找到该季度或单位。" };
  if (quarter.status === "CLOSED" && user.role !== "ADMIN") return { message: `${quarterName(refOf(quarter))}已关闭,加减分请联系督查室以更正方式处理。` };
  await db.$transaction(async (tx) => {
    const row = await tx.scoreAdjustment.create({ data: { quarterId: quarter.id, unitId: unit.id, points: data.points, reason: data.reason, createdById: user.id } });
    await audit(tx, { actorId: user.id, action: "scoreAdjustment.create", entity: "ScoreAdjustment", entityId: row.id, after: { quarter: quarterKey(refOf(quarter)), unit: unit.name, points: data.points, reason: data.reason } });
  });
  forgetLiveResults();
  revalidatePath("/board", "layout");
  return {
    ok: true,
    message: quarter.status === "CLOSED" ? "已记录。本季度已关闭,需在“季度”页面更正后才计入得分。" : `已为${unit.name}${data.points > 0 ? "加" : "减"} ${Math.abs(data.points)} 分。`,
  };
});

/** 一票否决 by the office (also on a closed quarter, counted at the next correction). */
export const addUnitVeto = authedAction({ roles: ["ADMIN"], input: unitVetoInput }, async (user, data) => {
  const [quarter, unit] = await Promise.all([
    db.quarter.findUnique({ where: { id: data.quarterId }, select: { id: true, year: true, number: true, status: true } }),
    db.unit.findFirst({ where: { id: data.unitId, archivedAt: null }, select: { id: true, name: true } }),
  ]);
  if (!quarter || !unit) return { message: "没有找到该季度或单位。" };
  const item = await db.vetoItem.findFirst({ where: { id: data.vetoItemId, rule: { year: quarter.year } }, select: { id: true, name: true } });
  if (!item) return { message: "请选择本年度的否决事项。", fieldErrors: { vetoItemId: ["请选择本年度的否决事项"] } };
  await db.$transaction(async (tx) => {
    const row = await tx.unitVeto.create({ data: { quarterId: quarter.id, unitId: unit.id, vetoItemId: item.id, reason: data.reason, createdById: user.id } });
    await audit(tx, { actorId: user.id, action: "unitVeto.create", entity: "UnitVeto", entityId: row.id, after: { quarter: quarterKey(refOf(quarter)), unit: unit.name, item: item.name, reason: data.reason } });
  });
  forgetLiveResults();
  revalidatePath("/board", "layout");
  return {
    ok: true,
    message: quarter.status === "CLOSED" ? "已记录。本季度已关闭,需在“季度”页面更正后才计入。" : `已对${unit.name}实行一票否决(${item.name})。`,
  };
});
