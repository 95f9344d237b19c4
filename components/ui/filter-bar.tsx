/**
 * The filter bar of a list (tasks, the audit log …): a plain GET form whose
 * query string is the state, so a filtered list is a link and an export reads
 * the very same parameters. The pieces — the form, a labelled control, the
 * unit picker grouped by kind, 筛选/清除条件 — are shared, each list picks its fields.
 */
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { UNIT_KIND_ENTRIES } from "@/lib/labels";

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

type UnitChoice = { id: string; name: string; kind: string; archivedAt?: Date | null };

/** The units grouped by kind (towns first), an empty group left out; "全部单位" first. */
export function UnitFilterSelect({ id, units, value }: { id: string; units: readonly UnitChoice[]; value: string | undefined }) {
  return (
    <select id={id} name="unit" defaultValue={value ?? ""} className={FILTER_CONTROL}>
      <option value="">全部单位</option>
      {UNIT_KIND_ENTRIES.map(([kind, label]) => {
        const group = units.filter((u) => (kind === "TOWN" ? u.kind === "TOWN" : u.kind !== "TOWN"));
        return group.length ? (
          <optgroup key={kind} label={label}>
            {group.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.archivedAt ? "（已撤销）" : ""}
              </option>
            ))}
          </optgroup>
        ) : null;
      })}
    </select>
  );
}
