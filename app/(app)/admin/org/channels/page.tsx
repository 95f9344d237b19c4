import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listChannelsForOffice } from "@/lib/org/queries";

export const metadata: Metadata = { title: "工作群" };

export default async function ChannelsPage() {
  const user = await requireUser(["ADMIN"]);
  const channels = await listChannelsForOffice(user);
  return (
    <div className="space-y-5">
      <PageHeader title="工作群" description="晾晒墙按工作群筛选；每个群由哪些单位和哪些领导组成，在这里设置。" />
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
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
    </div>
  );
}
