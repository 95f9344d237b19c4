import { FILTER_CONTROL as CONTROL, FilterActions, FilterBar, FilterField as Labelled, UnitFilterSelect } from "@/components/ui/filter-bar";
import type { AuditFilters } from "@/lib/audit/filters";
import { auditActionLabel } from "@/lib/audit/labels";

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
    <FilterBar action="/admin/audit" label="筛选操作记录" hidden={{ entity: filters.entity, entityId: filters.entityId }}>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-3 lg:grid-cols-5">
        <UnitFilterSelect id="audit-unit" units={options.units} value={filters.unit} className="col-span-2" />
        <Labelled label="操作人（用户名或姓名）" htmlFor="audit-user">
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
        <FilterActions clearHref="/admin/audit" />
      </div>
    </FilterBar>
  );
}
