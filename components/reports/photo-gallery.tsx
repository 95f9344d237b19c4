"use client";

import { useRef, useState } from "react";
import { photoUrl, thumbSrcSet } from "@/lib/photos/urls";

export type GalleryPhoto = { id: string; width: number; height: number };

/** Three thumbnails a row on a phone (~110 px), five from 640 px (~130 px): the 320 px thumbnail at any common density. */
const THUMB_SIZES = "(min-width: 640px) 132px, 30vw";

/**
 * Thumbnails (loaded lazily) that open a lightbox: a native modal <dialog>
 * (focus is held inside, Esc closes, focus returns to the thumbnail), with
 * previous/next buttons and the arrow keys. The lightbox's image exists only
 * while it is open and is the display size (~1280 px); the stored original
 * loads only on 查看原图.
 */
export function PhotoGallery({ photos, label }: { photos: GalleryPhoto[]; label: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [index, setIndex] = useState(0);
  const [open, setOpen] = useState(false);
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
                setOpen(true);
                dialog.current?.showModal();
              }}
              aria-label={`查看大图：${label}第 ${i + 1} 张照片，共 ${photos.length} 张`}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- served by the access-checked photo route, already resized */}
              <img
                src={photoUrl(photo.id, "thumb")}
                srcSet={thumbSrcSet(photo.id)}
                sizes={THUMB_SIZES}
                alt=""
                loading="lazy"
                decoding="async"
                className="size-full object-cover"
              />
            </button>
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        aria-label={`${label}的照片`}
        className="m-auto max-h-[100dvh] max-w-[100vw] bg-transparent p-0 backdrop:bg-black/85"
        onClose={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === "ArrowRight") show(index + 1);
          if (event.key === "ArrowLeft") show(index - 1);
        }}
        onClick={(event) => {
          if (event.target === dialog.current) dialog.current?.close();
        }}
      >
        <figure className="flex flex-col items-center gap-2 p-2">
          {open ? (
            // eslint-disable-next-line @next/next/no-img-element -- see above
            <img
              key={current.id}
              src={photoUrl(current.id, "display")}
              alt={`${label}第 ${index + 1} 张照片`}
              width={current.width}
              height={current.height}
              className="max-h-[80dvh] w-auto max-w-full rounded object-contain"
            />
          ) : null}
          <figcaption className="text-sm text-white" aria-live="polite">
            第 {index + 1} / {photos.length} 张
          </figcaption>
          <div className="flex flex-wrap justify-center gap-2">
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
            <a
              href={photoUrl(current.id, "full")}
              target="_blank"
              rel="noreferrer"
              className="inline-flex min-h-11 items-center rounded-lg bg-white/90 px-4 text-stone-900 underline underline-offset-2"
            >
              查看原图
            </a>
            <button type="button" className="min-h-11 rounded-lg bg-white px-4 font-medium text-stone-900" onClick={() => dialog.current?.close()} autoFocus>
              关闭
            </button>
          </div>
        </figure>
      </dialog>
    </>
  );
}
