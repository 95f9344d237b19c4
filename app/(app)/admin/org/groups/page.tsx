import type { Metadata } from "next";
import Link from "next/link";
import { GroupCreateForm } from "@/components/org/structure-forms";
import { Card } from "@/components/ui/card";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listGroupsForOffice, listKeyTasksWithoutGroup } from "@/lib/org/queries";

export const metadata: Metadata = { title: "考核组" };

export default async function GroupsAdminPage() {
  const user = await requireUser(["ADMIN"]);
  const [groups, freeKeyTasks] = await Promise.all([listGroupsForOffice(user), listKeyTasksWithoutGroup(user)]);
  return (
    <div className="space-y-5">
      <PageHeader title="考核组" description="每个跟踪考核组对应一项阶段性重点工作。考核范围的调整按生效日期记录，季度考核按当时有效的范围进行。" />
      {groups.length === 0 ? <EmptyState title="还没有考核组">先在“重点工作”中新建重点工作，再在下方为它新建考核组。</EmptyState> : null}
      <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white empty:hidden">
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
      <Card heading="新建考核组" headingClassName="mb-4">
        {freeKeyTasks.length > 0 ? (
          <>
            <GroupCreateForm keyTasks={freeKeyTasks} />
            <p className="mt-2 text-sm text-stone-600">每项重点工作一个考核组。创建后在考核组页面设置成员、考核范围和考核细则。</p>
          </>
        ) : (
          <p className="text-sm text-stone-700">
            每项重点工作都已有考核组。要新建考核组，请先新建{" "}
            <Link href="/admin/org/key-tasks" className="text-brand-700 underline">
              重点工作
            </Link>
            。
          </p>
        )}
      </Card>
    </div>
  );
}
