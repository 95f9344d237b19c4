import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { unlockLogin } from "@/lib/accounts/login-limit-actions";
import { listLoginLimits } from "@/lib/accounts/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { MAX_FAILURES_PER_PAIR, MAX_FAILURES_PER_SOURCE } from "@/lib/auth/rate-limit";
import { formatDistrictDateTime } from "@/lib/time";

export const metadata: Metadata = { title: "登录限制" };

/**
 * Accounts and addresses the login limit holds now (lib/auth/rate-limit.ts),
 * for the office to lift when a person is stuck.
 */
export default async function LoginLimitsPage() {
  const user = await requireUser(["ADMIN"]);
  const now = new Date();
  const { accounts, unknownAccounts, sources } = await listLoginLimits(user, now);

  return (
    <div className="space-y-5">
      <PageHeader
        title="登录限制"
        description={`近 15 分钟内密码输错较多的账号和地址。同一地址对同一账号输错 ${MAX_FAILURES_PER_PAIR} 次即暂停该地址登录此账号；一个账号累计输错后，每次再试需等待 1 秒、2 秒、4 秒……（最长 5 分钟）；一个地址累计输错 ${MAX_FAILURES_PER_SOURCE} 次即暂停该地址登录。确认是本人后可解除。`}
      />
      <Card heading="受限账号">
        {accounts.length === 0 ? (
          <EmptyState title="没有受限的账号">有人反映无法登录时，先请其核对用户名和密码。</EmptyState>
        ) : (
          <ul className="mt-3 divide-y divide-stone-100">
            {accounts.map((a) => (
              <li key={a.username} className="flex flex-wrap items-center justify-between gap-3 py-3" aria-label={`${a.user.name}(${a.username})`}>
                <div className="space-y-1">
                  <p className="font-medium text-stone-900">
                    {a.user.name}
                    <span className="ml-2 text-sm font-normal text-stone-600">
                      {a.username} · {ROLE_LABELS[a.user.role]}
                      {a.user.unit ? ` · ${a.user.unit.name}` : ""}
                    </span>
                  </p>
                  <p className="text-sm text-stone-700">
                    输错 {a.failures} 次{a.delayedUntil ? `；${formatDistrictDateTime(a.delayedUntil)} 前需等待` : ""}
                    {a.lockedSources.length ? `；已暂停的地址：${a.lockedSources.join("、")}` : ""}
                  </p>
                </div>
                <ActionForm action={unlockLogin} className="flex items-center gap-2">
                  <input type="hidden" name="kind" value="account" />
                  <input type="hidden" name="value" value={a.username} />
                  <SubmitButton variant="secondary" pendingLabel="正在解除…" aria-label={`解除 ${a.user.name} 的登录限制`}>
                    解除
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        {unknownAccounts > 0 ? <p className="mt-3 text-sm text-stone-600">另有 {unknownAccounts} 个不存在的用户名被反复尝试，不影响任何人登录。</p> : null}
      </Card>
      <Card heading="暂停的地址">
        {sources.length === 0 ? (
          <EmptyState title="没有暂停的地址" />
        ) : (
          <ul className="mt-3 divide-y divide-stone-100">
            {sources.map((s) => (
              <li key={s.ip} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <p className="text-sm text-stone-800">
                  <span className="font-mono">{s.ip}</span> · 输错 {s.failures} 次 · {formatDistrictDateTime(s.until)} 自动恢复
                </p>
                <ActionForm action={unlockLogin} className="flex items-center gap-2">
                  <input type="hidden" name="kind" value="source" />
                  <input type="hidden" name="value" value={s.ip} />
                  <SubmitButton variant="secondary" pendingLabel="正在解除…" aria-label={`解除地址 ${s.ip} 的登录限制`}>
                    解除
                  </SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
