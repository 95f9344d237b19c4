"use server";

/**
 * Spot checks (抽查): only ADMIN and LEADER draw, pick and record. A draw
 * keeps its parameters, seed and the flags it weighed, so it can be re-drawn
 * and audited; a verification record replaces the previous one (audited with
 * before and after; the write and the reversal of a false claim are in
 * ./writes.ts), and its photos are stored before the write and removed again
 * if the write fails.
 */
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { writeWithPhotos } from "@/lib/supervision/photo-uploads";
import { drawSample, newSeed } from "@/lib/supervision/sampling";
import { drawInput, drawParamsOf, pickInput, recordInput, type StoredDrawParams } from "@/lib/supervision/spot-checks/schemas";
import { loadDrawCandidates } from "@/lib/supervision/spot-checks/queries";
import { createSpotCheckDraw, pickSpotCheck, recordSpotCheckResult } from "@/lib/supervision/spot-checks/writes";
import { refusalState } from "@/lib/write-result";
import { districtInstant, districtToday } from "@/lib/time";

const CHECKERS = ["ADMIN", "LEADER"] as const;

export const drawSpotChecks = authedAction({ roles: CHECKERS, input: drawInput }, async (user, data) => {
  const params = drawParamsOf(data);
  if (params.to > districtToday()) return { message: "截止日期不能晚于今天。", fieldErrors: { to: ["截止日期不能晚于今天"] } };
  const seed = data.seed ?? newSeed();
  const candidates = await loadDrawCandidates(user, params);
  const sample = drawSample(candidates, params, seed);
  if (sample.length === 0) return { message: "所选范围内没有可抽取的晒报，请调整日期、时段或单位类别。" };
  const stored: StoredDrawParams = {
    ...params,
    candidates: candidates.length,
    flagged: Object.fromEntries(candidates.filter((c) => c.openFlags > 0).map((c) => [c.slotId, c.openFlags])),
  };
  const draw = await createSpotCheckDraw(db, user, { seed, params, stored, sample });
  redirect(`/spot-checks/draws/${draw.id}`);
});

/** Picks one report to check (no draw). */
export const pickReportForCheck = authedAction({ roles: CHECKERS, input: pickInput }, async (user, data) => {
  const picked = await pickSpotCheck(db, user, data.slotId);
  if (!picked.ok) return refusalState(picked);
  redirect(`/spot-checks/${picked.value.id}`);
});

export const recordSpotCheck = authedAction({ roles: CHECKERS, input: recordInput }, async (user, data, formData) => {
  const checkedAt = districtInstant(data.checkedAt.slice(0, 10), data.checkedAt.slice(11, 16));
  if (checkedAt.getTime() > Date.now() + 5 * 60_000) return { message: "核查时间不能晚于现在。", fieldErrors: { checkedAt: ["核查时间不能晚于现在"] } };

  const result = await writeWithPhotos(formData, "photos", (photos) => recordSpotCheckResult(db, user, { ...data, checkedAt }, photos));
  if (!result.ok) return refusalState(result);
  revalidatePath(`/spot-checks/${data.checkId}`);
  return { ok: true, message: result.value.reversed.length > 0 ? "核查结果已记录，任务进度已按核查结果调整。" : "核查结果已记录。" };
});
