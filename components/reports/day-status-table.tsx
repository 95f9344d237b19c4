import { DayStatusBody, type DayStatusRow } from "@/components/reports/day-status-body";
import type { UnitDayStatus } from "@/lib/reports/queries";
import { UNIT_KIND_LABELS } from "@/lib/labels";
import { SLOT_LABELS, SLOT_STATE_LABELS, SLOTS } from "@/lib/reports/slots";

/**
 * Every unit's three slots today (/admin, /units). The rows go to a client body as data, drawn with
 * short class names and plain links: 113 rows rendered on the server came to 283 KB of HTML (each
 * element and its utility classes twice, in the markup and in the RSC payload), and next/link would
 * prefetch a hundred unit pages. So it is not built from components/ui/table (per-cell classes), but
 * reflows the same way: under 640 px each row is a card.
 */
export function DayStatusTable({ rows, caption }: { rows: UnitDayStatus[]; caption: string }) {
  const data: DayStatusRow[] = rows.map((r) => [r.unitId, r.unitName, UNIT_KIND_LABELS[r.kind], SLOTS.map((s) => r.slots[s])]);
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="reflow status-table w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-stone-700">
          <tr>
            <th scope="col">单位</th>
            <th scope="col">类别</th>
            {SLOTS.map((slot) => (
              <th key={slot} scope="col">
                {SLOT_LABELS[slot]}
              </th>
            ))}
          </tr>
        </thead>
        <DayStatusBody rows={data} slotLabels={SLOTS.map((s) => SLOT_LABELS[s])} stateLabels={SLOT_STATE_LABELS} />
      </table>
    </div>
  );
}
