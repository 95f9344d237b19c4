"use client";

import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { remindUnits } from "@/lib/reports/actions";

/** Records a reminder (催报) for one unit, or — after a confirmation — for every unit that has not shown the slot. */
export function RemindButton({
  slot,
  unitId,
  label,
  ariaLabel,
  count,
  slotLabel,
  variant = "secondary",
}: {
  slot: string;
  unitId?: string;
  label: string;
  ariaLabel?: string;
  /** for 全部提醒: how many units the confirmation names */
  count?: number;
  slotLabel?: string;
  variant?: "primary" | "secondary";
}) {
  return (
    <ActionForm
      action={remindUnits}
      confirm={
        unitId
          ? undefined
          : {
              title: `提醒 ${count ?? "所有"} 个单位？`,
              body: `将向尚未报送${slotLabel ?? "这一时段"}的 ${count ?? "所有"} 个单位各发一条提醒，并记入催报记录。`,
              confirmLabel: label,
            }
      }
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="slot" value={slot} />
      {unitId ? <input type="hidden" name="unitId" value={unitId} /> : null}
      <SubmitButton variant={variant} aria-label={ariaLabel} pendingLabel="正在提醒…">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
