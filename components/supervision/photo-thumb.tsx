import Image from "next/image";

/** A stored photo's thumbnail, opening the full photo; served by the scoped photo route. */
export function PhotoThumb({ photoId, alt, size = "md" }: { photoId: string; alt: string; size?: "md" | "lg" }) {
  const [w, h] = size === "lg" ? [480, 360] : [128, 96];
  return (
    <a
      href={`/api/photos/${photoId}?size=full`}
      target="_blank"
      rel="noreferrer"
      className="block shrink-0 overflow-hidden rounded-lg border border-stone-200 bg-stone-100"
    >
      <Image
        src={`/api/photos/${photoId}?size=thumb`}
        alt={alt}
        width={w}
        height={h}
        unoptimized
        className={size === "lg" ? "h-auto w-full max-w-[480px] object-cover" : "h-24 w-32 object-cover"}
      />
    </a>
  );
}
