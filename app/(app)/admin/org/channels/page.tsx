import type { Metadata } from "next";
import Link from "next/link";
import { ChannelCreateForm } from "@/components/org/structure-forms";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listChannelsForOffice } from "@/lib/org/queries";

export const metadata: Metadata = { title: "工作群" };

export default async function ChannelsPage() {
  const user = await requireUser(["ADMIN"]);
  const channels = await listChannelsForOffice(user);
  return (
    <div className="space-y-5">
      <PageHeader title="工作群" description="晾晒墙按工作群筛选；每个群由哪些单位和哪些领导组成，在这里设置。" />
      {channels.length === 0 ? <EmptyState title="还没有工作群">在下方新建，如“区级领导干部工作群”。</EmptyState> : null}
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white empty:hidden">
        {channels.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href={`/admin/org/channels/${c.id}`} className="text-brand-700 underline">
              {c.name}
            </Link>
            <span className="text-sm text-stone-600">
              {c._count.units} 个单位 · {c._count.members} 位领导和督查室成员
            </span>
          </li>
        ))}
      </ul>
      <Card heading="新建工作群" headingClassName="mb-4">
        <ChannelCreateForm />
        <p className="mt-2 text-sm text-stone-600">创建后在工作群页面设置成员单位和领导。</p>
      </Card>
    </div>
  );
}
