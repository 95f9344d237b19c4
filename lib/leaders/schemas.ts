/** What the leaders' page sends: a site visit (到现场看看) against a leader's evening report. */
import { coordinate, z } from "@/lib/validation";

export const siteVisitInput = z
  .object({
    slotId: z.string().trim().min(1, { message: "缺少晚晒编号" }).max(64),
    place: z.string().trim().min(2, { message: "请填写到了哪里（至少 2 字）" }).max(60, { message: "地点最多 60 字" }),
    lat: coordinate("纬度", 90),
    lng: coordinate("经度", 180),
    note: z
      .string()
      .trim()
      .max(300, { message: "所见最多 300 字" })
      .optional()
      .transform((v) => v || null),
  })
  .refine((v) => (v.lat === null) === (v.lng === null), { message: "纬度和经度要一起填写", path: ["lng"] });

export type SiteVisitInput = z.infer<typeof siteVisitInput>;
