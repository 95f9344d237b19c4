import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUnitsForOffice } from "@/lib/org/queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { z } from "@/lib/validation";
import { UNIT_KIND_LABELS } from "@/lib/labels";

export const metadata: Metadata = { title: "单位管理" };

export default async function UnitsAdminPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const { retired } = parseSearchParams({ retired: z.enum(["1"]).optional() }, await searchParams);
  const units = await listUnitsForOffice(user, retired === "1");
  return (
    <div className="space-y-5">
      <PageHeader
        title="单位管理"
        description={
          retired ? (
            <Link href="/admin/org/units" className="text-brand-700 underline">
              只看在册单位
            </Link>
          ) : (
            <Link href="/admin/org/units?retired=1" className="text-brand-700 underline">
              也显示已撤销的单位
            </Link>
          )
        }
        actions={
          <ButtonLink href="/admin/org/units/new" variant="primary">
            新建单位
          </ButtonLink>
        }
      />
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50 text-stone-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                单位
              </th>
              <th scope="col" className="px-3 py-2">
                代码
              </th>
              <th scope="col" className="px-3 py-2">
                类别
              </th>
              <th scope="col" className="px-3 py-2">
                驻地
              </th>
              <th scope="col" className="px-3 py-2">
                在用账号
              </th>
              <th scope="col" className="px-3 py-2">
                任务
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {units.map((u) => (
              <tr key={u.id}>
                <td className="px-3 py-2">
                  <Link href={`/admin/org/units/${u.id}`} className="text-brand-700 underline">
                    {u.name}
                  </Link>
                  {u.archivedAt ? <Badge className="ml-2">{u.mergedInto ? `已并入${u.mergedInto.name}` : "已撤销"}</Badge> : null}
                </td>
                <td className="px-3 py-2 font-mono">{u.code}</td>
                <td className="px-3 py-2">{UNIT_KIND_LABELS[u.kind]}</td>
                <td className="px-3 py-2">{u.seatPlace ?? (u.lat !== null ? `${u.lat}, ${u.lng}` : "—")}</td>
                <td className="px-3 py-2">{u._count.users}</td>
                <td className="px-3 py-2">{u._count.tasks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
