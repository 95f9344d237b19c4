"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAmount } from "@/components/tasks/format";

/** Days since 1970 of a "YYYY-MM-DD" district date: a time axis without time zones. */
const dayNumber = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const shortDate = (day: number) => {
  const date = dateOf(day);
  return `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
};

/** A task's value reached over time (a step per change), its target and deadline. */
export function ProgressChart({
  series,
  target,
  measure,
  deadline,
}: {
  series: { date: string; value: number }[];
  target: number;
  measure: string;
  deadline: string;
}) {
  const data = series.map((p) => ({ day: dayNumber(p.date), value: p.value }));
  const days = [...data.map((d) => d.day), dayNumber(deadline)];
  const domain: [number, number] = [Math.min(...days), Math.max(...days)];
  const last = series.at(-1);
  const summary = series
    .slice(0, -1)
    .filter((p, i, all) => i === 0 || p.value !== all[i - 1].value)
    .map((p) => `${p.date} ${formatAmount(p.value)}`)
    .join(",");
  return (
    <div
      className="h-56 w-full"
      role="img"
      aria-label={`完成值变化：${summary || "暂无"}；目前 ${formatAmount(last?.value ?? 0)}/${formatAmount(target)}${measure}，截止 ${deadline}`}
    >
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 560, height: 224 }}>
        <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" type="number" domain={domain} tickFormatter={shortDate} tick={{ fontSize: 12 }} tickCount={6} />
          <YAxis domain={[0, (max: number) => Math.max(max, target)]} tick={{ fontSize: 12 }} width={44} tickFormatter={(v: number) => formatAmount(v)} />
          <Tooltip labelFormatter={(day) => dateOf(Number(day))} formatter={(value) => [`${formatAmount(Number(value))} ${measure}`, "完成值"]} />
          <ReferenceLine
            y={target}
            stroke="#15803d"
            strokeDasharray="5 4"
            label={{ value: `目标 ${formatAmount(target)}`, position: "insideTopLeft", fontSize: 12, fill: "#166534" }}
          />
          <ReferenceLine
            x={dayNumber(deadline)}
            stroke="#78716c"
            strokeDasharray="3 3"
            label={{ value: "截止", position: "insideTopRight", fontSize: 12, fill: "#57534e" }}
          />
          <Line type="stepAfter" dataKey="value" name="完成值" stroke="#a51d24" strokeWidth={2.5} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
