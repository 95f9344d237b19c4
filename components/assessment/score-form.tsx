"use client";

import { useState } from "react";
import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { CONTROL, FieldError, TextareaField } from "@/components/ui/field";
import { correctGroupScore, saveGroupScore } from "@/lib/assessment/actions";

export type RubricRow = { id: string; name: string; maxPoints: number; points: number | null; comment: string | null };

const INPUT = `${CONTROL} disabled:bg-stone-100`;

function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * A group's score of a unit: one row per rubric item (points up to its
 * maximum, a reason for any deduction). 保存草稿 keeps it editable; 提交 locks it.
 * With `correcting` (the id of the submitted version in force) it sends a
 * correction instead: the same rubric and a required reason, as a new version
 * (lib/assessment/writes.ts); the ids are prefixed so both forms fit one page.
 */
export function ScoreForm({
  groupId,
  unitId,
  quarterId,
  rubric,
  readOnly,
  correcting,
}: {
  groupId: string;
  unitId: string;
  quarterId: string;
  rubric: RubricRow[];
  readOnly: boolean;
  correcting?: string;
}) {
  const prefix = correcting ? "fix-" : "";
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(rubric.map((r) => [r.id, r.points === null ? "" : formatPoints(r.points)])),
  );
  const max = rubric.reduce((sum, r) => sum + r.maxPoints, 0);
  const sum = rubric.reduce((s, r) => s + (Number(values[r.id]) || 0), 0);
  const filled = rubric.filter((r) => values[r.id] !== "").length;

  return (
    <ActionForm action={correcting ? correctGroupScore : saveGroupScore} className="space-y-4" aria-describedby={`${prefix}score-total`} message={false}>
      {({ errors }) => (
        <>
          {correcting ? <input type="hidden" name="scoreId" value={correcting} /> : null}
          <input type="hidden" name="groupId" value={groupId} />
          <input type="hidden" name="unitId" value={unitId} />
          <input type="hidden" name="quarterId" value={quarterId} />
          <ol className="space-y-4">
            {rubric.map((item, i) => {
              const value = values[item.id];
              const deducted = value !== "" && Number(value) < item.maxPoints;
              const pointsError = errors[`points_${item.id}`];
              const commentError = errors[`comment_${item.id}`];
              return (
                <li key={item.id} className="rounded-xl border border-stone-200 bg-white p-4">
                  <div className="flex flex-wrap items-end gap-3">
                    <div className="w-32">
                      <label htmlFor={`${prefix}points-${item.id}`} className="mb-1 block text-sm font-medium text-stone-800">
                        {i + 1}. {item.name}
                      </label>
                      <input
                        id={`${prefix}points-${item.id}`}
                        name={`points_${item.id}`}
                        inputMode="decimal"
                        autoComplete="off"
                        value={value}
                        onChange={(e) => setValues((v) => ({ ...v, [item.id]: e.target.value }))}
                        disabled={readOnly}
                        aria-invalid={pointsError ? true : undefined}
                        aria-describedby={`${prefix}points-${item.id}-hint ${prefix}points-${item.id}-error`}
                        className={INPUT}
                      />
                    </div>
                    <p id={`${prefix}points-${item.id}-hint`} className="pb-3 text-sm text-stone-600">
                      满分 {formatPoints(item.maxPoints)} 分{deducted ? `，扣 ${formatPoints(item.maxPoints - Number(value))} 分` : ""}
                    </p>
                  </div>
                  <FieldError id={`${prefix}points-${item.id}-error`} errors={pointsError} />
                  <label htmlFor={`${prefix}comment-${item.id}`} className="mt-3 mb-1 block text-sm font-medium text-stone-800">
                    扣分理由{deducted ? <span className="text-red-700">（必填）</span> : <span className="font-normal text-stone-600">（有扣分时必填）</span>}
                  </label>
                  <textarea
                    id={`${prefix}comment-${item.id}`}
                    name={`comment_${item.id}`}
                    rows={2}
                    maxLength={200}
                    defaultValue={item.comment ?? ""}
                    disabled={readOnly}
                    aria-invalid={commentError ? true : undefined}
                    aria-describedby={`${prefix}comment-${item.id}-error`}
                    className={INPUT}
                  />
                  <FieldError id={`${prefix}comment-${item.id}-error`} errors={commentError} />
                </li>
              );
            })}
          </ol>
          <p id={`${prefix}score-total`} className="text-lg">
            合计 <strong className="tabular-nums">{formatPoints(sum)}</strong> / {formatPoints(max)} 分
            <span className="ml-2 text-sm text-stone-600">
              已填 {filled}/{rubric.length} 项
            </span>
          </p>
          {correcting ? (
            <TextareaField id="fix-change-reason" label="更正原因（必填）" name="changeReason" rows={2} maxLength={300} required errors={errors.changeReason} />
          ) : null}
          <ActionMessage />
          {correcting ? (
            <SubmitButton
              pendingLabel="正在提交…"
              confirm={{
                title: "提交更正？",
                body: `更正后合计 ${formatPoints(sum)} / ${formatPoints(max)} 分。原评分作为历史版本保留，不再计入。`,
                confirmLabel: "提交更正",
              }}
            >
              提交更正
            </SubmitButton>
          ) : readOnly ? null : (
            <div className="flex flex-wrap gap-3">
              <SubmitButton name="intent" value="draft" variant="secondary">
                保存草稿
              </SubmitButton>
              <SubmitButton
                name="intent"
                value="submit"
                pendingLabel="正在保存…"
                confirm={{
                  title: "提交评分？",
                  body: `合计 ${formatPoints(sum)} / ${formatPoints(max)} 分。提交后不能直接修改（可以更正或撤回，原评分都会保留），季度关闭时计入考核。`,
                  confirmLabel: "提交评分",
                }}
              >
                提交评分
              </SubmitButton>
              <p className="w-full text-sm text-stone-600">
                草稿可以反复修改，不计入得分；提交后不能直接修改（可以更正或撤回，留有记录），季度关闭时计入考核。
              </p>
            </div>
          )}
        </>
      )}
    </ActionForm>
  );
}
