import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { AuditFilters } from "@/lib/audit/filters";
import { auditActionLabel } from "@/lib/audit/labels";
import { UNIT_KIND_LABELS } from "@/lib/labels";

const CONTROL = "block w-full rounded-lg border border-stone-300 bg-white px-2.5 py-2 text-base text-stone-900 focus:border-brand-700";

function Labelled({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium text-stone-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The filters as a plain GET form: the query string is the state; the export reads the same. */
export function AuditFilterForm({
  filters,
  options,
}: {
  filters: AuditFilters;
  options: { units: { id: string; name: string; kind: string; archivedAt: Date | null }[]; actions: string[] };
}) {
  const actions = filters.action && !options.actions.includes(filters.action) ? [filters.action, ...options.actions] : options.actions;
  return (
    <form action="/admin/audit" method="get" role="search" aria-label="筛选操作记录" className="space-y-3 rounded-xl border border-stone-200 bg-white p-3 sm:p-4">
      {filters.entity ? <input type="hidden" name="entity" value={filters.entity} /> : null}
      {filters.entityId ? <input type="hidden" name="entityId" value={filters.entityId} /> : null}
      <div className="grid grid-cols-2 gap-2 md:grid-cols-3 lg:grid-cols-5">
        <Labelled label="单位" htmlFor="audit-unit">
          <select id="audit-unit" name="unit" defaultValue={filters.unit ?? ""} className={CONTROL}>
            <option value="">全部单位</option>
            <optgroup label={UNIT_KIND_LABELS.TOWN}>
              {options.units.filter((u) => u.kind === "TOWN").map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                  {u.archivedAt ? "(已撤销)" : ""}
                </option>
              ))}
            </optgroup>
            <optgroup label={UNIT_KIND_LABELS.DEPARTMENT}>
              {options.units.filter((u) => u.kind !== "TOWN").map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                  {u.archivedAt ? "(已撤销)" : ""}
                </option>
              ))}
            </optgroup>
          </select>
        </Labelled>
        <Labelled label="操作人(用户名或姓名)" htmlFor="audit-user">
          <input id="audit-user" name="user" defaultValue={filters.user ?? ""} autoComplete="off" className={CONTROL} />
        </Labelled>
        <Labelled label="操作" htmlFor="audit-action">
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={CONTROL}>
            <option value="">全部操作</option>
            {actions
              .map((a) => [a, auditActionLabel(a)] as const)
              .sort((x, y) => x[1].localeCompare(y[1], "zh-CN"))
              .map(([a, label]) => (
                <option key={a} value={a}>
                  {label}
                </option>
              ))}
          </select>
        </Labelled>
        <Labelled label="起始日期" htmlFor="audit-from">
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={CONTROL} />
        </Labelled>
        <Labelled label="截止日期" htmlFor="audit-to">
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={CONTROL} />
        </Labelled>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit">筛选</Button>
        <Link href="/admin/audit" className="flex min-h-11 items-center rounded-lg px-3 text-stone-700 hover:bg-stone-100">
          清除条件
        </Link>
      </div>
    </form>
  );
}
