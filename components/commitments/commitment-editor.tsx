"use client";

import { useState } from "react";
import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Choice, Field, FieldError, TextareaField } from "@/components/ui/field";
import { deleteCommitmentDraftAction, saveCommitmentAction } from "@/lib/commitments/actions";

export type DraftPledge = { key: string; text: string; taskIds: string[] };
type TaskChoice = { id: string; title: string; deadline: string };

let nextKey = 0;
const newKey = () => `p${Date.now().toString(36)}${(nextKey++).toString(36)}`;

/**
 * The unit head's draft: title, preface, pledges (each optionally tied to the
 * unit's tasks), signature. Pledges travel as one JSON field. "发布" saves and
 * publishes in one step; after that the version is frozen.
 */
export function CommitmentEditor({
  draft,
  tasks,
}: {
  draft: { id: string; version: number; title: string; preface: string | null; signedBy: string; pledges: Omit<DraftPledge, "key">[] };
  tasks: TaskChoice[];
}) {
  const [pledges, setPledges] = useState<DraftPledge[]>(() =>
    draft.pledges.length ? draft.pledges.map((p) => ({ ...p, key: newKey() })) : [{ key: newKey(), text: "", taskIds: [] }],
  );
  const update = (key: string, change: Partial<DraftPledge>) => setPledges((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  return (
    <div className="space-y-4">
      <ActionForm aria-label="编辑承诺书草稿" className="space-y-5" action={saveCommitmentAction} message={false}>
        {({ errors }) => (
          <>
            <input type="hidden" name="id" value={draft.id} />
            <input type="hidden" name="pledges" value={JSON.stringify(pledges.map(({ text, taskIds }) => ({ text, taskIds })))} />
            <Field label="标题" name="title" defaultValue={draft.title} required errors={errors.title} />
            <TextareaField label="前言" name="preface" rows={4} defaultValue={draft.preface ?? ""} errors={errors.preface} />
            <fieldset className="space-y-3">
              <legend className="mb-1 font-medium text-stone-900">承诺事项</legend>
              <ol className="space-y-3">
                {pledges.map((pledge, i) => (
                  <li key={pledge.key} className="space-y-2 rounded-xl border border-stone-200 bg-stone-50 p-3">
                    <TextareaField
                      id={`pledge-${pledge.key}`}
                      label={`第 ${i + 1} 条`}
                      name={`pledge-text-${i}`}
                      rows={2}
                      value={pledge.text}
                      onChange={(e) => update(pledge.key, { text: e.target.value })}
                    />
                    {tasks.length ? (
                      <details>
                        <summary className="min-h-11 cursor-pointer text-sm text-stone-700">
                          关联任务{pledge.taskIds.length ? `（已选 ${pledge.taskIds.length} 项）` : "（可不选）"}
                        </summary>
                        <ul className="mt-1 space-y-1">
                          {tasks.map((task) => (
                            <li key={task.id}>
                              <Choice
                                type="checkbox"
                                className="items-start text-sm"
                                checked={pledge.taskIds.includes(task.id)}
                                onChange={(e) =>
                                  update(pledge.key, {
                                    taskIds: e.target.checked ? [...pledge.taskIds, task.id] : pledge.taskIds.filter((x) => x !== task.id),
                                  })
                                }
                              >
                                <span>
                                  {task.title}
                                  <span className="text-stone-500">（截止 {task.deadline}）</span>
                                </span>
                              </Choice>
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                    {pledges.length > 1 ? (
                      <button
                        type="button"
                        className="min-h-11 text-sm text-red-700 hover:underline"
                        onClick={() => setPledges((list) => list.filter((p) => p.key !== pledge.key))}
                      >
                        删除第 {i + 1} 条
                      </button>
                    ) : null}
                  </li>
                ))}
              </ol>
              <Button type="button" variant="secondary" onClick={() => setPledges((list) => [...list, { key: newKey(), text: "", taskIds: [] }])}>
                添加一条承诺
              </Button>
              <FieldError id="pledges-error" errors={errors.pledges} />
            </fieldset>
            <Field label="承诺人" name="signedBy" defaultValue={draft.signedBy} required hint="如：临洺关镇党委书记 张某某" errors={errors.signedBy} />
            <ActionMessage />
            <div className="flex flex-wrap gap-2">
              <SubmitButton name="intent" value="save" variant="secondary">
                保存草稿
              </SubmitButton>
              <SubmitButton
                name="intent"
                value="publish"
                confirm={{
                  title: `发布第 ${draft.version} 版承诺书？`,
                  body: "发布后承诺书将公开展示，内容不能再修改（修改需新建版本）。",
                  confirmLabel: "发布",
                }}
              >
                发布第 {draft.version} 版
              </SubmitButton>
            </div>
          </>
        )}
      </ActionForm>
      <ActionForm
        action={deleteCommitmentDraftAction}
        confirm={{ title: "删除这份草稿？", body: "已发布的版本不受影响。", confirmLabel: "删除草稿", danger: true }}
      >
        <input type="hidden" name="id" value={draft.id} />
        <SubmitButton variant="ghost" className="min-h-11 px-0 text-sm text-red-700 hover:bg-transparent hover:underline">
          删除草稿
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
