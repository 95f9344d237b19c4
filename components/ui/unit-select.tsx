"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { controlProps, FieldFrame } from "@/components/ui/field";
import { UNIT_KIND_LABELS, UNIT_KINDS } from "@/lib/labels";

export type UnitSelectOption = { id: string; name: string; kind: "TOWN" | "DEPARTMENT" };

const KIND_GROUPS = UNIT_KINDS.map((kind) => ({ kind, label: UNIT_KIND_LABELS[kind] }));

/**
 * Chooses one unit out of ~113: a search box that narrows a native <select> (乡镇 and 区直部门 as
 * groups). Typing part of a name keeps the matching units only, and a search that leaves exactly one
 * selects it; the chosen unit stays in the list whatever the search. The select carries the value
 * (`name`), so the picker works in any form — the form kit's, or a plain GET filter.
 */
export function UnitSelect({
  label,
  name,
  units,
  defaultValue = "",
  emptyLabel = "请选择",
  required,
  errors,
  hint,
  id: givenId,
  className,
}: {
  label: string;
  name: string;
  units: UnitSelectOption[];
  defaultValue?: string;
  /** the first option, for no unit: 请选择 in a form, 全部 in a filter */
  emptyLabel?: string;
  required?: boolean;
  errors?: string[];
  hint?: string;
  id?: string;
  className?: string;
}) {
  const autoId = useId();
  const id = givenId ?? `unit-select-${autoId}`;
  const [query, setQuery] = useState("");
  const [value, setValue] = useState(defaultValue);
  const q = query.trim();
  const matches = q ? units.filter((u) => u.name.includes(q)) : units;
  const shown = matches.some((u) => u.id === value) ? matches : [...units.filter((u) => u.id === value), ...matches];
  const control = controlProps(id, name, errors, hint);

  return (
    <FieldFrame id={id} label={label} errors={errors} hint={hint} className={className}>
      <div className="grid gap-2 sm:grid-cols-[minmax(0,10rem)_minmax(0,1fr)]">
        <input
          type="search"
          value={query}
          // Not "查找" + the label: a test or a screen reader asking for the label finds the select alone.
          aria-label="按名称查找"
          aria-controls={id}
          placeholder="输入名称查找"
          onChange={(e) => {
            const next = e.target.value;
            setQuery(next);
            const found = next.trim() ? units.filter((u) => u.name.includes(next.trim())) : [];
            if (found.length === 1) setValue(found[0].id);
          }}
          className={control.className}
        />
        <select
          {...control}
          aria-describedby={cn(control["aria-describedby"], `${id}-count`)}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required={required}
        >
          <option value="">{q ? `${emptyLabel}（${matches.length} 个匹配）` : emptyLabel}</option>
          {KIND_GROUPS.map((group) => {
            const options = shown.filter((u) => u.kind === group.kind);
            return options.length ? (
              <optgroup key={group.kind} label={group.label}>
                {options.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
      </div>
      <p id={`${id}-count`} aria-live="polite" className={cn("mt-1 text-sm text-stone-600", !q && "sr-only")}>
        {q ? (matches.length ? `找到 ${matches.length} 个单位` : `没有名称含“${q}”的单位`) : ""}
      </p>
    </FieldFrame>
  );
}
