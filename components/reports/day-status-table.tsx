import Link from "next/link";
import { SlotStateBadge } from "@/components/reports/slot-state-badge";
import type { UnitDayStatus } from "@/lib/reports/queries";
import { SLOT_LABELS, SLOTS } from "@/lib/reports/slots";
import { RowHeader, Table, TableBody, TableHead, Td, Th } from "@/components/ui/table";
import { UNIT_KIND_LABELS } from "@/lib/labels";

export function DayStatusTable({ rows, caption }: { rows: UnitDayStatus[]; caption: string }) {
  return (
    <Table caption={caption}>
      <TableHead>
        <Th>单位</Th>
        <Th>类别</Th>
        {SLOTS.map((slot) => (
          <Th key={slot}>{SLOT_LABELS[slot]}</Th>
        ))}
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <tr key={row.unitId} data-unit={row.unitName}>
            <RowHeader label="单位">
              <Link href={`/units/${row.unitId}`} className="text-stone-900 underline-offset-2 hover:underline">
                {row.unitName}
              </Link>
            </RowHeader>
            <Td label="类别" className="text-stone-600">
              {UNIT_KIND_LABELS[row.kind]}
            </Td>
            {SLOTS.map((slot) => (
              <Td key={slot} label={SLOT_LABELS[slot]}>
                <SlotStateBadge state={row.slots[slot]} label={SLOT_LABELS[slot]} />
              </Td>
            ))}
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}
