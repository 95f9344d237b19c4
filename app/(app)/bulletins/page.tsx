import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { bulletinHeading, listPublishedBulletins } from "@/lib/supervision/bulletins/queries";
import { formatDistrictDateLong } from "@/lib/time";

export const metadata: Metadata = { title: "要情快讯" };

/** Published bulletins, newest first: every signed-in user reads them. */
export default async function BulletinsPage() {
  const user = await requireUser();
  const bulletins = await listPublishedBulletins(user);
  return (
    <div className="space-y-5">
      <PageHeader
        title="要情快讯"
        description="督查室从各单位晒报中摘编，每日一期"
        actions={user.role === "ADMIN" ? <ButtonLink href="/admin/bulletins">编辑快讯</ButtonLink> : null}
      />
      {bulletins.length === 0 ? (
        <EmptyState title="还没有发布的快讯">督查室发布后会出现在这里。</EmptyState>
      ) : (
        <ol className="space-y-3">
          {bulletins.map((b) => (
            <li key={b.id}>
              <Link href={`/bulletins/${b.id}`} className="block rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-700">
                <p className="text-sm font-semibold text-brand-700">
                  {bulletinHeading(b)} · {formatDistrictDateLong(b.date)}
                </p>
                <p className="mt-1 text-lg font-semibold text-stone-900">{b.title}</p>
                <p className="mt-1 line-clamp-2 text-stone-700">{b.summary}</p>
                <p className="mt-1 text-sm text-stone-500">收录晒报 {b._count.items} 条</p>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
