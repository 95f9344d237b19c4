/** Inputs of spot checks (抽查): a draw, a single pick, a verification record. */
import type { SlotKind, UnitKind } from "@/lib/generated/prisma/enums";
import type { DrawParams } from "@/lib/supervision/sampling";
import { daysBetween, isDistrictDate, isNearDistrictDate } from "@/lib/time";
import { formNumber, z } from "@/lib/validation";

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);
const date = z
  .string()
  .refine(isDistrictDate, "请选择有效的日期")
  .refine((v) => isNearDistrictDate(v), "日期应在去年到明年之间");
const checkbox = z.preprocess(empty, z.literal("on").optional());

/** The longest date range one draw may cover. */
export const MAX_DRAW_DAYS = 92;

export const drawInput = z
  .object({
    mode: z.enum(["RANDOM", "RISK"], { message: "请选择抽取方式" }),
    sizeBy: z.enum(["SHARE", "COUNT"], { message: "请选择按比例还是按条数" }),
    share: z.preprocess(formNumber, z.number({ message: "请填写比例" }).min(0.1, "比例至少 0.1%").max(100, "比例最多 100%").optional()),
    count: z.preprocess(formNumber, z.number({ message: "请填写条数" }).int("条数应为整数").min(1, "至少抽 1 条").max(500, "一次最多抽 500 条").optional()),
    slotMorning: checkbox,
    slotNoon: checkbox,
    slotEvening: checkbox,
    kindTown: checkbox,
    kindDepartment: checkbox,
    from: date,
    to: date,
    randomShare: z.preprocess(formNumber, z.number({ message: "请填写整数" }).int("请填写整数").min(0, "最少 0%").max(100, "最多 100%").default(50)),
    seed: z.preprocess(
      empty,
      z
        .string()
        .trim()
        .max(32, "种子最多 32 个字符")
        .regex(/^[0-9A-Za-z_-]+$/, "种子只能包含字母、数字、- 和 _")
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.sizeBy === "SHARE" && v.share === undefined) ctx.addIssue({ code: "custom", path: ["share"], message: "请填写抽取比例" });
    if (v.sizeBy === "COUNT" && v.count === undefined) ctx.addIssue({ code: "custom", path: ["count"], message: "请填写抽取条数" });
    if (!v.slotMorning && !v.slotNoon && !v.slotEvening) ctx.addIssue({ code: "custom", path: ["slotMorning"], message: "至少选择一个时段" });
    if (!v.kindTown && !v.kindDepartment) ctx.addIssue({ code: "custom", path: ["kindTown"], message: "至少选择一类单位" });
    if (isDistrictDate(v.from) && isDistrictDate(v.to)) {
      if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "截止日期不能早于起始日期" });
      else if (daysBetween(v.from, v.to) >= MAX_DRAW_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `一次最多覆盖 ${MAX_DRAW_DAYS} 天` });
    }
  });

export type DrawInput = z.infer<typeof drawInput>;

export function drawParamsOf(input: DrawInput): DrawParams {
  const slots: SlotKind[] = [];
  if (input.slotMorning) slots.push("MORNING");
  if (input.slotNoon) slots.push("NOON");
  if (input.slotEvening) slots.push("EVENING");
  const unitKinds: UnitKind[] = [];
  if (input.kindTown) unitKinds.push("TOWN");
  if (input.kindDepartment) unitKinds.push("DEPARTMENT");
  return {
    mode: input.mode,
    size: input.sizeBy === "SHARE" ? { by: "SHARE", share: (input.share ?? 0) / 100 } : { by: "COUNT", count: input.count ?? 0 },
    slots,
    unitKinds,
    from: input.from,
    to: input.to,
    randomShare: input.mode === "RISK" ? input.randomShare / 100 : 1,
  };
}

/** What SpotCheckDraw.params keeps: the parameters, and what the draw saw (for reproducing it). */
export const storedDrawParams = z.object({
  mode: z.enum(["RANDOM", "RISK"]),
  size: z.union([z.object({ by: z.literal("SHARE"), share: z.number() }), z.object({ by: z.literal("COUNT"), count: z.number() })]),
  slots: z.array(z.enum(["MORNING", "NOON", "EVENING"])),
  unitKinds: z.array(z.enum(["TOWN", "DEPARTMENT"])),
  from: z.string(),
  to: z.string(),
  randomShare: z.number(),
  /** reports the draw chose from */
  candidates: z.number(),
  /** open anomaly flags per report at the time of the draw (risk mode's weights) */
  flagged: z.record(z.string(), z.number()),
});

export type StoredDrawParams = z.infer<typeof storedDrawParams>;

export const pickInput = z.object({ slotId: z.string().min(1).max(40) });

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Form fields named `untrue.<taskId>` (部分属实: the amount of that task found not true), gathered into one record. */
export const UNTRUE_FIELD_PREFIX = "untrue.";

function gatherUntrue(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const untrue: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(UNTRUE_FIELD_PREFIX)) {
      if (value !== "" && value !== null && value !== undefined) untrue[key.slice(UNTRUE_FIELD_PREFIX.length)] = value;
    } else rest[key] = value;
  }
  return { ...rest, untrue };
}

const untrueAmount = z.preprocess(formNumber, z.number({ message: "不属实数量应为数字" }).min(0, "不属实数量不能为负数").max(1_000_000, "不属实数量过大"));

export const recordInput = z.preprocess(
  gatherUntrue,
  z
    .object({
      checkId: z.string().min(1).max(40),
      method: z.enum(["PHONE", "PHOTO_REVIEW", "ON_SITE"], { message: "请选择核查方式" }),
      result: z.enum(["TRUE", "PARTLY_TRUE", "FALSE"], { message: "请选择核查结果" }),
      checkedAt: z
        .string()
        .regex(DATETIME, "请填写核查时间")
        .refine((v) => isDistrictDate(v.slice(0, 10)), "请填写有效的核查时间")
        .refine((v) => isNearDistrictDate(v.slice(0, 10)), "核查时间应在去年到明年之间"),
      notes: z.preprocess(empty, z.string().trim().max(2000, "情况说明最多 2000 字").optional()),
      /** 部分属实: per task id, the amount found not true (taken back from the task's progress) */
      untrue: z.record(z.string().min(1).max(40), untrueAmount).default({}),
    })
    .superRefine((v, ctx) => {
      // A finding against a unit must say what was found.
      if (v.result !== "TRUE" && (v.notes ?? "").length < 5)
        ctx.addIssue({ code: "custom", path: ["notes"], message: "结果为部分属实或不属实时，请写明核查情况（至少 5 个字）" });
    }),
);

export type RecordInput = z.infer<typeof recordInput>;
