"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { createToken, revokeToken } from "@/lib/accounts/token-actions";

export function CreateTokenForm() {
  return (
    <ActionForm action={createToken} className="max-w-md space-y-3" aria-label="创建 API 令牌" message={false}>
      {({ state, errors }) => (
        <>
          <Field label="令牌名称" name="name" required maxLength={40} hint="用来认出它，如“微信机器人”“手机客户端”" errors={errors.name} />
          <ActionMessage />
          {state.data?.token ? (
            <div className="space-y-1">
              <label htmlFor="new-token" className="block text-sm font-medium">
                新令牌（只显示这一次）
              </label>
              <input
                id="new-token"
                readOnly
                value={state.data.token}
                onFocus={(e) => e.target.select()}
                className="block w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2.5 font-mono text-sm"
              />
              <p className="text-sm text-stone-600">请求时加上请求头：Authorization: Bearer 令牌</p>
            </div>
          ) : null}
          <SubmitButton pendingLabel="正在创建…">创建令牌</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  return (
    <ActionForm
      action={revokeToken}
      message="errors"
      confirm={{ title: `吊销令牌“${name}”?`, body: "吊销后，用它发出的请求都会被拒绝，不能恢复。", confirmLabel: "吊销", danger: true }}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" aria-label={`吊销令牌 ${name}`}>
        吊销
      </SubmitButton>
    </ActionForm>
  );
}
