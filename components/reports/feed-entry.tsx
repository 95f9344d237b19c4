import Link from "next/link";
import { InstructionForm } from "@/components/reports/instruction-forms";
import { PhotoGallery } from "@/components/reports/photo-gallery";
import { SlotChangeBadges, VersionHistory } from "@/components/reports/version-history";
import { Badge } from "@/components/ui/badge";
import type { FeedEntry } from "@/lib/reports/feed";
import { historyOf } from "@/lib/reports/version-history";
import { SLOT_LABELS } from "@/lib/reports/slots";
import { formatDistrictDateTime, formatDistrictTime } from "@/lib/time";

/** One shown slot on the feed: who, when, what, its photos and place, the tasks it is about, and the leaders' instructions. */
export function FeedEntryCard({ entry, canInstruct }: { entry: FeedEntry; canInstruct: boolean }) {
  const label = `${entry.card.unit.name} ${entry.card.date} ${SLOT_LABELS[entry.slot]}`;
  const tasks = [...new Map(entry.card.items.flatMap((i) => (i.task ? [[i.task.id, i.task] as const] : []))).values()];
  const instructions = entry.card.instructions.filter((i) => i.slot === entry.slot || i.slot === null);
  return (
    <article id={`slot-${entry.id}`} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" aria-label={label}>
      <header className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h2 className="text-base font-semibold">
          <Link href={`/feed?unit=${entry.card.unit.id}`} className="link">
            {entry.card.unit.name}
          </Link>
          <span className="ml-2 font-normal text-stone-600">{SLOT_LABELS[entry.slot]}</span>
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <span>
            {entry.card.date} {formatDistrictTime(entry.submittedAt)} · {entry.author.name}
          </span>
          {entry.late ? <Badge tone="warn">迟报</Badge> : null}
          <SlotChangeBadges revisionCount={entry.revisionCount} correctionCount={entry.correctionCount} />
        </p>
      </header>
      <p className="mt-2 whitespace-pre-line text-stone-800">{entry.text.trim()}</p>
      <PhotoGallery label={label} photos={entry.photos.map((p) => ({ id: p.id, width: p.width, height: p.height }))} />
      {entry.place || entry.lat !== null ? (
        <p className="mt-2 text-sm text-stone-600">位置：{entry.place ?? `${entry.lat?.toFixed(5)}, ${entry.lng?.toFixed(5)}`}</p>
      ) : null}
      <div className="mt-2">
        <VersionHistory versions={historyOf(entry.slot, entry.versions)} label={label} livePhotoIds={new Set(entry.photos.map((p) => p.id))} />
      </div>
      {tasks.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="关联任务">
          {tasks.map((t) => (
            <li key={t.id}>
              <Link
                href={`/feed?task=${t.id}`}
                className="inline-flex min-h-11 items-center rounded-full bg-stone-100 px-3 text-sm text-stone-800 hover:bg-stone-200 sm:min-h-9"
              >
                {t.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {instructions.length > 0 ? (
        <ul className="mt-3 space-y-2" aria-label="领导批示">
          {instructions.map((i) => (
            <li key={i.id} className="rounded-lg bg-amber-50 p-3 text-sm">
              <p className="text-stone-900">
                <span className="font-medium">
                  {i.leader.title ?? ""}
                  {i.leader.name}批示：
                </span>
                {i.text}
              </p>
              <p className="text-stone-600">
                {formatDistrictDateTime(i.createdAt)} · {i.answeredAt ? "已回复" : "待回复"}
              </p>
              {i.answers.map((a) => (
                <p key={a.id} className="mt-1 border-l-2 border-amber-300 pl-2 text-stone-800">
                  {a.author.name}回复：{a.text}
                  <span className="text-stone-500"> · {formatDistrictDateTime(a.createdAt)}</span>
                </p>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      {canInstruct ? <InstructionForm slotId={entry.id} label={label} /> : null}
    </article>
  );
}
