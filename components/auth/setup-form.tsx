"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import { createFirstAdmin } from "@/lib/accounts/actions";

export function SetupForm() {
  const [state, action, pending] = useActionState(createFirstAdmin, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-4">
      <p className="text-sm text-stone-600">系统还没有账号。请创建第一个督查室管理员账号,之后用它添加其他用户。</p>
      <Field label="用户名" name="username" autoComplete="username" autoCapitalize="none" required defaultValue={state.values?.username} errors={errors.username} />
      <Field label="姓名" name="name" autoComplete="name" required defaultValue={state.values?.name} errors={errors.name} />
      <Field label="密码" name="password" type="password" autoComplete="new-password" required hint="至少 8 位" errors={errors.password} />
      <Field label="再次输入密码" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
      <FormMessage message={state.message} ok={state.ok} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "正在创建…" : "创建管理员"}
      </Button>
    </form>
  );
}
