/**
 * The filter bar of a list (tasks, the audit log …): a plain GET form whose
 * query string is the state, so a filtered list is a link and an export reads
 * the very same parameters. The pieces — the form, a labelled control, the
 * searchable unit picker, 筛选/清除条件 — are shared, each list picks its fields.
 */
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { UnitSelect, type UnitSelectOption } from "@/components/ui/unit-select";

export const FILTER_CONTROL = "block w-full rounded-lg border border-stone-300 bg-white px-2.5 py-2 text-base text-stone-900 focus:border-brand-700";

export function FilterBar({
  action,
  label,
  hidden = {},
  className,
  children,
}: {
  action: string;
  /** the search landmark's name, e.g. 筛选任务 */
  label: string;
  hidden?: Record<string, string | undefined>;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <form
      action={action}
      method="get"
      role="search"
      aria-label={label}
      className={cn("space-y-3 rounded-xl border border-stone-200 bg-white p-3 sm:p-4", className)}
    >
      {Object.entries(hidden).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {children}
    </form>
  );
}

export function FilterField({ label, htmlFor, className, children }: { label: string; htmlFor: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className="mb-1 block text-sm font-medium text-stone-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A labelled text, search or date box of a filter. */
export function FilterInput({ label, id, className, ...input }: React.InputHTMLAttributes<HTMLInputElement> & { label: string; id: string }) {
  return (
    <FilterField label={label} htmlFor={id} className={className}>
      <input id={id} className={FILTER_CONTROL} {...input} />
    </FilterField>
  );
}

/** Named records (key tasks, lines, people, channels) as a filter's options: the id as the value, the name as the label. */
export const byId = (list: readonly { id: string; name: string }[]) => list.map((x) => ({ value: x.id, label: x.name }));

/** A labelled select of a filter: "全部" (or `emptyLabel`: no filter) first, then the options in their order. */
export function FilterSelect({
  label,
  id,
  name,
  value,
  options,
  emptyLabel = "全部",
  className,
}: {
  label: string;
  id: string;
  name: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  emptyLabel?: string;
  className?: string;
}) {
  return (
    <FilterField label={label} htmlFor={id} className={className}>
      <select id={id} name={name} defaultValue={value ?? ""} className={FILTER_CONTROL}>
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FilterField>
  );
}

/** A GET form that picks one day (the day's scope, the leaders' evening, the anomalies of a day): the date goes in the URL. */
export function DayForm({
  label,
  formLabel,
  id,
  name,
  value,
  max,
  action,
  hidden = {},
  submit = "查看",
  className,
}: {
  label: string;
  /** the form's name for assistive technology, where the page has more than one form */
  formLabel?: string;
  id: string;
  name: string;
  value: string | undefined;
  max?: string;
  action?: string;
  hidden?: Record<string, string | undefined>;
  submit?: string;
  className?: string;
}) {
  return (
    <form method="get" action={action} aria-label={formLabel} className={cn("flex flex-wrap items-end gap-2", className)}>
      {Object.entries(hidden).map(([key, v]) => (v ? <input key={key} type="hidden" name={key} value={v} /> : null))}
      <FilterInput label={label} id={id} name={name} type="date" defaultValue={value ?? ""} max={max} />
      <Button type="submit" variant="secondary">
        {submit}
      </Button>
    </form>
  );
}

/** 筛选 and 清除条件 (back to the unfiltered list). */
export function FilterActions({ clearHref }: { clearHref: string }) {
  return (
    <>
      <Button type="submit">筛选</Button>
      <Link href={clearHref} className="flex min-h-11 items-center rounded-lg px-3 text-stone-700 hover:bg-stone-100">
        清除条件
      </Link>
    </>
  );
}

/**
 * The unit filter: the searchable unit picker (towns first, then departments), "全部单位" first, an
 * archived unit marked 已撤销. Labelled 单位 by itself (not inside a FilterField).
 */
export function UnitFilterSelect({
  id,
  units,
  value,
  className,
}: {
  id: string;
  units: readonly UnitSelectOption[];
  value: string | undefined;
  className?: string;
}) {
  return <UnitSelect id={id} label="单位" name="unit" units={units} defaultValue={value ?? ""} emptyLabel="全部单位" className={className} />;
}
