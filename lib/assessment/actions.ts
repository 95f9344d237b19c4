"use server";

/**
 * Server actions of the assessment, each through authedAction (session, role,
 * zod), wired to lib/assessment/writes.ts (groups' scores, 加减分 and 一票否决
 * — recording, withdrawing and correcting them —, the year's rules and veto
 * items) and lib/assessment/close.ts (closing and correcting a quarter).
 * Scope in the query, one transaction, audited.
 */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionState, authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { closeQuarter, correctQuarter } from "@/lib/assessment/close";
import { forgetLiveResults } from "@/lib/assessment/results";
import * as writes from "@/lib/assessment/writes";
import { refusalState } from "@/lib/write-result";
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
  if (!result.ok) return refusalState(result);
  forgetLiveResults();
  revalidatePath(path, "layout");
  return { ok: true, message: result.value };
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

/** The office sets a year's weights, flag counts and escalation ladder (one checkbox per unit left unranked). */
export const saveScoringRules = authedAction({ roles: ["ADMIN"], input: scoringRuleInput }, async (user, data, formData) => {
  const excluded = formData.getAll("excludedUnitIds").filter((v): v is string => typeof v === "string");
  return done(await writes.saveScoringRules(db, user, data, excluded), "/admin/scoring/rules");
});

export const addVetoItem = authedAction({ roles: ["ADMIN"], input: vetoItemInput }, async (user, data) =>
  done(await writes.addVetoItem(db, user, data), "/admin/scoring/rules"),
);

export const removeVetoItem = authedAction({ roles: ["ADMIN"], input: vetoItemRemoveInput }, async (user, data) =>
  done(await writes.removeVetoItem(db, user, data), "/admin/scoring/rules"),
);

export const closeQuarterAction = authedAction({ roles: ["ADMIN"], input: closeQuarterInput }, async (user, data) => {
  const result = await closeQuarter(db, { quarterId: data.quarterId, actorId: user.id, earlyReason: data.earlyReason });
  if (!result.ok) return refusalState(result);
  forgetLiveResults();
  revalidatePath("/", "layout");
  // The close form is gone once its quarter is closed: the page says what happened.
  redirect(`/admin/quarters?closed=${result.value.quarter}`);
});

export const correctQuarterAction = authedAction({ roles: ["ADMIN"], input: correctQuarterInput }, async (user, data) => {
  const result = await correctQuarter(db, { quarterId: data.quarterId, actorId: user.id, reason: data.reason });
  if (!result.ok) return refusalState(result);
  const { version, changes, flagsChanged } = result.value;
  forgetLiveResults();
  revalidatePath("/", "layout");
  return {
    ok: true,
    message: `已生成第 ${version} 版：${changes.length} 个单位的得分或名次有变化${flagsChanged ? "，红黄旗已按新名次重新授予" : "，红黄旗不变"}。`,
  };
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
