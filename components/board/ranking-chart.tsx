"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type RankingChartRow = { name: string; total: number; tone: "red" | "yellow" | "failed" | "plain" };

const FILLS = { red: "#c0262d", yellow: "#d69e0b", failed: "#78716c", plain: "#476582" };

/** A kind's ranking as horizontal bars, best on top; flag holders in their flag's colour. */
export function RankingChart({ rows, label }: { rows: RankingChartRow[]; label: string }) {
  const height = rows.length * 26 + 40;
  const max = Math.max(100, ...rows.map((r) => Math.ceil(r.total)));
  // Room for the longest unit name (13 px per character), so that none is cut.
  const labelWidth = Math.min(240, 16 + 13 * Math.max(4, ...rows.map((r) => r.name.length)));
  return (
    <div style={{ height }} className="w-full" role="img" aria-label={`${label}：${rows.map((r) => `${r.name} ${r.total}`).join("，")}`}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, max]} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={labelWidth} interval={0} tick={{ fontSize: 13 }} />
          <Tooltip formatter={(value) => [`${value} 分`, "总分"]} />
          <Bar dataKey="total" radius={[0, 4, 4, 0]} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.name} fill={FILLS[r.tone]} />
            ))}
            <LabelList dataKey="total" position="right" style={{ fontSize: 12, fill: "#292524" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
