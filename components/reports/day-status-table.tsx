import Link from "next/link";
import { SlotStateBadge } from "@/components/reports/slot-state-badge";
import type { UnitDayStatus } from "@/lib/reports/queries";
import { SLOT_LABELS, SLOTS } from "@/lib/reports/slots";
import { UNIT_KIND_LABELS } from "@/lib/labels";


export function DayStatusTable({ rows, caption }: { rows: UnitDayStatus[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-stone-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              单位
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              类别
            </th>
            {SLOTS.map((slot) => (
              <th key={slot} scope="col" className="px-3 py-2 font-medium">
                {SLOT_LABELS[slot]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.unitId} data-unit={row.unitName}>
              <th scope="row" className="px-3 py-2 font-medium">
                <Link href={`/units/${row.unitId}`} className="text-stone-900 underline-offset-2 hover:underline">
                  {row.unitName}
                </Link>
              </th>
              <td className="px-3 py-2 text-stone-600">{UNIT_KIND_LABELS[row.kind]}</td>
              {SLOTS.map((slot) => (
                <td key={slot} className="px-3 py-2">
                  <SlotStateBadge state={row.slots[slot]} label={SLOT_LABELS[slot]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
