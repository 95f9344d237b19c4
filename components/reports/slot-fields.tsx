"use client";

import { nextRowKey } from "@/components/reports/morning-plan";
import { TaskOptions } from "@/components/tasks/task-options";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, SelectField } from "@/components/ui/field";
import type { PickerTask } from "@/lib/reports/editor";

/** An item typed at noon or in the evening. */
export type NewRow = { key: string; text: string; taskId: string };
/** The evening's mark of an item: ✓ or ?, the reason for ?, today's amount. */
export type Mark = { done: boolean | null; reason: string; value: string };

/** Items added at noon or in the evening. */
export function NewItems({
  rows,
  setRows,
  tasks,
  idBase,
  renderExtra,
}: {
  rows: NewRow[];
  setRows: React.Dispatch<React.SetStateAction<NewRow[]>>;
  tasks: PickerTask[];
  idBase: string;
  renderExtra: (row: NewRow) => React.ReactNode;
}) {
  const update = (key: string, change: Partial<NewRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <fieldset className="space-y-3">
      <legend className="mb-1 text-sm font-medium text-stone-600">新增事项</legend>
      {rows.map((row, n) => (
        <div key={row.key} className="space-y-2 rounded-lg border border-stone-200 p-3">
          <Field
            id={`${idBase}-${row.key}-text`}
            label={`新增事项 ${n + 1}`}
            value={row.text}
            onChange={(e) => update(row.key, { text: e.target.value })}
            maxLength={200}
          />
          {tasks.length > 0 ? (
            <SelectField
              id={`${idBase}-${row.key}-task`}
              label="关联任务（可选）"
              value={row.taskId}
              onChange={(e) => update(row.key, { taskId: e.target.value })}
            >
              <TaskOptions tasks={tasks} />
            </SelectField>
          ) : null}
          {renderExtra(row)}
          <Button type="button" variant="ghost" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
            删除这一项
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { key: nextRowKey(), text: "", taskId: "" }])}>
        ＋ 新增事项
      </Button>
    </fieldset>
  );
}

/** ✓ 完成 / ? 未完成 as two large radio buttons, the reason when ?, the amount when the item has a task. */
export function EveningMark({
  id,
  text,
  measure,
  mark,
  onChange,
  compact = false,
}: {
  id: string;
  text: string;
  measure: string | null;
  mark: Mark | undefined;
  onChange: (change: Partial<Mark>) => void;
  compact?: boolean;
}) {
  const done = mark?.done ?? null;
  const choice = (value: boolean, label: string, tone: string) => (
    <label
      className={cn(
        "flex min-h-11 flex-1 cursor-pointer items-center justify-center gap-2 rounded-lg border text-base font-medium has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-600",
        done === value ? tone : "border-stone-300 bg-white text-stone-700",
      )}
    >
      <input type="radio" name={`${id}-done`} className="sr-only" checked={done === value} onChange={() => onChange({ done: value })} />
      {label}
    </label>
  );
  return (
    <fieldset className={cn("space-y-2", compact ? "" : "rounded-lg border border-stone-200 p-3")}>
      <legend className={cn("text-base text-stone-900", compact && "sr-only")}>{text}</legend>
      <div className="flex gap-2">
        {choice(true, "✓ 完成", "border-emerald-600 bg-emerald-50 text-emerald-900")}
        {choice(false, "? 未完成", "border-amber-600 bg-amber-50 text-amber-900")}
      </div>
      {done === false ? (
        <Field
          id={`${id}-reason`}
          label="未完成原因（必填）"
          value={mark?.reason ?? ""}
          onChange={(e) => onChange({ reason: e.target.value })}
          maxLength={300}
          required
        />
      ) : null}
      {measure ? (
        <Field
          id={`${id}-value`}
          label={`今日完成量（${measure}，可选，计入任务进度）`}
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={mark?.value ?? ""}
          onChange={(e) => onChange({ value: e.target.value })}
        />
      ) : null}
    </fieldset>
  );
}
