"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { createFirstAdmin } from "@/lib/accounts/actions";

export function SetupForm() {
  return (
    <ActionForm action={createFirstAdmin} className="space-y-4" message={false}>
      {({ errors }) => (
        <>
          <p className="text-sm text-stone-600">系统还没有账号。请创建第一个督查室管理员账号，之后用它添加其他用户。</p>
          <Field label="用户名" name="username" autoComplete="username" autoCapitalize="none" required errors={errors.username} />
          <Field label="姓名" name="name" autoComplete="name" required errors={errors.name} />
          <Field label="密码" name="password" type="password" autoComplete="new-password" required hint="至少 10 位，不要用常见密码" errors={errors.password} />
          <Field label="再次输入密码" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
          <ActionMessage />
          <SubmitButton className="w-full" pendingLabel="正在创建…">
            创建管理员
          </SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
