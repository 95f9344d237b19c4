"use client";

import { useEffect, useMemo } from "react";
import { MAX_PHOTOS_PER_SLOT } from "@/lib/photos/limits";
import type { EvidenceNeed } from "@/lib/reports/evidence-need";

export type ExistingPhoto = { id: string; thumbUrl: string };

const PICK =
  "relative inline-flex min-h-11 cursor-pointer items-center justify-center rounded-lg border border-stone-300 bg-white px-4 text-base font-medium text-stone-800 focus-within:outline focus-within:outline-3 focus-within:outline-blue-600 hover:bg-stone-100";

/**
 * Up to nine photos: the camera (capture) or the album. New ones are shown
 * before upload and can be taken away; photos already shown can be taken away
 * only before the slot's deadline.
 */
export function PhotoPicker({
  existing,
  removed,
  onToggleRemoved,
  canRemoveExisting,
  files,
  onFiles,
  need,
}: {
  existing: ExistingPhoto[];
  removed: string[];
  onToggleRemoved: (id: string) => void;
  canRemoveExisting: boolean;
  files: File[];
  onFiles: (files: File[]) => void;
  /** when a photo is needed (lib/reports/evidence-need.ts) */
  need: EvidenceNeed;
}) {
  const previews = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);
  const kept = existing.filter((p) => !removed.includes(p.id)).length;
  const room = MAX_PHOTOS_PER_SLOT - kept - files.length;

  const add = (list: FileList | null) => {
    if (!list) return;
    onFiles([...files, ...Array.from(list)]);
  };

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-stone-800">
        照片（{need.label}） · 最多 {MAX_PHOTOS_PER_SLOT} 张
      </legend>
      {need.hint ? <p className="text-sm text-amber-800">{need.hint}</p> : null}
      {existing.length + files.length > 0 ? (
        <ul className="grid grid-cols-3 gap-1.5">
          {existing.map((photo, i) => {
            const gone = removed.includes(photo.id);
            return (
              <li key={photo.id} className="relative">
                {/* eslint-disable-next-line @next/next/no-img-element -- access-checked photo route */}
                <img
                  src={photo.thumbUrl}
                  alt={`已上传的第 ${i + 1} 张照片`}
                  className={`aspect-square w-full rounded-lg object-cover ${gone ? "opacity-30" : ""}`}
                />
                {canRemoveExisting ? (
                  <button
                    type="button"
                    onClick={() => onToggleRemoved(photo.id)}
                    className="absolute right-1 bottom-1 min-h-11 min-w-11 rounded-md bg-white/90 px-2 text-sm"
                  >
                    {gone ? "恢复" : "删除"}
                  </button>
                ) : null}
              </li>
            );
          })}
          {files.map((file, i) => (
            <li key={`${file.name}-${i}`} className="relative">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (blob: URL) */}
              <img src={previews[i]} alt={`待上传：${file.name}`} className="aspect-square w-full rounded-lg object-cover" />
              <button
                type="button"
                onClick={() => onFiles(files.filter((_, j) => j !== i))}
                className="absolute right-1 bottom-1 min-h-11 min-w-11 rounded-md bg-white/90 px-2 text-sm"
                aria-label={`移除待上传的照片 ${file.name}`}
              >
                移除
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {room > 0 ? (
        <div className="flex flex-wrap gap-2">
          <PickInput label="拍照" capture onFiles={add} />
          <PickInput label="从相册选择" onFiles={add} />
        </div>
      ) : null}
      {room < 0 ? (
        <p className="text-sm text-red-700" role="alert">
          每个时段最多 {MAX_PHOTOS_PER_SLOT} 张照片，请移除 {-room} 张。
        </p>
      ) : null}
    </fieldset>
  );
}

/** A button-like label over a hidden file input: the camera (capture) or the album. */
function PickInput({ label, capture = false, onFiles }: { label: string; capture?: boolean; onFiles: (files: FileList | null) => void }) {
  return (
    <label className={PICK}>
      {label}
      <input
        type="file"
        accept="image/*"
        capture={capture ? "environment" : undefined}
        multiple
        className="sr-only"
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = "";
        }}
      />
    </label>
  );
}
