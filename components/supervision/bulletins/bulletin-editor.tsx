"use client";

import { ActionForm, SubmitButton, useKeptFormAction } from "@/components/supervision/action-form";
import { Field, FormMessage } from "@/components/ui/field";
import {
  moveBulletinItem,
  removeBulletinItem,
  saveBulletinHeader,
  updateBulletinItem,
} from "@/lib/supervision/bulletins/actions";

const TEXTAREA = "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base aria-[invalid=true]:border-red-600";

export function BulletinHeaderForm({ bulletin }: { bulletin: { id: string; date: string; title: string; summary: string } }) {
  const { state, pending, onSubmit } = useKeptFormAction(saveBulletinHeader);
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <input type="hidden" name="bulletinId" value={bulletin.id} />
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field label="标题" name="title" defaultValue={bulletin.title} required maxLength={60} errors={errors.title} />
        <Field label="日期" name="date" type="date" defaultValue={bulletin.date} required errors={errors.date} />
      </div>
      <div>
        <label htmlFor="field-summary" className="mb-1 block text-sm font-medium text-stone-800">
          编者按
        </label>
        <textarea
          id="field-summary"
          name="summary"
          rows={4}
          defaultValue={bulletin.summary}
          maxLength={1000}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={errors.summary ? "field-summary-error" : undefined}
          className={TEXTAREA}
        />
        <div id="field-summary-error" aria-live="polite">
          {errors.summary?.map((e) => (
            <p key={e} className="mt-1 text-sm text-red-700">
              {e}
            </p>
          ))}
        </div>
      </div>
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton variant="secondary" pending={pending} pendingLabel="正在保存…">
        保存标题和编者按
      </SubmitButton>
    </form>
  );
}

function ExcerptForm({ bulletinId, item, label }: { bulletinId: string; item: { id: string; excerpt: string }; label: string }) {
  const { state, pending, onSubmit } = useKeptFormAction(updateBulletinItem);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="bulletinId" value={bulletinId} />
      <input type="hidden" name="itemId" value={item.id} />
      <label className="block text-sm font-medium text-stone-800">
        {label} 摘编
        <textarea name="excerpt" rows={3} defaultValue={item.excerpt} maxLength={600} required className={TEXTAREA} />
      </label>
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton variant="secondary" pending={pending} className="min-h-9 px-3 text-sm">
        保存文字
      </SubmitButton>
    </form>
  );
}

export function BulletinItemEditor({ bulletinId, item, first, last, label }: { bulletinId: string; item: { id: string; excerpt: string }; first: boolean; last: boolean; label: string }) {
  return (
    <div className="space-y-2">
      <ExcerptForm bulletinId={bulletinId} item={item} label={label} />
      <div className="flex flex-wrap gap-2">
        <ActionForm action={moveBulletinItem}>
          <input type="hidden" name="bulletinId" value={bulletinId} />
          <input type="hidden" name="itemId" value={item.id} />
          <input type="hidden" name="direction" value="up" />
          <SubmitButton variant="ghost" disabled={first} className="min-h-9 px-3 text-sm" aria-label={`${label} 上移`}>
            上移
          </SubmitButton>
        </ActionForm>
        <ActionForm action={moveBulletinItem}>
          <input type="hidden" name="bulletinId" value={bulletinId} />
          <input type="hidden" name="itemId" value={item.id} />
          <input type="hidden" name="direction" value="down" />
          <SubmitButton variant="ghost" disabled={last} className="min-h-9 px-3 text-sm" aria-label={`${label} 下移`}>
            下移
          </SubmitButton>
        </ActionForm>
        <ActionForm action={removeBulletinItem}>
          <input type="hidden" name="bulletinId" value={bulletinId} />
          <input type="hidden" name="itemId" value={item.id} />
          <SubmitButton variant="danger" className="min-h-9 px-3 text-sm" aria-label={`${label} 移出本期`}>
            移出
          </SubmitButton>
        </ActionForm>
      </div>
    </div>
  );
}
