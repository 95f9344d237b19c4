"use client";

import { ActionForm, ActionMessage, SubmitButton } from "@/components/ui/action-form";
import { Card, Section } from "@/components/ui/card";
import { Field, TextareaField } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page-header";
import { editBulletinAction } from "@/lib/supervision/bulletins/actions";
import { EXCERPT_FIELD } from "@/lib/supervision/bulletins/schemas";

export type EditorGroup = { heading: string; items: { id: string; excerpt: string; source: string; position: number }[] };

const SMALL = "min-h-9 px-3 text-sm";

/**
 * The whole draft in one form: title, date, editor's note and every item's
 * excerpt. Every button sends what the form shows — 保存, 发布 (after a
 * confirmation), 上移/下移/移出 — so nothing typed is left behind. A field is
 * keyed by its saved text: it shows the server's official text once saved,
 * and keeps what was typed when the server refuses.
 */
export function BulletinEditor({
  bulletin,
  groups,
  count,
}: {
  bulletin: { id: string; date: string; title: string; summary: string };
  groups: EditorGroup[];
  count: number;
}) {
  return (
    <ActionForm action={editBulletinAction} aria-label="编辑快讯" className="space-y-6" message={false}>
      {({ errors }) => (
        <>
          <input type="hidden" name="bulletinId" value={bulletin.id} />
          <Card className="space-y-3">
            <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
              <Field key={`t:${bulletin.title}`} label="标题" name="title" defaultValue={bulletin.title} required maxLength={60} errors={errors.title} />
              <Field key={`d:${bulletin.date}`} label="日期" name="date" type="date" defaultValue={bulletin.date} required errors={errors.date} />
            </div>
            <TextareaField
              key={`s:${bulletin.summary}`}
              label="编者按"
              name="summary"
              rows={4}
              defaultValue={bulletin.summary}
              maxLength={1000}
              hint="文中的“N条晒报”在保存和发布时按本期实际条数更新；标点按公文习惯改为全角。"
              errors={errors.summary}
            />
          </Card>
          <Section heading={<>本期晒报（{count}）</>} className="space-y-3">
            {count === 0 ? <EmptyState title="还没有选入晒报">在下方搜索晒报并“选入本期”。</EmptyState> : null}
            {groups.map((group) => (
              <div key={group.heading} className="space-y-2">
                <h3 className="font-semibold text-stone-700">{group.heading}</h3>
                <ol className="space-y-3">
                  {group.items.map((item) => {
                    const label = `第 ${item.position} 条`;
                    const name = `${EXCERPT_FIELD}${item.id}`;
                    return (
                      <li key={item.id} className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
                        <TextareaField
                          key={item.excerpt}
                          label={`${label} 摘编`}
                          name={name}
                          rows={3}
                          defaultValue={item.excerpt}
                          maxLength={600}
                          required
                          hint={`来源：${item.source}`}
                          errors={errors[name]}
                        />
                        <div className="flex flex-wrap gap-2">
                          <SubmitButton
                            name="intent"
                            value={`up:${item.id}`}
                            variant="ghost"
                            disabled={item.position === 1}
                            className={SMALL}
                            aria-label={`${label} 上移`}
                          >
                            上移
                          </SubmitButton>
                          <SubmitButton
                            name="intent"
                            value={`down:${item.id}`}
                            variant="ghost"
                            disabled={item.position === count}
                            className={SMALL}
                            aria-label={`${label} 下移`}
                          >
                            下移
                          </SubmitButton>
                          <SubmitButton name="intent" value={`remove:${item.id}`} variant="danger" className={SMALL} aria-label={`${label} 移出本期`}>
                            移出
                          </SubmitButton>
                        </div>
                      </li>
                    );
                  })}
                </ol>
              </div>
            ))}
          </Section>
          <div className="sticky bottom-0 space-y-2 border-t border-stone-200 bg-stone-50/95 py-3">
            <ActionMessage />
            <div className="flex flex-wrap items-center gap-2">
              <SubmitButton name="intent" value="save" variant="secondary" pendingLabel="正在保存…">
                保存
              </SubmitButton>
              <SubmitButton
                name="intent"
                value="publish"
                pendingLabel="正在发布…"
                confirm={{
                  title: "发布这期快讯？",
                  body: `按页面上现在的文字发布（未保存的修改一并保存），共 ${count} 条晒报。发布后按年编号、全员可见，不能再修改。`,
                  confirmLabel: "发布",
                }}
              >
                发布
              </SubmitButton>
              <span className="text-sm text-stone-600">上移、下移、移出和发布都会先保存页面上的文字。</span>
            </div>
          </div>
        </>
      )}
    </ActionForm>
  );
}
