/** Inputs of the office's robot settings: a webhook URL (and 钉钉 加签 secret) per channel and per unit. */
import { z } from "@/lib/validation";

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);
const id = z.string().min(1, "缺少编号").max(40);

const webhookUrl = z
  .string()
  .trim()
  .max(500, "Webhook 地址最多 500 个字符")
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), "请填写以 https:// 开头的 Webhook 地址");

const secret = z.preprocess(
  empty,
  z
    .string()
    .trim()
    .max(200, "加签密钥最多 200 个字符")
    .regex(/^[\x21-\x7e]+$/, "加签密钥只含字母、数字和符号")
    .optional(),
);

export const robotInput = z
  .object({
    name: z.string().trim().min(2, "名称至少 2 个字").max(40, "名称最多 40 个字"),
    kind: z.enum(["WECOM", "DINGTALK"], { message: "请选择机器人类型" }),
    scope: z.enum(["UNIT", "CHANNEL", "OFFICE", "LEADERS"], { message: "请选择发往哪个群" }),
    unitId: z.preprocess(empty, id.optional()),
    channelId: z.preprocess(empty, id.optional()),
    webhookUrl,
    secret,
  })
  .superRefine((data, ctx) => {
    if (data.scope === "UNIT" && !data.unitId) ctx.addIssue({ code: "custom", path: ["unitId"], message: "请选择单位" });
    if (data.scope === "CHANNEL" && !data.channelId) ctx.addIssue({ code: "custom", path: ["channelId"], message: "请选择工作群" });
    if (data.kind === "WECOM" && data.secret) ctx.addIssue({ code: "custom", path: ["secret"], message: "企业微信群机器人没有加签密钥，请留空" });
  });

export const robotUpdateInput = z.object({
  id,
  /** blank: keep the current address */
  webhookUrl: z.preprocess(empty, webhookUrl.optional()),
  /** blank: keep the current secret */
  secret,
  clearSecret: z.preprocess(empty, z.literal("1").optional()),
  active: z.preprocess(empty, z.literal("1").optional()),
});

export const robotIdInput = z.object({ id });
