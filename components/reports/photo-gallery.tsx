"use client";

import { useRef, useState } from "react";

export type GalleryPhoto = { id: string; url: string; thumbUrl: string; width: number; height: number };

/**
 * Thumbnails that open a lightbox: a native modal <dialog> (focus is held
 * inside, Esc closes, focus returns to the thumbnail), with previous/next
 * buttons and the arrow keys.
 */
export function PhotoGallery({ photos, label }: { photos: GalleryPhoto[]; label: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [index, setIndex] = useState(0);
  if (photos.length === 0) return null;
  const current = photos[index];
  const show = (i: number) => setIndex((i + photos.length) % photos.length);

  return (
    <>
      <ul className="mt-3 grid grid-cols-3 gap-1.5 sm:grid-cols-5" aria-label={`${label}的照片`}>
        {photos.map((photo, i) => (
          <li key={photo.id}>
            <button
              type="button"
              className="block aspect-square w-full overflow-hidden rounded-lg bg-stone-200"
              onClick={() => {
                setIndex(i);
                dialog.current?.showModal();
              }}
              aria-label={`查看大图:${label}第 ${i + 1} 张照片,共 ${photos.length} 张`}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked photo route, already resized */}
              <img src={photo.thumbUrl} alt="" loading="lazy" className="size-full object-cover" />
            </button>
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        aria-label={`${label}的照片`}
        className="m-auto max-h-[100dvh] max-w-[100vw] bg-transparent p-0 backdrop:bg-black/85"
        onKeyDown={(event) => {
          if (event.key === "ArrowRight") show(index + 1);
          if (event.key === "ArrowLeft") show(index - 1);
        }}
        onClick={(event) => {
          if (event.target === dialog.current) dialog.current?.close();
        }}
      >
        <figure className="flex flex-col items-center gap-2 p-2">
          {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
          <img
            src={current.url}
            alt={`${label}第 ${index + 1} 张照片`}
            width={current.width}
            height={current.height}
            className="max-h-[80dvh] w-auto max-w-full rounded object-contain"
          />
          <figcaption className="text-sm text-white" aria-live="polite">
            第 {index + 1} / {photos.length} 张
          </figcaption>
          <div className="flex gap-2">
            {photos.length > 1 ? (
              <>
                <button type="button" className="min-h-11 rounded-lg bg-white/90 px-4 text-stone-900" onClick={() => show(index - 1)}>
                  上一张
                </button>
                <button type="button" className="min-h-11 rounded-lg bg-white/90 px-4 text-stone-900" onClick={() => show(index + 1)}>
                  下一张
                </button>
              </>
            ) : null}
            <button type="button" className="min-h-11 rounded-lg bg-white px-4 font-medium text-stone-900" onClick={() => dialog.current?.close()} autoFocus>
              关闭
            </button>
          </div>
        </figure>
      </dialog>
    </>
  );
}
