import { FilterActions, FilterBar, FilterInput, FilterSelect, UnitFilterSelect } from "@/components/ui/filter-bar";
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
        <FilterInput label="操作人（用户名或姓名）" id="audit-user" name="user" defaultValue={filters.user ?? ""} autoComplete="off" />
        <FilterSelect
          label="操作"
          id="audit-action"
          name="action"
          value={filters.action}
          emptyLabel="全部操作"
          options={actions.map((a) => ({ value: a, label: auditActionLabel(a) })).sort((x, y) => x.label.localeCompare(y.label, "zh-CN"))}
        />
        <FilterInput label="起始日期" id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        <FilterInput label="截止日期" id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <FilterActions clearHref="/admin/audit" />
      </div>
    </FilterBar>
  );
}
