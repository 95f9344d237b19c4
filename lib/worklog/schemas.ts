import { z } from "@/lib/validation";

const id = z.string().trim().min(1).max(64);

export const workLogItemInput = z.object({
  text: z
    .string()
    .trim()
    .min(1, "请填写事项内容")
    .max(200, "事项内容最多 200 个字")
    .transform((v) => v.replace(/\s+/g, " ")),
  taskId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
});

export const workLogOutcomeInput = z
  .object({
    id,
    outcome: z.enum(["DONE", "OPEN", "NONE"], { message: "请选择 ✓ 或 ?" }),
    reason: z
      .string()
      .trim()
      .max(300, "原因最多 300 个字")
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((v) => v.outcome !== "OPEN" || v.reason, { message: "未完成（?）请写明原因", path: ["reason"] });

export const workLogItemRef = z.object({ id });
export type WorkLogOutcomeInput = z.infer<typeof workLogOutcomeInput>;
