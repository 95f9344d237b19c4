"use client";

import { useEffect, useState } from "react";
import { deleteDraft, draftKey, loadDraft } from "@/components/reports/card-draft";
import { useSlotOpen } from "@/components/reports/slot-disclosure";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SlotForm, type SlotFormProps } from "@/components/reports/slot-form";

/** A slot on the unit's card: what was shown, with a way to change it; or the form when nothing was shown yet. */
export function SlotPanel({ view, form, editLabel }: { view: React.ReactNode | null; form: Omit<SlotFormProps, "onSaved" | "onCancel">; editLabel: string }) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const open = useSlotOpen();
  // A closed slot's form is mounted when the slot is opened, or at once when this phone keeps a draft of it (a pending one is sent when the signal returns).
  const [drafted, setDrafted] = useState(false);
  const key = draftKey(form.owner, form.date, form.slot, form.mode);
  useEffect(() => {
    if (view || open) return;
    let cancelled = false;
    void loadDraft(key).then((draft) => !cancelled && draft && setDrafted(true));
    return () => {
      cancelled = true;
    };
  }, [view, open, key]);
  // Once the slot is shown, a first-submission draft left on this phone is done with (its retry was answered, or another device filed it).
  useEffect(() => {
    if (view) void deleteDraft(draftKey(form.owner, form.date, form.slot, "CREATE"));
  }, [view, form.owner, form.date, form.slot]);
  if (!view) return open || drafted ? <SlotForm {...form} /> : null;
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
