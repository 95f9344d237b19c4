import { byId, FilterActions, FilterBar, FilterInput, FilterSelect, UnitFilterSelect } from "@/components/ui/filter-bar";
import type { TaskFilters } from "@/lib/tasks/filters";
import { Choice } from "@/components/ui/field";
import type { TaskFormOptions } from "@/lib/tasks/queries";
import { TASK_STATUS_LABELS, TASK_STATUSES } from "@/lib/tasks/status";
import { UNIT_KIND_ENTRIES } from "@/lib/labels";

/**
 * The filters as a plain GET form: the query string is the state, so a
 * filtered list is a link, and the export reads the very same parameters.
 */
export function TaskFilterForm({
  action,
  filters,
  options,
  showArchived = false,
  hidden = {},
}: {
  action: string;
  filters: TaskFilters;
  options: TaskFormOptions;
  showArchived?: boolean;
  hidden?: Record<string, string | undefined>;
}) {
  return (
    <FilterBar action={action} label="筛选任务" hidden={hidden} className="no-print">
      <div className="flex flex-wrap items-end gap-2">
        <FilterInput
          label="搜索"
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder="任务名称、说明、单位或编号"
          className="min-w-56 flex-1"
        />
        <FilterActions clearHref={action} />
      </div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4 lg:grid-cols-6">
        <UnitFilterSelect id="filter-unit" units={options.units} value={filters.unit} className="col-span-2" />
        <FilterSelect
          label="单位类别"
          id="filter-kind"
          name="kind"
          value={filters.kind}
          options={UNIT_KIND_ENTRIES.map(([value, label]) => ({ value, label }))}
        />
        <FilterSelect label="重点工作" id="filter-keyTask" name="keyTask" value={filters.keyTask} options={byId(options.keyTasks)} />
        <FilterSelect label="分线" id="filter-line" name="line" value={filters.line} options={byId(options.lines)} />
        <FilterSelect label="分包领导" id="filter-leader" name="leader" value={filters.leader} options={byId(options.leaders)} />
        <FilterSelect
          label="状态"
          id="filter-status"
          name="status"
          value={filters.status}
          options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
        />
        <FilterInput label="截止日期从" id="filter-from" name="from" type="date" defaultValue={filters.from} />
        <FilterInput label="截止日期到" id="filter-to" name="to" type="date" defaultValue={filters.to} />
        <FilterSelect
          label="排序"
          id="filter-sort"
          name="sort"
          value={filters.sort}
          emptyLabel="按单位"
          options={[{ value: "deadline", label: "按截止日期" }]}
        />
        <div className="col-span-2 flex flex-wrap items-center gap-x-4 gap-y-1 pt-5 md:col-span-3">
          <Choice type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue === "1"} className="text-stone-800">
            只看有逾期（含节点逾期）
          </Choice>
          {showArchived ? (
            <Choice type="checkbox" name="archived" value="1" defaultChecked={filters.archived === "1"} className="text-stone-800">
              只看已归档
            </Choice>
          ) : null}
        </div>
      </div>
    </FilterBar>
  );
}
