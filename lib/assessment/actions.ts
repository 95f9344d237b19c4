"use server";

/**
 * Server actions of the assessment, each through authedAction (session, role,
 * zod): groups' scores, 加减分 and 一票否决 — recording, withdrawing and
 * correcting them — are wired to lib/assessment/writes.ts; the year's rules
 * and veto items and closing and correcting a quarter (ADMIN) are here.
 * Scope in the query, one transaction, audited.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { audit } from "@/lib/audit";
import { type ActionState, authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { AssessmentError, EarlyCloseReasonRequired, closeQuarter, correctQuarter } from "@/lib/assessment/close";
import { forgetLiveResults } from "@/lib/assessment/results";
import * as writes from "@/lib/assessment/writes";
import {
  adjustmentCorrectInput,
  adjustmentInput,
  adjustmentWithdrawInput,
  closeQuarterInput,
  correctQuarterInput,
  groupScoreCorrectInput,
  groupScoreInput,
  groupScoreWithdrawInput,
  scoringRuleInput,
  unitVetoInput,
  vetoCorrectInput,
  vetoItemInput,
  vetoItemRemoveInput,
  vetoWithdrawInput,
} from "@/lib/assessment/schemas";

/** A write's result as the form's state; what changed a score forgets the live results. */
function done(result: writes.WriteResult, path: string): ActionState {
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  forgetLiveResults();
  revalidatePath(path, "layout");
  return { ok: true, message: result.message };
}

function refusal(error: unknown) {
  if (error instanceof AssessmentError) return { message: error.message };
  throw error;
}

/** An assessor saves (draft) or submits their group's score of a unit for a quarter. */
export const saveGroupScore = authedAction({ roles: ["ASSESSOR"], input: groupScoreInput }, async (user, data) =>
  done(await writes.saveGroupScore(db, user, data), "/assessor"),
);

export const correctGroupScore = authedAction({ roles: ["ASSESSOR"], input: groupScoreCorrectInput }, async (user, data) =>
  done(await writes.correctGroupScore(db, user, data), "/assessor"),
);

export const withdrawGroupScore = authedAction({ roles: ["ASSESSOR"], input: groupScoreWithdrawInput }, async (user, data) =>
  done(await writes.withdrawGroupScore(db, user, data), "/assessor"),
);

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
  return { ok: true, message: `${year} 年考核规则已保存；已关闭季度的快照不受影响。` };
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
      if (item._count.unitVetoes > 0) throw new AssessmentError(`“${item.name}”已用于 ${item._count.unitVetoes} 次否决，不能删除。`);
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
    message = `已生成第 ${result.version} 版：${result.changes.length} 个单位的得分或名次有变化${result.flagsChanged ? "，红黄旗已按新名次重新授予" : "，红黄旗不变"}。`;
  } catch (error) {
    return refusal(error);
  }
  forgetLiveResults();
  revalidatePath("/", "layout");
  return { ok: true, message };
});

/** 加减分 by a leader or the office (lib/assessment/writes.ts). */
export const addAdjustment = authedAction({ roles: ["LEADER", "ADMIN"], input: adjustmentInput }, async (user, data) =>
  done(await writes.addAdjustment(db, user, data), "/board"),
);

export const correctAdjustment = authedAction({ roles: ["LEADER", "ADMIN"], input: adjustmentCorrectInput }, async (user, data) =>
  done(await writes.correctAdjustment(db, user, data), "/board"),
);

export const withdrawAdjustment = authedAction({ roles: ["LEADER", "ADMIN"], input: adjustmentWithdrawInput }, async (user, data) =>
  done(await writes.withdrawAdjustment(db, user, data), "/board"),
);

/** 一票否决 by the office. */
export const addUnitVeto = authedAction({ roles: ["ADMIN"], input: unitVetoInput }, async (user, data) =>
  done(await writes.addUnitVeto(db, user, data), "/board"),
);

export const correctVeto = authedAction({ roles: ["ADMIN"], input: vetoCorrectInput }, async (user, data) =>
  done(await writes.correctVeto(db, user, data), "/board"),
);

export const withdrawVeto = authedAction({ roles: ["ADMIN"], input: vetoWithdrawInput }, async (user, data) =>
  done(await writes.withdrawVeto(db, user, data), "/board"),
);
