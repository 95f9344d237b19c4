/** zod schemas for a unit's public commitment (公开承诺书). */
import { z } from "@/lib/validation";

export const pledgeInput = z.object({
  text: z.string().trim().min(1, "每条承诺都要写内容").max(500, "每条承诺不超过 500 字"),
  taskIds: z.array(z.string().min(1)).max(20, "每条承诺最多关联 20 项任务").default([]),
});

/** The pledges travel as one JSON field (the editor's list), parsed here. */
const pledgesJson = z
  .string({ message: "至少写一条承诺" })
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "承诺内容格式不对，请刷新页面后重试" });
      return z.NEVER;
    }
  })
  .pipe(z.array(pledgeInput).min(1, "至少写一条承诺").max(50, "承诺最多 50 条"));

export const commitmentDraftInput = z.object({
  id: z.string().min(1),
  title: z.string().trim().min(1, "请填写标题").max(100, "标题不超过 100 字"),
  preface: z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || v.length <= 3000, "前言不超过 3000 字"),
  signedBy: z.string().trim().min(1, "请填写承诺人").max(100, "承诺人不超过 100 字"),
  pledges: pledgesJson,
  intent: z.enum(["save", "publish"]).default("save"),
});

export type CommitmentDraftInput = z.infer<typeof commitmentDraftInput>;

export const commitmentIdInput = z.object({ id: z.string().min(1) });
