import type { Metadata } from "next";
import { ImportAndNewLinks } from "@/components/org/import-page";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUnitsForOffice } from "@/lib/org/queries";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { z } from "@/lib/validation";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

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
        actions={<ImportAndNewLinks base="/admin/org/units" newLabel="新建单位" />}
      />
      <Table caption="单位">
        <TableHead>
          <Th>单位</Th>
          <Th>代码</Th>
          <Th>类别</Th>
          <Th>驻地</Th>
          <Th>在用账号</Th>
          <Th>任务</Th>
        </TableHead>
        <TableBody>
          {units.map((u) => (
            <tr key={u.id}>
              <Td label="单位">
                <Link href={`/admin/org/units/${u.id}`} className="text-brand-700 underline">
                  {u.name}
                </Link>
                {u.archivedAt ? <Badge className="ml-2">{u.mergedInto ? `已并入${u.mergedInto.name}` : "已撤销"}</Badge> : null}
              </Td>
              <Td label="代码" className="font-mono">
                {u.code}
              </Td>
              <Td label="类别">{UNIT_KIND_LABELS[u.kind]}</Td>
              <Td label="驻地">{u.seatPlace ?? (u.lat !== null ? `${u.lat}, ${u.lng}` : "—")}</Td>
              <Td label="在用账号">{u._count.users}</Td>
              <Td label="任务">{u._count.tasks}</Td>
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
