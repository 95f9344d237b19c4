"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { controlProps, FieldFrame } from "@/components/ui/field";
import { UNIT_KIND_LABELS } from "@/lib/labels";

/** A unit to choose; without `kind` the list is not grouped. An archived unit is marked 已撤销. */
export type UnitSelectOption = { id: string; name: string; kind?: string; archivedAt?: Date | null };

const KIND_GROUPS = [
  { key: "TOWN", label: UNIT_KIND_LABELS.TOWN, holds: (kind: string) => kind === "TOWN" },
  { key: "DEPARTMENT", label: UNIT_KIND_LABELS.DEPARTMENT, holds: (kind: string) => kind !== "TOWN" },
];

/**
 * Chooses one unit out of ~113: a search box that narrows a native <select> (乡镇 and 区直部门 as
 * groups). Typing part of a name keeps the matching units only, and a search that leaves exactly one
 * selects it; the chosen unit stays in the list whatever the search. Enter in the search box moves to
 * the list instead of sending the form. The select carries the value (`name`), so the picker works in
 * any form — the form kit's, or a plain GET filter — and, given `value` and `onChange`, as a controlled
 * control outside a form (the board's trend chart).
 */
export function UnitSelect({
  label,
  name,
  units,
  defaultValue = "",
  value: controlled,
  onChange,
  emptyLabel = "请选择",
  required,
  errors,
  hint,
  id: givenId,
  className,
}: {
  label: string;
  name?: string;
  units: readonly UnitSelectOption[];
  defaultValue?: string;
  /** controlled: the chosen unit's id, with onChange */
  value?: string;
  onChange?: (unitId: string) => void;
  /** the first option, for no unit: 请选择 in a form, 全部单位 in a filter; null when a unit is always chosen */
  emptyLabel?: string | null;
  required?: boolean;
  errors?: string[];
  hint?: string;
  id?: string;
  className?: string;
}) {
  const autoId = useId();
  const id = givenId ?? `unit-select-${autoId}`;
  const [query, setQuery] = useState("");
  const [own, setOwn] = useState(defaultValue);
  const value = controlled ?? own;
  const choose = (unitId: string) => {
    if (controlled === undefined) setOwn(unitId);
    onChange?.(unitId);
  };
  const q = query.trim();
  const matches = q ? units.filter((u) => u.name.includes(q)) : units;
  const shown = matches.some((u) => u.id === value) ? matches : [...units.filter((u) => u.id === value), ...matches];
  const grouped = units.some((u) => u.kind);
  const control = controlProps(id, name ?? "", errors, hint);
  const option = (u: UnitSelectOption) => (
    <option key={u.id} value={u.id}>
      {u.name}
      {u.archivedAt ? "（已撤销）" : ""}
    </option>
  );

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
          enterKeyHint="done"
          onChange={(e) => {
            const next = e.target.value;
            setQuery(next);
            const found = next.trim() ? units.filter((u) => u.name.includes(next.trim())) : [];
            if (found.length === 1) choose(found[0].id);
          }}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            e.preventDefault();
            document.getElementById(id)?.focus();
          }}
          className={control.className}
        />
        <select
          {...control}
          name={name}
          aria-describedby={cn(control["aria-describedby"], `${id}-count`)}
          value={value}
          onChange={(e) => choose(e.target.value)}
          required={required}
        >
          {emptyLabel === null ? null : <option value="">{q ? `${emptyLabel}（${matches.length} 个匹配）` : emptyLabel}</option>}
          {grouped
            ? KIND_GROUPS.map((group) => {
                const options = shown.filter((u) => u.kind && group.holds(u.kind));
                return options.length ? (
                  <optgroup key={group.key} label={group.label}>
                    {options.map(option)}
                  </optgroup>
                ) : null;
              })
            : shown.map(option)}
        </select>
      </div>
      <p id={`${id}-count`} aria-live="polite" className={cn("mt-1 text-sm text-stone-600", !q && "sr-only")}>
        {q ? (matches.length ? `找到 ${matches.length} 个单位` : `没有名称含“${q}”的单位`) : ""}
      </p>
    </FieldFrame>
  );
}
