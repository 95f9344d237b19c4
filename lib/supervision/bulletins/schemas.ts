/** Inputs of the bulletin editor (要情快讯). */
import { isDistrictDate } from "@/lib/time";
import { z } from "@/lib/validation";

const id = z.string().min(1, "缺少编号").max(40);
const date = z.string().refine(isDistrictDate, "请选择有效的日期");

export const bulletinDraftInput = z.object({ date });

export const bulletinHeaderInput = z.object({
  bulletinId: id,
  date,
  title: z.string().trim().min(2, "标题至少 2 个字").max(60, "标题最多 60 个字"),
  summary: z.string().trim().min(10, "编者按至少 10 个字").max(1000, "编者按最多 1000 个字"),
});

export const bulletinRefInput = z.object({ bulletinId: id });

export const bulletinAddInput = z.object({ bulletinId: id, slotId: id });

export const bulletinItemInput = z.object({
  bulletinId: id,
  itemId: id,
  excerpt: z.string().trim().min(4, "摘编至少 4 个字").max(600, "摘编最多 600 个字"),
});

export const bulletinMoveInput = z.object({ bulletinId: id, itemId: id, direction: z.enum(["up", "down"]) });

export const bulletinRemoveInput = z.object({ bulletinId: id, itemId: id });
