"use client";

import { useId, useMemo, useState } from "react";
import { FieldError } from "@/components/ui/field";

type UnitOption = { id: string; name: string; kind?: string };

/**
 * Picks several units out of ~113 (配合单位, a line's or a channel's units): a filter box and
 * checkboxes; the choice travels as one hidden input of comma-joined ids, or, with `oneInputEach`,
 * as one hidden input per unit (for an action that reads them with getAll).
 */
export function UnitPicker({
  name,
  label,
  units,
  defaultSelected = [],
  errors,
  oneInputEach = false,
}: {
  name: string;
  label: string;
  units: UnitOption[];
  defaultSelected?: string[];
  errors?: string[];
  oneInputEach?: boolean;
}) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<string[]>(defaultSelected);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const visible = query ? units.filter((u) => u.name.includes(query.trim())) : units;
  const toggle = (unitId: string) => setSelected((s) => (s.includes(unitId) ? s.filter((x) => x !== unitId) : [...s, unitId]));

  return (
    <fieldset aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-stone-800">{label}</legend>
      {oneInputEach ? (
        selected.map((unitId) => <input key={unitId} type="hidden" name={name} value={unitId} />)
      ) : (
        <input type="hidden" name={name} value={selected.join(",")} />
      )}
      <div className="mb-2 flex flex-wrap gap-1.5" aria-live="polite">
        {selected.length === 0 ? <span className="text-sm text-stone-500">未选择</span> : null}
        {selected.map((unitId) => (
          <button
            key={unitId}
            type="button"
            onClick={() => toggle(unitId)}
            className="inline-flex min-h-8 items-center gap-1 rounded-full bg-stone-100 px-2.5 text-sm text-stone-800 hover:bg-stone-200"
            aria-label={`移除 ${byId.get(unitId)?.name ?? unitId}`}
          >
            {byId.get(unitId)?.name ?? unitId} <span aria-hidden>×</span>
          </button>
        ))}
      </div>
      <label htmlFor={`${id}-filter`} className="sr-only">
        查找单位
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="输入单位名称查找"
        className="block w-full rounded-lg border border-stone-300 px-3 py-2 text-base"
      />
      <ul className="mt-2 grid max-h-48 grid-cols-2 gap-x-3 overflow-y-auto rounded-lg border border-stone-200 p-2 sm:grid-cols-3">
        {visible.map((u) => (
          <li key={u.id}>
            <label className="flex min-h-9 items-center gap-2 text-sm">
              <input type="checkbox" checked={selected.includes(u.id)} onChange={() => toggle(u.id)} className="size-4" />
              {u.name}
            </label>
          </li>
        ))}
        {visible.length === 0 ? <li className="text-sm text-stone-500">没有找到“{query}”</li> : null}
      </ul>
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
