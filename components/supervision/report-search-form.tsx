import { Button } from "@/components/ui/button";
import { UnitSelect, type UnitSelectOption } from "@/components/ui/unit-select";
import { SLOT_LABELS, SLOTS } from "@/lib/reports/slots";
import type { ReportSearch } from "@/lib/supervision/reports";

type Option = { id: string; name: string };

const SELECT = "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base";

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
    <form
      method="get"
      action={action}
      role="search"
      aria-label="搜索晒报"
      className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <label className="text-sm font-medium text-stone-800">
        起始日期
        <input type="date" name="from" defaultValue={search.from ?? ""} className={SELECT} />
      </label>
      <label className="text-sm font-medium text-stone-800">
        截止日期
        <input type="date" name="to" defaultValue={search.to ?? defaultTo} className={SELECT} />
      </label>
      <UnitSelect label="单位" name="unitId" units={options.units} defaultValue={search.unitId ?? ""} emptyLabel="全部单位" className="sm:col-span-2" />
      <label className="text-sm font-medium text-stone-800">
        工作群
        <select name="channelId" defaultValue={search.channelId ?? ""} className={SELECT}>
          <option value="">全部工作群</option>
          {options.channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-stone-800">
        重点工作
        <select name="keyTaskId" defaultValue={search.keyTaskId ?? ""} className={SELECT}>
          <option value="">全部重点工作</option>
          {options.keyTasks.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-stone-800">
        时段
        <select name="slot" defaultValue={search.slot ?? ""} className={SELECT}>
          <option value="">早午晚</option>
          {SLOTS.map((s) => (
            <option key={s} value={s}>
              {SLOT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-stone-800 sm:col-span-2 lg:col-span-1">
        关键词
        <input type="search" name="q" defaultValue={search.q ?? ""} maxLength={50} placeholder="如：拆迁、签约" className={SELECT} />
      </label>
      <div className="flex items-end">
        <Button type="submit" variant="secondary" className="w-full">
          搜索晒报
        </Button>
      </div>
      <p className="text-sm text-stone-600 sm:col-span-2 lg:col-span-4">不填起始日期时，搜索截止日期前 7 天的晒报；最多显示 40 条，请用条件缩小范围。</p>
    </form>
  );
}
