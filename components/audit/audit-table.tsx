import Link from "next/link";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { auditActionLabel, auditEntityLabel } from "@/lib/audit/labels";
import type { AuditRow } from "@/lib/audit/entries";
import { formatDistrictDateTime } from "@/lib/time";
import { Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";

/** Where a record of the entry can be opened (the office's pages). */
function entityHref(entity: string, id: string | null): string | null {
  if (!id) return null;
  switch (entity) {
    case "Task":
      return `/admin/tasks/${id}`;
    case "SupervisionOrder":
      return `/orders/${id}`;
    case "SpotCheck":
      return `/spot-checks/${id}`;
    case "Bulletin":
      return `/admin/bulletins/${id}`;
    default:
      return null;
  }
}

const SHOWN = 6;

function Changes({ row }: { row: AuditRow }) {
  if (row.changes.length === 0) return <span className="text-stone-500">无字段变化</span>;
  const list = (changes: AuditRow["changes"]) => (
    <dl className="space-y-1">
      {changes.map((c) => (
        <div key={c.path} className="grid grid-cols-[minmax(5rem,auto)_1fr] gap-x-2">
          <dt className="font-mono text-xs leading-5 text-stone-600">{c.path || "值"}</dt>
          <dd className="break-all">
            {c.before !== null ? (
              <del className="bg-red-50 text-red-800 decoration-red-400" aria-label={`修改前：${c.before}`}>
                {c.before}
              </del>
            ) : null}
            {c.before !== null && c.after !== null ? <span aria-hidden="true"> → </span> : null}
            {c.after !== null ? (
              <ins className="bg-emerald-50 text-emerald-900 no-underline" aria-label={`修改后：${c.after}`}>
                {c.after}
              </ins>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
  if (row.changes.length <= SHOWN) return list(row.changes);
  return (
    <>
      {list(row.changes.slice(0, SHOWN))}
      <details className="mt-1">
        <summary className="cursor-pointer text-brand-800 underline">另有 {row.changes.length - SHOWN} 项</summary>
        {list(row.changes.slice(SHOWN))}
      </details>
    </>
  );
}

/** The audit entries, newest first: who, when, which unit, what, and the fields that changed. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table caption="操作记录，最新的在前">
      <TableHead>
        <Th className="whitespace-nowrap">时间</Th>
        <Th>操作人</Th>
        <Th>单位</Th>
        <Th>操作</Th>
        <Th>修改前 → 修改后</Th>
      </TableHead>
      <TableBody className="align-top">
        {rows.map((row) => {
          const href = entityHref(row.entity, row.entityId);
          return (
            <tr key={row.id} data-testid="audit-row">
              <Td label="时间" className="whitespace-nowrap tabular-nums">
                {formatDistrictDateTime(row.createdAt)}
              </Td>
              <Td label="操作人">
                {row.actor ? (
                  <>
                    <span className="font-medium">{row.actor.name}</span>
                    <span className="block text-xs text-stone-600">
                      {row.actor.username} · {ROLE_LABELS[row.actor.role]}
                    </span>
                  </>
                ) : (
                  <span className="text-stone-600">系统</span>
                )}
              </Td>
              <Td label="单位">{row.unit?.name ?? <span className="text-stone-500">—</span>}</Td>
              <Td label="操作">
                <span className="font-medium">{auditActionLabel(row.action)}</span>
                <span className="block text-xs text-stone-600">
                  {auditEntityLabel(row.entity)}
                  {href ? (
                    <>
                      {" · "}
                      <Link href={href} className="underline">
                        查看
                      </Link>
                    </>
                  ) : null}
                </span>
              </Td>
              <Td label="修改前 → 修改后" className="max-w-xl">
                <Changes row={row} />
              </Td>
            </tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
