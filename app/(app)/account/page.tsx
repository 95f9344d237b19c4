import type { Metadata } from "next";
import { PasswordForm } from "@/components/account/password-form";
import { Card, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "我的账号" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <PageHeader title="我的账号" />
      <Card>
        <dl className="grid grid-cols-[6rem_1fr] gap-y-2">
          <dt className="text-stone-600">姓名</dt>
          <dd>{user.name}</dd>
          <dt className="text-stone-600">用户名</dt>
          <dd>{user.username}</dd>
          <dt className="text-stone-600">角色</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
          <dt className="text-stone-600">所属单位</dt>
          <dd>{user.unitName ?? "—"}</dd>
        </dl>
      </Card>
      <Card aria-labelledby="pw-heading">
        <CardTitle id="pw-heading" className="mb-4">
          修改密码
        </CardTitle>
        <PasswordForm />
      </Card>
    </div>
  );
}
