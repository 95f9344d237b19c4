"use client";

import { useState } from "react";
import { FlagBadge } from "@/components/assessment/flag-badge";
import { Badge } from "@/components/ui/badge";
import { COMPONENT_KEYS, COMPONENT_LABELS, COMPONENT_SHORT_LABELS } from "@/lib/assessment/scoring";
import type { FlagColor } from "@/lib/generated/prisma/enums";

/** One ranked unit, compact: the breakdown stays on the server. */
export type RankingRow = {
  unitId: string;
  unitName: string;
  rank: number;
  total: number;
  ranked: boolean;
  failed: boolean;
  /** per component (COMPONENT_KEYS order); null when it carries no points */
  points: (number | null)[];
  adjustment: number;
  flag: FlagColor | null;
  /** outside the assessed set: listed, never ranked */
  excluded: boolean;
  /** retired (撤销) in or before the quarter: listed as 已撤销, never ranked */
  retired: boolean;
  /** why it stands where it does beside units of equal total (ranking.ts, tieNotes) */
  tie: string | null;
};

// Cell styles live on the table (113 rows × 10 cells: per-cell class strings would weigh the page down).
const TABLE =
  "w-full text-left text-sm [&_td]:px-2 [&_td]:py-1.5 [&_td]:tabular-nums [&_th]:px-2 [&_th]:py-1.5 [&_.n]:text-right [&_.c]:hidden md:[&_.c]:table-cell [&_a]:inline-flex [&_a]:min-h-6 [&_a]:items-center [&_a]:text-blue-700 [&_a]:underline [&_a]:underline-offset-2 [&_a:hover]:decoration-2";

/**
 * A kind's ranking: every number links to the unit's breakdown (drill-down),
 * to the component it belongs to. A client component fed compact rows, with
 * plain links: the board holds ~900 of them, which the server would otherwise
 * serialise element by element and next/link would prefetch as they scroll in.
 */
export function RankingTable({
  rows: allRows,
  quarterKey,
  caption,
  collapseAfter,
}: {
  rows: RankingRow[];
  quarterKey: string;
  caption: string;
  collapseAfter?: number;
}) {
  const href = (row: RankingRow, anchor?: string) => `/board/units/${row.unitId}?quarter=${quarterKey}${anchor ? `#${anchor}` : ""}`;
  // A long list (96 departments) opens on its head and every flag or veto, the rest on request: the whole table weighed a phone down.
  const [expanded, setExpanded] = useState(false);
  const collapsed = collapseAfter !== undefined && !expanded && allRows.length > collapseAfter + 5;
  const rows = collapsed ? allRows.filter((row, i) => i < collapseAfter || row.flag || row.failed) : allRows;
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
      <table className={TABLE}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-stone-700 [&_th]:font-medium">
          <tr>
            <th scope="col" className="whitespace-nowrap">
              名次
            </th>
            <th scope="col">单位</th>
            <th scope="col" className="n">
              总分
            </th>
            {COMPONENT_KEYS.map((key) => (
              <th key={key} scope="col" className="n c whitespace-nowrap">
                <abbr title={COMPONENT_LABELS[key]} className="no-underline">
                  {COMPONENT_SHORT_LABELS[key]}
                </abbr>
              </th>
            ))}
            <th scope="col" className="n c whitespace-nowrap">
              加减分
            </th>
            <th scope="col">旗帜</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((row) => (
            <tr key={row.unitId} data-unit={row.unitName} className={row.failed ? "bg-stone-50" : undefined}>
              <td className="whitespace-nowrap">{row.rank ? (row.tie?.includes("并列") ? `${row.rank}（并列）` : row.rank) : "—"}</td>
              <th scope="row" className="font-medium">
                <a href={href(row)} className="whitespace-nowrap">
                  {row.unitName}
                </a>
                {row.tie ? <span className="block text-xs font-normal text-stone-600">{row.tie}</span> : null}
              </th>
              <td className="n font-semibold">
                {row.retired ? (
                  <span className="font-normal text-stone-600">已撤销</span>
                ) : row.excluded ? (
                  <span className="font-normal text-stone-600">不参与排名</span>
                ) : row.ranked ? (
                  <a href={href(row)} aria-label={`${row.unitName}总分 ${row.total.toFixed(2)}，查看计分依据`}>
                    {row.total.toFixed(2)}
                  </a>
                ) : (
                  <span className="font-normal text-stone-600">数据不足</span>
                )}
              </td>
              {COMPONENT_KEYS.map((key, i) => (
                <td key={key} className="n c">
                  <a href={href(row, `c-${key}`)}>{row.points[i] === null ? "—" : row.points[i]!.toFixed(2)}</a>
                </td>
              ))}
              <td className="n c">
                {row.adjustment ? (
                  <a href={href(row, "adjustments")}>
                    {row.adjustment > 0 ? "+" : ""}
                    {row.adjustment}
                  </a>
                ) : (
                  "—"
                )}
              </td>
              <td>
                {row.flag || row.failed ? (
                  <span className="flex flex-wrap gap-1">
                    {row.flag ? <FlagBadge color={row.flag} /> : null}
                    {row.failed ? <Badge tone="bad">一票否决</Badge> : null}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {collapseAfter !== undefined && allRows.length > collapseAfter + 5 ? (
        <button
          type="button"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
          className="no-print flex min-h-11 w-full items-center justify-center border-t border-stone-200 text-sm text-blue-700 underline underline-offset-4 hover:bg-stone-50"
        >
          {expanded ? "只看前列和持旗单位" : `显示全部 ${allRows.length} 个单位（另有 ${allRows.length - rows.length} 个已折叠）`}
        </button>
      ) : null}
    </div>
  );
}
