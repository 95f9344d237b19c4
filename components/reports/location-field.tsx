"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { EvidenceNeed } from "@/lib/reports/evidence-need";

export type Coords = { lat: number; lng: number; accuracy: number | null };

/** Location: the browser's position when the user allows it, else (or as well) a typed place name. */
export function LocationField({
  id,
  place,
  coords,
  onPlace,
  onCoords,
  need,
}: {
  id: string;
  place: string;
  coords: Coords | null;
  onPlace: (value: string) => void;
  onCoords: (value: Coords | null) => void;
  /** when a place is needed (lib/reports/evidence-need.ts) */
  need: EvidenceNeed;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);

  const locate = () => {
    if (!("geolocation" in navigator)) {
      setMessage("这台设备无法定位，请填写地点名称。");
      return;
    }
    setLocating(true);
    setMessage(null);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onCoords({
          lat: Math.round(position.coords.latitude * 1e6) / 1e6,
          lng: Math.round(position.coords.longitude * 1e6) / 1e6,
          accuracy: Number.isFinite(position.coords.accuracy) ? Math.round(position.coords.accuracy) : null,
        });
      },
      () => {
        setLocating(false);
        setMessage("没有取得定位（未允许或信号弱），请填写地点名称。");
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-stone-800">位置（{need.label}）</legend>
      {need.hint ? <p className="text-sm text-amber-800">{need.hint}</p> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={locate} disabled={locating}>
          {locating ? "正在定位…" : "使用当前位置"}
        </Button>
        {coords ? (
          <span className="text-sm text-stone-700" aria-live="polite">
            已定位 {`${coords.lat.toFixed(5)}, ${coords.lng.toFixed(5)}`}
            {coords.accuracy ? `（约 ±${coords.accuracy} 米）` : ""}
            <button type="button" className="ml-2 min-h-11 px-2 text-brand-700 underline" onClick={() => onCoords(null)}>
              清除
            </button>
          </span>
        ) : null}
      </div>
      {message ? (
        <p className="text-sm text-amber-800" aria-live="polite">
          {message}
        </p>
      ) : null}
      <Field id={id} label="地点名称" value={place} onChange={(e) => onPlace(e.target.value)} maxLength={100} placeholder="如：东街拆迁现场" />
    </fieldset>
  );
}
