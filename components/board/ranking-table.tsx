import Link from "next/link";
import { FlagBadge } from "@/components/assessment/flag-badge";
import { Badge } from "@/components/ui/badge";
import type { ResultRow } from "@/lib/assessment/results";
import { COMPONENT_KEYS, COMPONENT_LABELS, COMPONENT_SHORT_LABELS, type ComponentKey } from "@/lib/assessment/scoring";

function points(row: ResultRow, key: ComponentKey): string {
  const c = row.breakdown.components.find((x) => x.key === key);
  if (!c || c.maxPoints === 0) return "—";
  return c.points.toFixed(2);
}

// Cell styles live on the table (113 rows × 10 cells: per-cell class strings would weigh the page down).
const TABLE =
  "w-full text-left text-sm [&_td]:px-2 [&_td]:py-1.5 [&_td]:tabular-nums [&_th]:px-2 [&_th]:py-1.5 [&_.n]:text-right [&_.c]:hidden md:[&_.c]:table-cell [&_a:hover]:underline";

/**
 * A kind's ranking: every number links to the unit's breakdown (drill-down),
 * to the component it belongs to.
 */
export function RankingTable({ rows, quarterKey, caption }: { rows: ResultRow[]; quarterKey: string; caption: string }) {
  const href = (row: ResultRow, anchor?: string) => `/board/units/${row.unitId}?quarter=${quarterKey}${anchor ? `#${anchor}` : ""}`;
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
              <td>{row.rank || "—"}</td>
              <th scope="row" className="font-medium whitespace-nowrap">
                <Link href={href(row)}>{row.unitName}</Link>
              </th>
              <td className="n font-semibold">
                {row.ranked ? (
                  <Link href={href(row)} aria-label={`${row.unitName}总分 ${row.total.toFixed(2)},查看计分依据`}>
                    {row.total.toFixed(2)}
                  </Link>
                ) : (
                  <span className="font-normal text-stone-600">数据不足</span>
                )}
              </td>
              {COMPONENT_KEYS.map((key) => (
                <td key={key} className="n c">
                  <Link href={href(row, `c-${key}`)}>{points(row, key)}</Link>
                </td>
              ))}
              <td className="n c">
                {row.breakdown.adjustmentPoints ? (
                  <Link href={href(row, "adjustments")}>
                    {row.breakdown.adjustmentPoints > 0 ? "+" : ""}
                    {row.breakdown.adjustmentPoints}
                  </Link>
                ) : (
                  "—"
                )}
              </td>
              <td>
                {row.flag || row.failed ? (
                  <span className="flex flex-wrap gap-1">
                    {row.flag ? <FlagBadge color={row.flag.color} /> : null}
                    {row.failed ? <Badge tone="bad">一票否决</Badge> : null}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
