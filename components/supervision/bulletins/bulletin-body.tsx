import { PhotoThumb } from "@/components/supervision/photo-thumb";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { bulletinHeading, groupByKeyTask, type BulletinView } from "@/lib/supervision/bulletins/queries";
import { formatDistrictDateLong, formatDistrictDateTime } from "@/lib/time";

/** A bulletin as readers see it (screen and print): heading, editor's note, items by key task. */
export function BulletinBody({ bulletin, photos = true }: { bulletin: BulletinView; photos?: boolean }) {
  return (
    <article className="space-y-5" aria-labelledby="bulletin-title">
      <header className="border-b-2 border-brand-700 pb-3 text-center">
        <p className="text-2xl font-bold tracking-widest text-brand-700">{bulletinHeading(bulletin)}</p>
        <p className="mt-1 text-sm text-stone-600">
          区委办 区政府办 督查室 · {formatDistrictDateLong(bulletin.date)}
          {bulletin.publishedAt ? ` · ${formatDistrictDateTime(bulletin.publishedAt)} 发布` : ""}
        </p>
      </header>
      <h1 id="bulletin-title" className="text-center text-xl font-semibold text-stone-900">
        {bulletin.title}
      </h1>
      {bulletin.summary ? (
        <section aria-label="编者按" className="rounded-lg bg-stone-50 p-3 text-stone-800">
          <span className="font-semibold">编者按：</span>
          {bulletin.summary}
        </section>
      ) : null}
      {groupByKeyTask(bulletin.items).map((group) => (
        <section key={group.heading} className="space-y-3">
          <h2 className="text-lg font-semibold text-stone-900">{group.heading}</h2>
          <ol className="space-y-3">
            {group.items.map((item) => (
              <li key={item.id} className="break-inside-avoid">
                <p className="whitespace-pre-line leading-relaxed text-stone-800">{item.excerpt}</p>
                <p className="mt-1 text-xs text-stone-500">
                  来源：{item.unit.name} {item.date} {SLOT_LABELS[item.slot]}
                </p>
                {photos && item.photoIds.length > 0 ? (
                  <div className="mt-2 flex flex-wrap gap-2">
                    {item.photoIds.map((id, i) => (
                      <PhotoThumb key={id} photoId={id} alt={`${item.unit.name}现场照片 ${i + 1}`} />
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </article>
  );
}
