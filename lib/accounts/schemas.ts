import { passwordProblem } from "@/lib/auth/password-policy";
import { z } from "@/lib/validation";

const password = z.string().superRefine((value, context) => {
  const problem = passwordProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

export const passwordChangeInput = z
  .object({
    currentPassword: z.string().min(1, { message: "请输入当前密码" }),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "两次输入的新密码不一致", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "新密码不能与当前密码相同", path: ["newPassword"] });

export const firstAdminInput = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { message: "用户名为 3–32 位小写字母、数字、点、下划线或连字符" }),
    name: z.string().trim().min(1, { message: "请输入姓名" }).max(40, { message: "姓名最多 40 字" }),
    password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { message: "两次输入的密码不一致", path: ["confirmPassword"] });

export const apiTokenCreateInput = z.object({
  name: z.string().trim().min(1, { message: "请给令牌起个名字，如“微信机器人”" }).max(40, { message: "名称最多 40 字" }),
});

export const apiTokenRevokeInput = z.object({ id: z.string().trim().min(1).max(64) });

export const loginUnlockInput = z.object({
  kind: z.enum(["account", "source"], { message: "请选择要解除的限制" }),
  value: z.string().trim().min(1, { message: "缺少账号或地址" }).max(100),
});
