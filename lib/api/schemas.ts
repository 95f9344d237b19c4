/**
 * The query schemas of /api/v1: the route handlers parse them and the OpenAPI
 * document (lib/api/openapi.ts) is generated from them, so the two cannot
 * disagree. Request bodies are the domain's own schemas (slotInput in
 * lib/reports/schemas.ts).
 */
import { isDistrictDate } from "@/lib/time";
import { z } from "@/lib/validation";

export const anomaliesQuery = z.object({
  date: z
    .string({ message: "请提供 date 参数（YYYY-MM-DD）" })
    .refine(isDistrictDate, "date 应为有效日期，格式 YYYY-MM-DD")
    .meta({ description: "晒报日期（北京时间），YYYY-MM-DD", format: "date" }),
});

export const rankingQuery = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}Q[1-4]$/, { message: "季度格式为 2026Q3" })
    .optional()
    .meta({ description: "季度，如 2026Q3；不带时为最近关闭的季度", example: "2026Q3" }),
  kind: z.enum(["TOWN", "DEPARTMENT"], { message: "kind 只能是 TOWN 或 DEPARTMENT" }).optional().meta({ description: "只看乡镇或区直部门" }),
});
