/**
 * zod schemas for the task forms (shared by the forms and the server actions).
 * Form values arrive as strings; numbers and dates are parsed here with
 * Chinese messages, and the domain rules (lib/tasks/rules.ts) run on top.
 */
import { progressValueError, taskRuleErrors, type RuleErrors } from "@/lib/tasks/rules";
import { isDistrictDate } from "@/lib/time";
import { idList, parsePlainDecimal, z } from "@/lib/validation";

const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || v.length <= max, `${label}不能超过 ${max} 个字`);

const optionalId = z
  .string()
  .optional()
  .transform((v) => v?.trim() || null);

const numberText = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .transform(parsePlainDecimal)
    .refine(Number.isFinite, `${label}必须是数字`);

const optionalNumberText = (label: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? parsePlainDecimal(v) : null))
    .refine((v) => v === null || (Number.isFinite(v) && v >= min && v <= max), `${label}应在 ${min} 到 ${max} 之间`);

const date = (label: string) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine(isDistrictDate, `${label}不是有效日期`);

const optionalDate = (label: string) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || isDistrictDate(v), `${label}不是有效日期`);

/** A checkbox: present ("on") or absent. */
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "1" || v === "true");

function addRuleIssues(ctx: z.RefinementCtx, errors: RuleErrors): void {
  for (const [path, message] of Object.entries(errors)) ctx.addIssue({ code: "custom", path: [path], message });
}

export const EXTERNAL_KEY_MAX = 40;

const taskFields = {
  unitId: z.string({ message: "请选择责任单位" }).trim().min(1, "请选择责任单位"),
  year: numberText("年度").refine((y) => Number.isInteger(y) && y >= 2000 && y <= 2100, "年度应为 2000–2100 之间的整数"),
  externalKey: optionalText("任务编号", EXTERNAL_KEY_MAX),
  title: text("任务名称", 200),
  description: optionalText("任务说明", 2000),
  keyTaskId: optionalId,
  lineId: optionalId,
  responsibleLeaderId: optionalId,
  target: numberText("目标值"),
  measure: text("计量单位", 20),
  startDate: optionalDate("开始日期"),
  deadline: date("截止日期"),
  weight: numberText("权重"),
  requiresPhoto: checkbox,
  requiresLocation: checkbox,
  sitePlace: optionalText("现场地点", 100),
  siteLat: optionalNumberText("纬度", -90, 90),
  siteLng: optionalNumberText("经度", -180, 180),
  cooperatorIds: idList("配合单位", 50),
  note: optionalText("进展说明", 1000),
};

export const taskCreateInput = z.object(taskFields).superRefine((task, ctx) => addRuleIssues(ctx, taskRuleErrors(task)));

export const taskUpdateInput = z
  .object({
    ...taskFields,
    id: z.string().min(1),
    valueReached: numberText("完成值"),
  })
  .superRefine((task, ctx) => {
    addRuleIssues(ctx, taskRuleErrors(task));
    const valueError = progressValueError(task.valueReached);
    if (valueError) ctx.addIssue({ code: "custom", path: ["valueReached"], message: valueError });
  });

export type TaskCreateInput = z.infer<typeof taskCreateInput>;
export type TaskUpdateInput = z.infer<typeof taskUpdateInput>;

export const taskArchiveInput = z.object({ id: z.string().min(1), archived: z.enum(["0", "1"]).transform((v) => v === "1") });

const milestoneFields = {
  title: text("节点内容", 200),
  dueDate: date("节点日期"),
  target: numberText("节点目标值"),
};

export const milestoneCreateInput = z.object({ taskId: z.string().min(1), ...milestoneFields });
export const milestoneUpdateInput = z.object({ id: z.string().min(1), ...milestoneFields });
export const milestoneDeleteInput = z.object({ id: z.string().min(1) });

export type MilestoneFields = { title: string; dueDate: string; target: number };

const progressFields = {
  valueReached: numberText("完成值").superRefine((v, ctx) => {
    const error = progressValueError(v);
    if (error) ctx.addIssue({ code: "custom", message: error });
  }),
  note: optionalText("进展说明", 1000),
};

export const taskProgressInput = z.object({ taskId: z.string().min(1), ...progressFields });
export const milestoneProgressInput = z.object({ milestoneId: z.string().min(1), ...progressFields });

export type ProgressInput = { valueReached: number; note: string | null };
