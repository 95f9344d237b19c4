"use client";

import type { SlotState } from "@/lib/reports/slots";

/** [unit id, unit name, kind's label, the states of its slots in SLOTS order] */
export type DayStatusRow = [string, string, string, SlotState[]];

/** a state's badge: its colours live in globals.css (.st-*) */
const STATE_CLASS: Record<SlotState, string> = { SUBMITTED: "st st-ok", LATE: "st st-late", MISSING: "st st-miss", PENDING: "st st-wait" };

/** The rows of DayStatusTable, drawn in the browser from compact data (see there why). */
export function DayStatusBody({ rows, slotLabels, stateLabels }: { rows: DayStatusRow[]; slotLabels: string[]; stateLabels: Record<SlotState, string> }) {
  return (
    <tbody>
      {rows.map(([id, name, kind, states]) => (
        <tr key={id} data-unit={name}>
          <th scope="row">
            <a href={`/units/${id}`} className="link">
              {name}
            </a>
          </th>
          <td className="inline-cell">{kind}</td>
          {states.map((state, i) => (
            <td key={i} data-label={slotLabels[i]} className="inline-cell">
              <span className={STATE_CLASS[state]}>{stateLabels[state]}</span>
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
