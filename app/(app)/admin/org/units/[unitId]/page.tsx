import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MergeUnitForm, RetireUnitForm, UnitForm } from "@/components/org/unit-forms";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getUnitForOffice, listUnitOptions } from "@/lib/org/queries";
import { idParam } from "@/lib/search-params";
import { formatDistrictDateTime } from "@/lib/time";
import { HistoryLink } from "@/components/audit/history-link";

export const metadata: Metadata = { title: "单位" };

export default async function UnitAdminPage({ params }: { params: Promise<{ unitId: string }> }) {
  const viewer = await requireUser(["ADMIN"]);
  const id = idParam.safeParse((await params).unitId);
  if (!id.success) notFound();
  const [unit, units] = await Promise.all([getUnitForOffice(viewer, id.data), listUnitOptions(viewer)]);
  if (!unit) notFound();
  return (
    <div className="space-y-5">
      <PageHeader
        title={unit.name}
        description={
          <>
            任务 {unit._count.tasks} 项 · 晒报 {unit._count.cards} 天 · 督办件 {unit._count.orders} 件 ·{" "}
            <Link href={`/units/${unit.id}`} className="text-brand-700 underline">
              单位主页
            </Link>{" "}
            · <HistoryLink entity="Unit" id={unit.id} />
          </>
        }
        actions={
          unit.archivedAt ? (
            <Badge>
              {unit.mergedInto
                ? `已于 ${formatDistrictDateTime(unit.archivedAt)} 并入${unit.mergedInto.name}`
                : `已于 ${formatDistrictDateTime(unit.archivedAt)} 撤销`}
            </Badge>
          ) : (
            <ButtonLink href="/admin/org/users/new">为本单位新建账号</ButtonLink>
          )
        }
      />
      {unit.mergedFrom.length ? (
        <p className="text-stone-700">
          并入本单位的：
          {unit.mergedFrom.map((u, i) => (
            <span key={u.id}>
              {i ? "、" : ""}
              <Link href={`/admin/org/units/${u.id}`} className="text-brand-700 underline">
                {u.name}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {unit.archivedAt ? null : (
        <Card heading="名称、类别和驻地" headingClassName="mb-4">
          <UnitForm unit={unit} />
        </Card>
      )}
      <Card heading="账号" headingClassName="mb-2">
        {unit.users.length ? (
          <ul className="divide-y divide-stone-100">
            {unit.users.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center gap-2 py-2">
                <Link href={`/admin/org/users/${u.id}`} className="font-mono text-brand-700 underline">
                  {u.username}
                </Link>
                <span>{u.name}</span>
                <span className="text-stone-600">{ROLE_LABELS[u.role]}</span>
                {u.active ? null : <Badge tone="bad">已停用</Badge>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-stone-600">还没有账号。</p>
        )}
        {unit.groups.length ? <p className="mt-3 text-sm text-stone-700">考核组：{unit.groups.map((g) => g.group.name).join("、")}</p> : null}
      </Card>
      {unit.archivedAt ? null : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Card heading="合并到另一单位" headingClassName="mb-2">
            <MergeUnitForm id={unit.id} name={unit.name} units={units} />
          </Card>
          <Card heading="撤销单位" headingClassName="mb-2">
            <p className="mb-3 text-sm text-stone-700">撤销的单位不参加排名、不再催报；它的晒报、评分和红黄旗以原名称保留。</p>
            <RetireUnitForm id={unit.id} name={unit.name} />
          </Card>
        </div>
      )}
    </div>
  );
}
