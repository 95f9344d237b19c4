/**
 * The one input schema of a slot submission, shared by the card form (which
 * posts to the API) and chat bots or mobile clients calling it directly.
 */
import { isDistrictDate, isNearDistrictDate } from "@/lib/time";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, z } from "@/lib/validation";

/** Control characters are refused in every text, as in the forms (authedAction). */
const printable = (value: string) => !hasControlCharacters(value);

const id = z.string().trim().min(1).max(64);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .refine(printable, `${label}${CONTROL_CHARACTERS_MESSAGE}`)
    .optional()
    .transform((v) => v || undefined);

export const reportItemInput = z.object({
  id: id.optional().meta({ description: "卡上已有事项的 id；不填时按事项内容匹配，相同内容即同一事项（不重复录入）" }),
  text: z
    .string({ message: "每项都要写明事项内容" })
    .trim()
    .min(1, "事项内容不能为空")
    .max(200, "事项内容最多 200 个字")
    .refine(printable, `事项内容${CONTROL_CHARACTERS_MESSAGE}`)
    .transform((v) => v.replace(/\s+/g, " ")),
  taskId: id.optional().meta({ description: "本单位在办任务的 id" }),
  milestoneId: id.optional().meta({ description: "该任务的节点 id" }),
  carriedFromId: id.optional().meta({ description: "上一份晒报中未完成事项的 id（结转）" }),
  workLogItemId: id.optional().meta({ description: "当天工作日志事项的 id" }),
  progress: optionalText(500, "进展说明").meta({ description: "午晒：进展" }),
  done: z.boolean({ message: "完成情况应为 true(✓)或 false(?)" }).optional().meta({ description: "晚晒：true = ✓ 完成，false = ? 未完成" }),
  reason: optionalText(300, "未完成原因").meta({ description: "晚晒：未完成（done=false）时必填" }),
  progressValue: z
    .number({ message: "完成量应为数字" })
    .min(0, "完成量不能为负数")
    .max(1_000_000, "完成量过大")
    .optional()
    .meta({ description: "晚晒：今日完成量（按任务的计量单位），计入任务进度" }),
});

export const slotInput = z
  .object({
    items: z.array(reportItemInput, { message: "items 应为事项列表" }).max(30, "一天最多 30 项").default([]),
    note: optionalText(2000, "说明").meta({ description: "补充说明" }),
    place: optionalText(100, "地点").meta({ description: "地点名称" }),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
    /** the author's first input, for the burden meter */
    startedAt: z.iso.datetime({ offset: true, message: "startedAt 应为 ISO 8601 时间" }).optional().meta({ description: "开始填写的时间（填报负担统计）" }),
    /** required when the slot's deadline has passed and it already exists */
    revisionReason: optionalText(300, "更正原因").meta({ description: "时段已过截止时间后修改（更正）时必填" }),
    /** photos of this slot to take away (only before the deadline) */
    removePhotoIds: z.array(id).max(9).default([]).meta({ description: "截止前删除本时段的照片" }),
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), { message: "经纬度要成对填写", path: ["lat"] });

export type SlotInput = z.infer<typeof slotInput>;
export type ReportItemInput = z.infer<typeof reportItemInput>;

/** A client's Idempotency-Key: one per form load (or per request of a bot). */
export const idempotencyKeyInput = z.string().regex(/^[A-Za-z0-9_.:-]{8,100}$/, "Idempotency-Key 应为 8–100 位字母、数字或 -_.:");

export const instructionInput = z.object({
  slotId: id,
  text: z.string().trim().min(1, "请填写批示内容").max(500, "批示最多 500 个字"),
  /** optional 办理期限, a district date; not in the past (checked against the district's today in recordInstruction) */
  deadline: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z
      .string()
      .refine(isDistrictDate, "办理期限应为日期（年-月-日）")
      .refine((v) => isNearDistrictDate(v), "办理期限应在去年到明年之间")
      .optional(),
  ),
});

/** The leader who wrote a 批示 (or the office) accepts the unit's answer: 采纳办结. */
export const instructionCloseInput = z.object({ instructionId: id });

/** …or asks again (追问): the 批示 goes back to the unit with this text. */
export const instructionReaskInput = z.object({
  instructionId: id,
  text: z.string().trim().min(2, "请写明追问的内容").max(500, "追问最多 500 个字"),
});

export const instructionAnswerInput = z.object({
  instructionId: id,
  text: z.string().trim().min(1, "请填写回复内容").max(1000, "回复最多 1000 个字"),
});

export const reminderInput = z.object({
  slot: z.enum(["MORNING", "NOON", "EVENING"], { message: "请选择时段" }),
  /** one unit; without it, every unit that has not shown the slot yet */
  unitId: id.optional(),
});
