"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** The district's mean minutes per unit per day, over the last 30 days. */
export function BurdenChart({ rows }: { rows: { date: string; minutes: number }[] }) {
  const data = rows.map((r) => ({ day: r.date.slice(5), minutes: r.minutes }));
  const mean = rows.length ? rows.reduce((s, r) => s + r.minutes, 0) / rows.length : 0;
  return (
    <div className="h-56 w-full" role="img" aria-label={`近 30 天全区每个单位每天平均填报 ${mean.toFixed(1)} 分钟`}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 224 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval={4} />
          <YAxis unit=" 分" width={48} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value) => [`${value} 分钟`, "每单位平均"]} />
          <Bar dataKey="minutes" fill="#a51d24" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
