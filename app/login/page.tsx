import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { AuthFrame } from "@/components/auth/auth-frame";
import { homePathFor } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { needsFirstAdmin } from "@/lib/accounts/setup";
import { keyOf, parseSearchParams, type RawSearchParams } from "@/lib/search-params";

// Reads the database on every request; never prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "登录" };

const NOTICES = {
  changed: "密码已修改，请用新密码登录。",
  created: "管理员账号已创建，请登录。",
} as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  if (await needsFirstAdmin()) redirect("/setup");
  const user = await getSessionUser();
  if (user) redirect(homePathFor(user.role));
  const { notice } = parseSearchParams({ notice: keyOf(NOTICES).optional() }, await searchParams);
  return (
    <AuthFrame title="登录晒台">
      <LoginForm notice={notice ? NOTICES[notice] : undefined} />
    </AuthFrame>
  );
}
