/** Inputs of the bulletin editor (要情快讯). */
import { isNearDistrictDate } from "@/lib/time";
import { z } from "@/lib/validation";

const id = z.string().min(1, "缺少编号").max(40);
const date = z.string().refine((value) => isNearDistrictDate(value), "请选择有效的日期（去年到明年之间）");

export const bulletinDraftInput = z.object({ date });

const excerpt = z.string().trim().min(4, "摘编至少 4 个字").max(600, "摘编最多 600 个字");

/** The prefix of an item's excerpt field in the editor (`excerpt_<itemId>`). */
export const EXCERPT_FIELD = "excerpt_";

/**
 * The whole editor in one submission: the header, every item's excerpt as
 * the form shows it, and what to do — save, publish, or move/remove an item
 * (each saves the text first, so nothing typed is lost or left behind).
 */
export const bulletinEditInput = z
  .looseObject({
    bulletinId: id,
    intent: z.string().regex(/^(save|publish|(up|down|remove):[\w-]{1,40})$/, "未知的操作"),
    date,
    title: z.string().trim().min(2, "标题至少 2 个字").max(60, "标题最多 60 个字"),
    summary: z.string().trim().min(10, "编者按至少 10 个字").max(1000, "编者按最多 1000 个字"),
  })
  .transform((data, ctx) => {
    const [verb, itemId] = data.intent.split(":") as ["save" | "publish" | "up" | "down" | "remove", string | undefined];
    const excerpts: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      if (!key.startsWith(EXCERPT_FIELD) || typeof value !== "string") continue;
      const item = key.slice(EXCERPT_FIELD.length);
      // The item being removed needs no valid text.
      if (verb === "remove" && item === itemId) continue;
      const parsed = excerpt.safeParse(value);
      if (parsed.success) excerpts[item] = parsed.data;
      else ctx.addIssue({ code: "custom", path: [key], message: parsed.error.issues[0].message });
    }
    return { bulletinId: data.bulletinId, intent: verb, itemId, text: { date: data.date, title: data.title, summary: data.summary, excerpts } };
  });

export const bulletinRefInput = z.object({ bulletinId: id });

export const bulletinAddInput = z.object({ bulletinId: id, slotId: id });
