"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type KeyTaskChartRow = { name: string; percent: number };

/** Mean task progress per key task, as horizontal bars (percent). */
export function KeyTaskChart({ rows }: { rows: KeyTaskChartRow[] }) {
  return (
    <div className="h-80 w-full" role="img" aria-label={`各项重点工作平均进度：${rows.map((r) => `${r.name} ${r.percent}%`).join(",")}`}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 320 }}>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={96} tick={{ fontSize: 13 }} />
          <Tooltip formatter={(value) => [`${value}%`, "平均进度"]} />
          <Bar dataKey="percent" fill="#a51d24" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
