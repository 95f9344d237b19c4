import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listGroupsForOffice } from "@/lib/org/queries";

export const metadata: Metadata = { title: "考核组" };

export default async function GroupsAdminPage() {
  const user = await requireUser(["ADMIN"]);
  const groups = await listGroupsForOffice(user);
  return (
    <div className="space-y-5">
      <PageHeader title="考核组" description="每个跟踪考核组对应一项阶段性重点工作。考核范围的调整按生效日期记录，季度考核按当时有效的范围进行。" />
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
        {groups.map((g) => (
          <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <Link href={`/admin/org/groups/${g.id}`} className="text-brand-700 underline">
              {g.name}
            </Link>
            <span className="text-sm text-stone-600">
              {g.keyTask.name} · 考核 {g._count.units} 个单位 · 成员 {g._count.members} 人
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
