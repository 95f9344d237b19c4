"use client";

import { Button } from "@/components/ui/button";
import { Choice, Field } from "@/components/ui/field";

/** A row of the morning's picker: an item already planned, a carried or logged item, a task, or typed text. */
export type PlanRow = {
  key: string;
  source: "item" | "carry" | "log" | "task" | "typed";
  checked: boolean;
  text: string;
  hint?: string;
  itemId?: string;
  taskId?: string;
  milestoneId?: string;
  carriedFromId?: string;
  workLogItemId?: string;
};

let rowCounter = 0;
/** Keys for rows added in the browser (they have no id yet). */
export const nextRowKey = () => `new:${++rowCounter}`;

/** The morning's plan: tick what today is about — nothing is typed that is already known. */
export function MorningPlan({ plan, setPlan, idBase }: { plan: PlanRow[]; setPlan: React.Dispatch<React.SetStateAction<PlanRow[]>>; idBase: string }) {
  const update = (key: string, change: Partial<PlanRow>) => setPlan((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const groups: { title: string; rows: PlanRow[] }[] = [
    { title: "已列的计划", rows: plan.filter((r) => r.source === "item") },
    { title: "昨日未完成（结转）", rows: plan.filter((r) => r.source === "carry") },
    { title: "我的工作日志", rows: plan.filter((r) => r.source === "log") },
    { title: "从任务清单选", rows: plan.filter((r) => r.source === "task") },
  ];
  const typed = plan.filter((r) => r.source === "typed");
  const chosen = plan.filter((r) => r.checked && r.text.trim()).length;

  return (
    <div className="space-y-4">
      <p className="font-medium text-stone-900">今天干什么：勾选或填写（已选 {chosen} 项）</p>
      {groups
        .filter((g) => g.rows.length > 0)
        .map((group) => (
          <fieldset key={group.title} className="space-y-1">
            <legend className="mb-1 text-sm font-medium text-stone-600">{group.title}</legend>
            <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200">
              {group.rows.map((row) => {
                const id = `${idBase}-${row.key}`;
                return (
                  <li key={row.key} className="px-3 py-1">
                    <Choice
                      id={id}
                      type="checkbox"
                      checked={row.checked}
                      onChange={(e) => update(row.key, { checked: e.target.checked })}
                      className="cursor-pointer items-start gap-3 py-1.5"
                    >
                      <span className="min-w-0">
                        <span className="block text-base text-stone-900">{row.source === "task" ? row.text || "（未填写）" : row.text}</span>
                        {row.hint ? <span className="block text-sm text-stone-600">{row.hint}</span> : null}
                      </span>
                    </Choice>
                    {row.source === "task" && row.checked ? (
                      <Field
                        id={`${id}-text`}
                        label="今天具体做什么（可改写）"
                        value={row.text}
                        onChange={(e) => update(row.key, { text: e.target.value })}
                        maxLength={200}
                        className="pb-2 pl-8"
                      />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </fieldset>
        ))}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-stone-600">其他事项</legend>
        {typed.map((row, n) => (
          <div key={row.key} className="flex gap-2">
            <label htmlFor={`${idBase}-${row.key}`} className="sr-only">
              其他事项 {n + 1}
            </label>
            <input
              id={`${idBase}-${row.key}`}
              value={row.text}
              onChange={(e) => update(row.key, { text: e.target.value })}
              maxLength={200}
              placeholder="如：召开安全生产调度会"
              className="block w-full rounded-lg border border-stone-300 px-3 py-2.5 text-base"
            />
            <Button type="button" variant="ghost" onClick={() => setPlan((rows) => rows.filter((r) => r.key !== row.key))} aria-label={`删除其他事项 ${n + 1}`}>
              删除
            </Button>
          </div>
        ))}
        <Button type="button" variant="secondary" onClick={() => setPlan((rows) => [...rows, { key: nextRowKey(), source: "typed", checked: true, text: "" }])}>
          ＋ 添加一项
        </Button>
      </fieldset>
    </div>
  );
}
