"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { changePassword } from "@/lib/accounts/actions";

export function PasswordForm() {
  return (
    <ActionForm action={changePassword} className="max-w-sm space-y-4" message={false}>
      {({ errors }) => (
        <>
          <Field label="当前密码" name="currentPassword" type="password" autoComplete="current-password" required errors={errors.currentPassword} />
          <Field
            label="新密码"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            hint="至少 10 位，不要用常见密码"
            errors={errors.newPassword}
          />
          <Field label="再次输入新密码" name="confirmPassword" type="password" autoComplete="new-password" required errors={errors.confirmPassword} />
          <ActionMessage />
          <SubmitButton pendingLabel="正在保存…">修改密码</SubmitButton>
          <p className="text-sm text-stone-600">修改后，所有设备上的登录都会失效，需要用新密码重新登录。</p>
        </>
      )}
    </ActionForm>
  );
}
