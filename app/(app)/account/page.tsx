import type { Metadata } from "next";
import { CreateTokenForm, RevokeTokenButton } from "@/components/account/api-tokens";
import { PasswordForm } from "@/components/account/password-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listOwnApiTokens } from "@/lib/accounts/queries";
import { requireUser } from "@/lib/auth/session";
import { formatDistrictDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "我的账号" };

export default async function AccountPage() {
  const user = await requireUser(undefined, { passwordChange: true });
  const tokens = await listOwnApiTokens(user);
  return (
    <div className="space-y-6">
      <PageHeader title="我的账号" />
      {user.mustChangePassword ? (
        <p role="alert" className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
          督查室为您设置了一次性密码。请先修改密码，修改后用新密码重新登录。
        </p>
      ) : null}
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
      <Card heading="修改密码" headingClassName="mb-4">
        <PasswordForm />
      </Card>
      <Card heading="API 令牌">
        <p className="mt-1 mb-4 text-sm text-stone-600">
          供微信机器人、手机客户端调用晒台接口（
          <a href="/api/v1/openapi.json" className="text-brand-700 underline">
            接口说明
          </a>
          ），权限与本账号相同。令牌只在创建时显示一次，服务器只保存它的摘要；不用了请吊销。
        </p>
        <CreateTokenForm />
        {tokens.length > 0 ? (
          <ul className="mt-5 divide-y divide-stone-100 rounded-lg border border-stone-200" aria-label="我的令牌">
            {tokens.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 p-3" aria-label={t.name}>
                <div className="text-sm">
                  <p className="font-medium text-stone-900">
                    {t.name} <span className="font-mono text-stone-600">{t.prefix}…</span>
                  </p>
                  <p className="text-stone-600">
                    创建于 {formatDistrictDateTime(t.createdAt)} · {t.lastUsedAt ? `最近使用 ${formatDistrictDateTime(t.lastUsedAt)}` : "尚未使用"}
                    {t.revokedAt ? ` · 已于 ${formatDistrictDateTime(t.revokedAt)} 吊销` : ""}
                  </p>
                </div>
                {t.revokedAt ? null : <RevokeTokenButton id={t.id} name={t.name} />}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </div>
  );
}
