"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage } from "@/components/ui/field";

const WRONG_CREDENTIALS = "用户名或密码错误。";

export function LoginForm({ notice }: { notice?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!username || !password) {
      setError("请输入用户名和密码。");
      return;
    }
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", { username, password, redirect: false });
    if (result?.ok && !result.error) {
      router.replace("/");
      return;
    }
    setPending(false);
    setError(!result?.error || result.error === "CredentialsSignin" ? WRONG_CREDENTIALS : result.error);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {notice ? <FormMessage ok message={notice} /> : null}
      <Field label="用户名" name="username" autoComplete="username" autoCapitalize="none" required />
      <Field label="密码" name="password" type="password" autoComplete="current-password" required />
      <FormMessage message={error} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
