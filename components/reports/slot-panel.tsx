"use client";

import { useEffect, useState } from "react";
import { deleteDraft, draftKey } from "@/components/reports/card-draft";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SlotForm, type SlotFormProps } from "@/components/reports/slot-form";

/** A slot on the unit's card: what was shown, with a way to change it; or the form when nothing was shown yet. */
export function SlotPanel({ view, form, editLabel }: { view: React.ReactNode | null; form: Omit<SlotFormProps, "onSaved" | "onCancel">; editLabel: string }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  // Once the slot is shown, a first-submission draft left on this phone is done with (its retry was answered, or another device filed it).
  useEffect(() => {
    if (view) void deleteDraft(draftKey(form.owner, form.date, form.slot, "CREATE"));
  }, [view, form.owner, form.date, form.slot]);
  if (!view) return <SlotForm {...form} />;
  if (editing) return <SlotForm {...form} onSaved={() => (setEditing(false), setSaved(true))} onCancel={() => setEditing(false)} />;
  return (
    <div>
      {view}
      {saved ? (
        <div className="mt-3">
          <FormMessage ok message="已保存。" />
        </div>
      ) : null}
      <Button type="button" variant="secondary" className="mt-3" onClick={() => (setSaved(false), setEditing(true))}>
        {editLabel}
      </Button>
    </div>
  );
}
