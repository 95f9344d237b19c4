"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";
import { createToken, revokeToken } from "@/lib/accounts/token-actions";

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createToken, {});
  return (
    <form action={action} className="max-w-md space-y-3" aria-label="创建 API 令牌">
      <Field label="令牌名称" name="name" required maxLength={40} hint="用来认出它,如“微信机器人”“手机客户端”" errors={state.fieldErrors?.name} />
      <FormMessage message={state.message} ok={state.ok} />
      {state.data?.token ? (
        <div className="space-y-1">
          <label htmlFor="new-token" className="block text-sm font-medium">
            新令牌(只显示这一次)
          </label>
          <input id="new-token" readOnly value={state.data.token} onFocus={(e) => e.target.select()} className="block w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2.5 font-mono text-sm" />
          <p className="text-sm text-stone-600">请求时加上请求头:Authorization: Bearer 令牌</p>
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "正在创建…" : "创建令牌"}
      </Button>
    </form>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeToken, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" disabled={pending} aria-label={`吊销令牌 ${name}`}>
        吊销
      </Button>
      <FormMessage message={state.ok ? undefined : state.message} />
    </form>
  );
}
