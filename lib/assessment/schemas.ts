/** What the assessment forms send, parsed with Chinese messages. */
import { formNumber, z } from "@/lib/validation";

const id = z.string().trim().min(1, { message: "缺少编号" }).max(64);

/** A rubric item's points in a form: empty (not scored yet) or a number with at most one decimal. */
export const pointsText = z
  .string()
  .trim()
  .max(8)
  .refine((v) => v === "" || /^\d+(\.\d)?$/.test(v), { message: "请填写不小于 0 的分数，最多一位小数" });

export const groupScoreInput = z
  .object({
    groupId: id,
    unitId: id,
    quarterId: id,
    intent: z.enum(["draft", "submit"], { message: "请选择保存草稿或提交" }),
  })
  // One points_<rubricItemId> and comment_<rubricItemId> per rubric item; checked against the rubric in the action.
  .catchall(z.string().max(500, { message: "最多 500 字" }));

const weight = z.preprocess(formNumber, z.number({ message: "请填写数字" }).min(0, { message: "权重不能为负" }).max(100, { message: "权重最多 100" }));
const year = z.preprocess(formNumber, z.number({ message: "请填写年度" }).int().min(2000).max(2100));
const flagCount = z.preprocess(
  formNumber,
  z.number({ message: "请填写数字" }).int({ message: "请填写整数" }).min(0, { message: "不能为负" }).max(10, { message: "最多 10 面" }),
);

export const scoringRuleInput = z
  .object({
    year,
    weightTasks: weight,
    weightGroups: weight,
    weightSpotChecks: weight,
    weightOrders: weight,
    weightTimeliness: weight,
    redFlagCount: flagCount,
    yellowFlagCount: flagCount,
    lateCreditPercent: z.preprocess(
      formNumber,
      z.number({ message: "请填写 0 到 100 之间的数" }).min(0, { message: "不能为负" }).max(100, { message: "最多 100" }),
    ),
    escalationLadder: z
      .string()
      .max(200)
      .transform((v) =>
        v
          .split(/[\n，,、]/)
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(20, { message: "每一级最多 20 字" })).max(6, { message: "最多 6 级" })),
  })
  .refine((v) => Math.abs(v.weightTasks + v.weightGroups + v.weightSpotChecks + v.weightOrders + v.weightTimeliness - 100) < 1e-6, {
    message: "五项权重之和须为 100",
    path: ["weightTasks"],
  });

export const vetoItemInput = z.object({
  year,
  name: z.string().trim().min(2, { message: "请填写否决事项名称（至少 2 字）" }).max(40, { message: "最多 40 字" }),
});

export const vetoItemRemoveInput = z.object({ vetoItemId: id });

export const closeQuarterInput = z.object({
  quarterId: id,
  confirm: z.literal("on", { message: "请勾选确认：关闭后本季度得分即冻结" }),
  // Required (checked in closeQuarter) only when the quarter's last day has not ended.
  earlyReason: z
    .string()
    .trim()
    .max(300, { message: "最多 300 字" })
    .refine((v) => v === "" || v.length >= 4, { message: "请写明提前关闭的原因（至少 4 字）" })
    .optional(),
});

export const correctQuarterInput = z.object({
  quarterId: id,
  reason: z.string().trim().min(4, { message: "请写明更正原因（至少 4 字）" }).max(300, { message: "最多 300 字" }),
});

export const adjustmentInput = z.object({
  quarterId: id,
  unitId: id,
  points: z.coerce
    .number({ message: "请填写分值" })
    .refine((v) => v !== 0, { message: "分值不能为 0" })
    .refine((v) => Math.abs(v) <= 10, { message: "单次加减分不超过 10 分" })
    .refine((v) => Number.isInteger(v * 10), { message: "最多一位小数" }),
  reason: z.string().trim().min(4, { message: "请写明加减分理由（至少 4 字）" }).max(200, { message: "最多 200 字" }),
});

export const unitVetoInput = z.object({
  quarterId: id,
  unitId: id,
  vetoItemId: id,
  reason: z.string().trim().min(4, { message: "请写明否决事由（至少 4 字）" }).max(300, { message: "最多 300 字" }),
});

/** Why a group score, a 加减分 or a veto is withdrawn or corrected (kept with the new version). */
const changeReason = z.string().trim().min(4, { message: "请写明撤回或更正的原因（至少 4 字）" }).max(300, { message: "最多 300 字" });

/** Withdraw the group's submitted score of a unit (`scoreId`: the version in force, as the page showed it). */
export const groupScoreWithdrawInput = z.object({ groupId: id, unitId: id, quarterId: id, scoreId: id, changeReason });

export const groupScoreCorrectInput = z
  .object({ groupId: id, unitId: id, quarterId: id, scoreId: id, changeReason })
  // points_<rubricItemId> and comment_<rubricItemId>, as in groupScoreInput.
  .catchall(z.string().max(500, { message: "最多 500 字" }));

export const adjustmentWithdrawInput = z.object({ adjustmentId: id, changeReason });

export const adjustmentCorrectInput = adjustmentInput.pick({ points: true, reason: true }).extend({ adjustmentId: id, changeReason });

export const vetoWithdrawInput = z.object({ vetoId: id, changeReason });

export const vetoCorrectInput = unitVetoInput.pick({ vetoItemId: true, reason: true }).extend({ vetoId: id, changeReason });
