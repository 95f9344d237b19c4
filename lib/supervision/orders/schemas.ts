/** Inputs of 督办单: issuing, answering, accepting or returning. */
import { isDistrictDate } from "@/lib/time";
import { z } from "@/lib/validation";

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);
const id = z.string().min(1, "缺少编号").max(40);
const optionalId = z.preprocess(empty, id.optional());

export const issueOrderInput = z
  .object({
    unitId: z.string({ message: "请选择单位" }).min(1, "请选择单位").max(40),
    taskId: optionalId,
    slotId: optionalId,
    groupId: optionalId,
    title: z.string().trim().min(4, "标题至少 4 个字").max(60, "标题最多 60 个字"),
    content: z.string().trim().min(10, "督办内容至少 10 个字").max(2000, "督办内容最多 2000 字"),
    deadlineDate: z.string().refine(isDistrictDate, "请选择办结期限"),
    deadlineTime: z.preprocess(empty, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间格式应为 HH:mm").default("18:00")),
  })
  .superRefine((v, ctx) => {
    if (!v.taskId && !v.slotId) ctx.addIssue({ code: "custom", path: ["taskId"], message: "请关联一项任务或一条晒报" });
  });

export const respondOrderInput = z.object({
  orderId: id,
  text: z.string().trim().min(5, "答复至少 5 个字").max(2000, "答复最多 2000 字"),
});

export const decideOrderInput = z
  .object({
    orderId: id,
    decision: z.enum(["ACCEPTED", "RETURNED"], { message: "请选择办结或退回" }),
    note: z.preprocess(empty, z.string().trim().max(500, "意见最多 500 字").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "RETURNED" && (v.note ?? "").length < 4) ctx.addIssue({ code: "custom", path: ["note"], message: "退回时请写明理由(至少 4 个字)" });
  });
