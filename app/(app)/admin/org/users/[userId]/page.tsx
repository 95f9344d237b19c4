import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ResetPasswordForm, UserActiveForm, UserForm } from "@/components/org/user-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getUserForOffice, listUnitOptions } from "@/lib/org/queries";
import { idParam } from "@/lib/search-params";
import { formatDistrictDateTime } from "@/lib/time";
import { HistoryLink } from "@/components/audit/history-link";

export const metadata: Metadata = { title: "账号" };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const viewer = await requireUser(["ADMIN"]);
  const id = idParam.safeParse((await params).userId);
  if (!id.success) notFound();
  const [user, units] = await Promise.all([getUserForOffice(viewer, id.data), listUnitOptions(viewer)]);
  if (!user) notFound();
  const self = user.id === viewer.id;
  return (
    <div className="space-y-5">
      <PageHeader
        title={`${user.name}(${user.username})`}
        description={
          <>
            创建于 {formatDistrictDateTime(user.createdAt)} · 在线登录 {user._count.sessions} 个 · 有效 API 令牌 {user._count.apiTokens} 个 ·{" "}
            <HistoryLink entity="User" id={user.id} />
          </>
        }
        actions={
          <>
            {user.active ? <Badge tone="good">在用</Badge> : <Badge tone="bad">已停用</Badge>}
            {user.mustChangePassword ? <Badge tone="warn">待修改一次性密码</Badge> : null}
          </>
        }
      />
      <Card heading="资料" headingId="edit-heading" headingClassName="mb-4">
        <UserForm units={units} user={user} />
      </Card>
      {self ? (
        <p className="text-stone-700">
          这是您自己的账号：密码请到{" "}
          <Link href="/account" className="text-brand-700 underline">
            我的账号
          </Link>{" "}
          修改。
        </p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Card heading="重置密码" headingClassName="mb-2">
            <p className="mb-3 text-sm text-stone-700">本人忘记密码时使用。系统生成一次性密码，本人登录后须立即修改。</p>
            <ResetPasswordForm id={user.id} username={user.username} />
          </Card>
          <Card heading={user.active ? "停用账号" : "启用账号"} headingClassName="mb-2">
            <p className="mb-3 text-sm text-stone-700">
              {user.active ? "调离或离职时停用：登录和 API 令牌立即失效，历史记录保留。" : "启用后，本人可用原密码登录（如忘记，请先重置密码）。"}
            </p>
            <UserActiveForm id={user.id} username={user.username} active={user.active} />
          </Card>
        </div>
      )}
    </div>
  );
}
