"use client";

import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { UnitSelect } from "@/components/ui/unit-select";
import { UNIT_KIND_LABELS } from "@/lib/labels";

export type TrendUnit = { unitId: string; unitName: string; kind: "TOWN" | "DEPARTMENT"; totals: (number | null)[]; ranks: (number | null)[] };

function mean(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 100) / 100 : null;
}

/** One unit's total across closed quarters beside the mean of its kind; pick the unit. */
export function TrendChart({ quarters, units, initialUnitId }: { quarters: string[]; units: TrendUnit[]; initialUnitId?: string }) {
  const [unitId, setUnitId] = useState(initialUnitId ?? units[0]?.unitId);
  const unit = units.find((u) => u.unitId === unitId) ?? units[0];
  if (!unit) return null;
  const peers = units.filter((u) => u.kind === unit.kind);
  const data = quarters.map((q, i) => ({ quarter: q, total: unit.totals[i], rank: unit.ranks[i], mean: mean(peers.map((p) => p.totals[i])) }));
  const kindName = UNIT_KIND_LABELS[unit.kind];
  const pickable = units.map((u) => ({ id: u.unitId, name: u.unitName, kind: u.kind }));
  return (
    <div className="space-y-3">
      <UnitSelect label="单位" units={pickable} value={unit.unitId} onChange={(id) => id && setUnitId(id)} emptyLabel={null} className="no-print" />
      <div
        className="h-72 w-full"
        role="img"
        aria-label={`${unit.unitName}各季度总分：${data.map((d) => `${d.quarter} ${d.total ?? "无"}${d.rank ? `（第${d.rank}名）` : ""}`).join("，")}`}
      >
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 288 }}>
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="quarter" tick={{ fontSize: 13 }} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
            <Tooltip
              formatter={(value, name, item) => {
                if (name === unit.unitName && item.payload.rank) return [`${value} 分（第 ${item.payload.rank} 名）`, name];
                return [`${value} 分`, name];
              }}
            />
            <Legend />
            <Line type="monotone" dataKey="total" name={unit.unitName} stroke="#a51d24" strokeWidth={3} dot={{ r: 4 }} connectNulls isAnimationActive={false} />
            <Line
              type="monotone"
              dataKey="mean"
              name={`${kindName}平均`}
              stroke="#78716c"
              strokeDasharray="5 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
