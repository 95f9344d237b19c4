"use client";

import { useEffect, useRef, useState } from "react";
import { useFormHold } from "@/components/ui/action-form";
import { FieldError } from "@/components/ui/field";
import { ACTION_PHOTOS_BUDGET_BYTES, MAX_PHOTOS_PER_SLOT } from "@/lib/photos/limits";

/**
 * A photo picker for a server-action form (spot check, order steps): the picked photos are
 * downscaled in the browser (the daily card's helper, components/reports/downscale.ts, loaded on
 * the first pick) and put back into the input, so the form sends the small copies and its body
 * stays under the server actions' limit (lib/photos/limits.ts). While they are being compressed
 * the input still holds the originals: the enclosing ActionForm is held (its submit button
 * disabled, a submission ignored) and 「正在压缩照片…」 is announced. When the photos still add up
 * to more than the limit, the input is invalid and the form cannot be sent.
 */
export function PhotoInput({ id, name = "photos", label, errors }: { id: string; name?: string; label: string; errors?: string[] }) {
  const [note, setNote] = useState<string | null>(null);
  const [compressing, setCompressing] = useState(false);
  const hold = useFormHold();
  /** the latest pick: an earlier pick still compressing does not overwrite it */
  const latest = useRef(0);
  const release = useRef<(() => void) | null>(null);
  useEffect(() => () => release.current?.(), []);

  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept="image/*"
        multiple
        aria-describedby={`${id}-note ${id}-error`}
        aria-busy={compressing || undefined}
        className="block w-full text-base"
        onChange={async (event) => {
          const input = event.currentTarget;
          const picked = [...(input.files ?? [])];
          const pick = ++latest.current;
          input.setCustomValidity("");
          if (picked.length === 0) {
            release.current?.();
            release.current = null;
            setCompressing(false);
            return setNote(null);
          }
          // Hold the form before the first await: until the small copies are in the input, the originals must not be sent.
          release.current ??= hold();
          setCompressing(true);
          setNote("正在压缩照片…");
          try {
            const { downscaleForUpload } = await import("@/components/reports/downscale");
            const files = await Promise.all(
              picked.map(async (file) => {
                const blob = await downscaleForUpload(file);
                return blob === file
                  ? file
                  : new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: blob.type, lastModified: file.lastModified });
              }),
            );
            if (pick !== latest.current) return;
            const transfer = new DataTransfer();
            for (const file of files) transfer.items.add(file);
            input.files = transfer.files;
            const total = files.reduce((sum, file) => sum + file.size, 0);
            const problem =
              files.length > MAX_PHOTOS_PER_SLOT
                ? `最多上传 ${MAX_PHOTOS_PER_SLOT} 张照片。`
                : total > ACTION_PHOTOS_BUDGET_BYTES
                  ? `照片合计 ${(total / 1024 / 1024).toFixed(1)} MB，超过 ${Math.floor(ACTION_PHOTOS_BUDGET_BYTES / 1024 / 1024)} MB，请少选几张。`
                  : "";
            input.setCustomValidity(problem);
            setNote(problem || `已选 ${files.length} 张，共 ${(total / 1024 / 1024).toFixed(1)} MB。`);
          } catch {
            if (pick !== latest.current) return;
            // Not compressed (the helper could not load): the originals are sent as picked, the server checks them.
            setNote(`已选 ${picked.length} 张。`);
          } finally {
            if (pick === latest.current) {
              release.current?.();
              release.current = null;
              setCompressing(false);
            }
          }
        }}
      />
      <p id={`${id}-note`} className="mt-1 text-sm text-stone-600" aria-live="polite">
        {note}
      </p>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
