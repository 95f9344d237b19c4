"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { recordSiteVisitAction } from "@/lib/leaders/actions";

/** 到现场看看: where the leader went (and, if known, its coordinates) and what they saw; the time is the server's. */
export function SiteVisitForm({ slotId, label, defaultPlace }: { slotId: string; label: string; defaultPlace: string | null }) {
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">到现场看看</summary>
      <ActionForm action={recordSiteVisitAction} className="mt-2 space-y-3" aria-label={`到现场看看：${label}`} resetOnSuccess>
        {({ errors }) => (
          <>
            <input type="hidden" name="slotId" value={slotId} />
            <Field label="到了哪里" name="place" required maxLength={60} defaultValue={defaultPlace ?? undefined} errors={errors.place} />
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="纬度" name="lat" inputMode="decimal" hint="可不填" errors={errors.lat} />
              <Field label="经度" name="lng" inputMode="decimal" hint="可不填" errors={errors.lng} />
            </div>
            <Field label="所见" name="note" maxLength={300} hint="可不填" errors={errors.note} />
            <SubmitButton variant="secondary">记录到现场看看</SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}
