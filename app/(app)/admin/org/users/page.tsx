import type { Metadata } from "next";
import { ImportAndNewLinks } from "@/components/org/import-page";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-bar";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/org/queries";
import { ROLE_VALUES, userSearchShape } from "@/lib/org/schemas";
import { parseSearchParams, type RawSearchParams } from "@/lib/search-params";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

export const metadata: Metadata = { title: "账号管理" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser(["ADMIN"]);
  const search = parseSearchParams(userSearchShape, await searchParams);
  const { rows, total, pageSize } = await listUsers(user, search);
  return (
    <div className="space-y-5">
      <PageHeader
        title="账号管理"
        description={
          <>
            全区的登录账号。被登录限制锁定的账号到{" "}
            <Link href="/admin/security/logins" className="text-brand-700 underline">
              登录限制
            </Link>{" "}
            解锁。
          </>
        }
        actions={<ImportAndNewLinks base="/admin/org/users" newLabel="新建账号" />}
      />
      <FilterBar action="/admin/org/users" label="查找账号" className="flex flex-wrap items-end gap-3 space-y-0">
        <FilterInput label="姓名、用户名、手机或单位" id="user-q" name="q" defaultValue={search.q ?? ""} />
        <FilterSelect label="角色" id="user-role" name="role" value={search.role} options={ROLE_VALUES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        <FilterSelect
          label="状态"
          id="user-status"
          name="status"
          value={search.status}
          options={[
            { value: "active", label: "在用" },
            { value: "disabled", label: "已停用" },
          ]}
        />
        <Button type="submit">查找</Button>
      </FilterBar>
      {rows.length ? (
        <>
          <p className="text-sm text-stone-600">
            共 {total} 个账号{total > pageSize ? `，显示前 ${pageSize} 个，请缩小查找范围` : ""}。
          </p>
          <Table caption="账号">
            <TableHead>
              <Th>用户名</Th>
              <Th>姓名</Th>
              <Th>角色</Th>
              <Th>单位</Th>
              <Th>手机</Th>
              <Th>状态</Th>
            </TableHead>
            <TableBody>
              {rows.map((u) => (
                <tr key={u.id}>
                  <Td label="用户名" className="font-mono">
                    <Link href={`/admin/org/users/${u.id}`} className="text-brand-700 underline">
                      {u.username}
                    </Link>
                  </Td>
                  <Td label="姓名">{u.name}</Td>
                  <Td label="角色">{ROLE_LABELS[u.role]}</Td>
                  <Td label="单位">{u.unit?.name ?? "—"}</Td>
                  <Td label="手机">{u.phone ?? "—"}</Td>
                  <Td label="状态">
                    {u.active ? <Badge tone="good">在用</Badge> : <Badge tone="bad">已停用</Badge>}
                    {u.active && u.mustChangePassword ? (
                      <Badge tone="warn" className="ml-1">
                        待改密码
                      </Badge>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </TableBody>
          </Table>
        </>
      ) : (
        <EmptyState title="没有符合条件的账号">换个条件试试。</EmptyState>
      )}
    </div>
  );
}
