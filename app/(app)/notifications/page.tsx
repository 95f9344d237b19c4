import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { noticeKindLabel } from "@/lib/notifications/labels";
import { listMyNotifications } from "@/lib/notifications/queries";
import { formatDistrictDateTime } from "@/lib/time";
import { parseSearchParams, idParam, type RawSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "通知" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  const { cursor } = parseSearchParams({ cursor: idParam.optional() }, await searchParams);
  const { notices, nextCursor } = await listMyNotifications(user, cursor);
  const unread = notices.some((n) => !n.readAt);
  return (
    <div className="space-y-4">
      <PageHeader
        title="通知"
        description="督办件的交办、签收、延期和办结，批示，以及被抽查或引用的晒报被更正时，会在这里通知您。"
        actions={unread ? <MarkReadButton label="全部标为已读" /> : null}
      />
      {notices.length === 0 ? (
        <EmptyState title="暂无通知">与您有关的督办件、批示和晒报更正会出现在这里。</EmptyState>
      ) : (
        <ol className="space-y-2" aria-label="通知列表">
          {notices.map((n) => (
            <li
              key={n.id}
              className={`flex flex-wrap items-center gap-3 rounded-xl border p-3 ${n.readAt ? "border-stone-200 bg-white" : "border-amber-300 bg-amber-50"}`}
            >
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
                  {n.readAt ? null : <Badge tone="warn">未读</Badge>}
                  <span>{noticeKindLabel(n.kind)}</span>
                  <span>{formatDistrictDateTime(n.createdAt)}</span>
                </p>
                <Link href={n.href} className="link mt-1 block">
                  {n.message}
                </Link>
              </div>
              {n.readAt ? null : <MarkReadButton id={n.id} label="标为已读" ariaLabel={`标为已读：${n.message}`} />}
            </li>
          ))}
        </ol>
      )}
      {nextCursor ? <ButtonLink href={`/notifications?cursor=${nextCursor}`}>更早的通知</ButtonLink> : null}
    </div>
  );
}
