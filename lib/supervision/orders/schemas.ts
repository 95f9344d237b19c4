/** Inputs of 督办件: 立项/交办, and every later step (签收, 反馈, 延期, 办结申请, 办结/退回, 评价, 升级). */
import { isDistrictDate, isNearDistrictDate } from "@/lib/time";
import { formNumber, z } from "@/lib/validation";

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);
const id = z.string().min(1, "缺少编号").max(40);
const optionalId = z.preprocess(empty, id.optional());
const hhmm = z.preprocess(
  empty,
  z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间格式应为 HH:mm")
    .default("18:00"),
);

export const issueOrderInput = z.object({
  unitId: z.string({ message: "请选择牵头单位" }).min(1, "请选择牵头单位").max(40),
  /** 配合单位, read with formData.getAll (a form sends one value per box) */
  coUnitIds: z.array(id).max(30, "配合单位最多 30 个").default([]),
  taskId: optionalId,
  slotId: optionalId,
  spotCheckId: optionalId,
  anomalyId: optionalId,
  instructionId: optionalId,
  groupId: optionalId,
  title: z.string().trim().min(4, "标题至少 4 个字").max(60, "标题最多 60 个字"),
  content: z.string().trim().min(10, "督办内容至少 10 个字").max(2000, "督办内容最多 2000 字"),
  deadlineDate: z
    .string()
    .refine(isDistrictDate, "请选择办结期限")
    .refine((v) => isNearDistrictDate(v), "办结期限应在去年到明年之间"),
  deadlineTime: hhmm,
  feedbackEveryDays: z.preprocess(
    formNumber,
    z.number({ message: "反馈周期应为天数" }).int("反馈周期应为整天数").min(1, "反馈周期至少 1 天").max(90, "反馈周期最多 90 天").optional(),
  ),
  /** "1": 立项 only, 交办 later */
  registerOnly: z.preprocess(empty, z.literal("1").optional()),
  /** "1": 紧急 — the work groups hear of it at once, even in quiet hours (22:00–07:00) */
  urgent: z.preprocess(empty, z.literal("1").optional()),
});

export const ORDER_STEP_KINDS = [
  "ASSIGN",
  "SIGN",
  "FEEDBACK",
  "REQUEST_EXTENSION",
  "APPROVE_EXTENSION",
  "REFUSE_EXTENSION",
  "REQUEST_CLOSE",
  "CLOSE",
  "RETURN",
  "EVALUATE",
  "ESCALATE",
  "CIRCULATE",
  "SUMMON",
] as const;

export const orderStepInput = z.object({
  orderId: id,
  kind: z.enum(ORDER_STEP_KINDS, { message: "未知的办理步骤" }),
  text: z.preprocess(empty, z.string().trim().max(2000, "最多 2000 字").optional()),
  untilDate: z.preprocess(
    empty,
    z
      .string()
      .refine(isDistrictDate, "请选择日期")
      .refine((v) => isNearDistrictDate(v), "日期应在去年到明年之间")
      .optional(),
  ),
  untilTime: hhmm,
  rating: z.preprocess(empty, z.enum(["SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"], { message: "请选择评价" }).optional()),
});
