"use client";

import { useEffect, useRef, useState } from "react";
import { DAY_CELL_CODES, DAY_CELL_LABELS, type DayCell } from "@/lib/assessment/heatmap";

const LEGEND: DayCell[] = ["ON_TIME", "LATE", "MISSING", "NONE"];

export type HeatMapRowData = { unitId: string; unitName: string; cells: string };

/**
 * Units × days in a disclosure: a small square per day coloured by its three
 * slots (a row's days arrive as one string of codes, and a closed section
 * renders no squares until opened, so 113 units × 28 days stay light). The
 * squares are decoration (their colour doubled by a mark: stripes for 迟报, a cross for 未晒); each
 * row ends with its counts in words.
 */
export function HeatMap({ title, dates, rows, defaultOpen = false }: { title: string; dates: string[]; rows: HeatMapRowData[]; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="mb-3">
      <summary className="min-h-11 cursor-pointer py-2 font-medium">{title}</summary>
      {open ? <HeatTable dates={dates} rows={rows} caption={`${title}晒报纪律`} /> : null}
    </details>
  );
}

function HeatTable({ dates, rows, caption }: { dates: string[]; rows: HeatMapRowData[]; caption: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // A narrow screen opens on the latest days (the row's end), not on the oldest.
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, []);
  return (
    // Focusable, so that a keyboard can scroll it too.
    <div ref={scroller} className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="heat text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-white pr-2 text-left font-medium">
              单位
            </th>
            <th scope="col" className="text-left font-normal whitespace-nowrap text-stone-500">
              {dates[0]?.slice(5)} 至 {dates.at(-1)?.slice(5)}
            </th>
            <th scope="col" className="pl-2 text-left font-medium">
              按时 / 迟报 / 未晒
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId}>
              <th scope="row" className="sticky left-0 bg-white pr-2 text-left font-normal whitespace-nowrap">
                <a href={`/units/${row.unitId}`} className="link inline-flex min-h-6 items-center">
                  {row.unitName}
                </a>
              </th>
              <td aria-hidden className="whitespace-nowrap">
                {[...row.cells].map((code, i) => (
                  <i key={i} className={code} />
                ))}
              </td>
              <td className="pl-2 whitespace-nowrap tabular-nums text-stone-700">
                {count(row.cells, "ON_TIME")} / {count(row.cells, "LATE")} / {count(row.cells, "MISSING")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="heat mt-2 flex flex-wrap gap-3 text-xs text-stone-700">
        {LEGEND.map((c) => (
          <span key={c} className="inline-flex items-center gap-1">
            <i className={DAY_CELL_CODES[c]} aria-hidden />
            {DAY_CELL_LABELS[c]}
          </span>
        ))}
      </p>
    </div>
  );
}

function count(cells: string, cell: DayCell): number {
  const code = DAY_CELL_CODES[cell];
  let n = 0;
  for (const c of cells) if (c === code) n++;
  return n;
}
