import { Button } from "@/components/ui/button";
import { FilterBar, FilterInput, FilterSelect, byId } from "@/components/ui/filter-bar";
import { UnitSelect, type UnitSelectOption } from "@/components/ui/unit-select";
import { SLOT_LABELS, SLOTS } from "@/lib/reports/slots";
import type { ReportSearch } from "@/lib/supervision/reports";

type Option = { id: string; name: string };

/** The office's report search (a GET form: the search is in the URL, shareable). */
export function ReportSearchForm({
  action,
  search,
  options,
  defaultTo,
}: {
  action: string;
  search: ReportSearch;
  options: { units: UnitSelectOption[]; channels: Option[]; keyTasks: Option[] };
  defaultTo: string;
}) {
  return (
    <FilterBar action={action} label="搜索晒报" className="grid gap-3 space-y-0 p-4 sm:grid-cols-2 sm:p-4 lg:grid-cols-4">
      <FilterInput label="起始日期" id="search-from" name="from" type="date" defaultValue={search.from ?? ""} />
      <FilterInput label="截止日期" id="search-to" name="to" type="date" defaultValue={search.to ?? defaultTo} />
      <UnitSelect label="单位" name="unitId" units={options.units} defaultValue={search.unitId ?? ""} emptyLabel="全部单位" className="sm:col-span-2" />
      <FilterSelect label="工作群" id="search-channel" name="channelId" value={search.channelId} emptyLabel="全部工作群" options={byId(options.channels)} />
      <FilterSelect
        label="重点工作"
        id="search-key-task"
        name="keyTaskId"
        value={search.keyTaskId}
        emptyLabel="全部重点工作"
        options={byId(options.keyTasks)}
      />
      <FilterSelect
        label="时段"
        id="search-slot"
        name="slot"
        value={search.slot}
        emptyLabel="早午晚"
        options={SLOTS.map((s) => ({ value: s, label: SLOT_LABELS[s] }))}
      />
      <FilterInput
        label="关键词"
        id="search-q"
        name="q"
        type="search"
        defaultValue={search.q ?? ""}
        maxLength={50}
        placeholder="如：拆迁、签约"
        className="sm:col-span-2 lg:col-span-1"
      />
      <div className="flex items-end">
        <Button type="submit" variant="secondary" className="w-full">
          搜索晒报
        </Button>
      </div>
      <p className="text-sm text-stone-600 sm:col-span-2 lg:col-span-4">不填起始日期时，搜索截止日期前 7 天的晒报；最多显示 40 条，请用条件缩小范围。</p>
    </FilterBar>
  );
}
