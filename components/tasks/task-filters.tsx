import { FILTER_CONTROL as CONTROL, FilterActions, FilterBar, FilterField as Labelled, UnitFilterSelect } from "@/components/ui/filter-bar";
import type { TaskFilters } from "@/lib/tasks/filters";
import { Choice } from "@/components/ui/field";
import type { TaskFormOptions } from "@/lib/tasks/queries";
import { TASK_STATUS_LABELS, TASK_STATUSES } from "@/lib/tasks/status";
import { UNIT_KIND_LABELS } from "@/lib/labels";

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
        <div className="min-w-56 flex-1">
          <label htmlFor="filter-q" className="mb-1 block text-sm font-medium text-stone-700">
            搜索
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q} placeholder="任务名称、说明、单位或编号" className={CONTROL} />
        </div>
        <FilterActions clearHref={action} />
      </div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4 lg:grid-cols-6">
        <UnitFilterSelect id="filter-unit" units={options.units} value={filters.unit} className="col-span-2" />
        <Labelled label="单位类别" htmlFor="filter-kind">
          <select id="filter-kind" name="kind" defaultValue={filters.kind ?? ""} className={CONTROL}>
            <option value="">全部</option>
            <option value="TOWN">{UNIT_KIND_LABELS.TOWN}</option>
            <option value="DEPARTMENT">{UNIT_KIND_LABELS.DEPARTMENT}</option>
          </select>
        </Labelled>
        <Labelled label="重点工作" htmlFor="filter-keyTask">
          <select id="filter-keyTask" name="keyTask" defaultValue={filters.keyTask ?? ""} className={CONTROL}>
            <option value="">全部</option>
            {options.keyTasks.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="分线" htmlFor="filter-line">
          <select id="filter-line" name="line" defaultValue={filters.line ?? ""} className={CONTROL}>
            <option value="">全部</option>
            {options.lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="分包领导" htmlFor="filter-leader">
          <select id="filter-leader" name="leader" defaultValue={filters.leader ?? ""} className={CONTROL}>
            <option value="">全部</option>
            {options.leaders.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="状态" htmlFor="filter-status">
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={CONTROL}>
            <option value="">全部</option>
            {TASK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {TASK_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled label="截止日期从" htmlFor="filter-from">
          <input id="filter-from" name="from" type="date" defaultValue={filters.from} className={CONTROL} />
        </Labelled>
        <Labelled label="截止日期到" htmlFor="filter-to">
          <input id="filter-to" name="to" type="date" defaultValue={filters.to} className={CONTROL} />
        </Labelled>
        <Labelled label="排序" htmlFor="filter-sort">
          <select id="filter-sort" name="sort" defaultValue={filters.sort ?? ""} className={CONTROL}>
            <option value="">按单位</option>
            <option value="deadline">按截止日期</option>
          </select>
        </Labelled>
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
