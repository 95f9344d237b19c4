import Link from "next/link";
import { PhotoGallery } from "@/components/reports/photo-gallery";
import { SlotStateBadge } from "@/components/reports/slot-state-badge";
import { SlotChangeBadges, VersionHistory } from "@/components/reports/version-history";
import { SpotCheckBadge } from "@/components/supervision/spot-check-badge";
import { Badge } from "@/components/ui/badge";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { formatAmount, itemsOfSlot, noteOf } from "@/lib/reports/card-rules";
import type { CardItemView, CardSlotView, CardView } from "@/lib/reports/queries";
import { historyOf } from "@/lib/reports/version-history";
import { SLOT_LABELS, SLOT_PROMPTS, SLOTS, slotDeadline, slotState, type SlotDeadlines } from "@/lib/reports/slots";
import { formatDistrictTime, type DistrictDate } from "@/lib/time";

/** What a submitted slot showed: its items, note, photos and place, who and when, and its corrections. */
export function SlotContent({ slot, shown, items }: { slot: SlotKind; shown: CardSlotView; items: readonly CardItemView[] }) {
  const listed = itemsOfSlot(slot, items);
  const note = noteOf(shown.text);
  return (
    <div className="mt-2 space-y-2">
      {listed.length > 0 ? (
        <ul className="space-y-1.5">
          {listed.map((item) => (
            <li key={item.id} className="flex items-start gap-2 text-base">
              <span aria-hidden className={`mt-0.5 w-5 shrink-0 text-center font-semibold ${item.outcome === "OPEN" ? "text-amber-700" : "text-emerald-700"}`}>
                {slot === "EVENING" ? (item.outcome === "DONE" ? "✓" : "?") : "·"}
              </span>
              <span className="min-w-0 flex-1">
                {slot === "EVENING" ? <span className="sr-only">{item.outcome === "DONE" ? "已完成：" : "未完成："}</span> : null}
                {item.task && item.task.title === item.text ? (
                  // The item is the task: its title once, linked to the task's reports.
                  <Link href={`/feed?task=${item.task.id}`} className="link">
                    {item.text}
                  </Link>
                ) : (
                  item.text
                )}
                {slot === "MORNING" && item.carriedFromId ? (
                  <Badge tone="info" className="ml-2">
                    昨日结转
                  </Badge>
                ) : null}
                {slot === "EVENING" && item.progressValue ? (
                  <span className="text-stone-600">
                    {" "}
                    · 完成 {formatAmount(item.progressValue)}
                    {item.task?.measure}
                  </span>
                ) : null}
                {slot === "NOON" && item.progressNote ? <span className="block text-sm text-stone-600">进展：{item.progressNote}</span> : null}
                {slot === "EVENING" && item.outcome === "OPEN" && item.reason ? (
                  <span className="block text-sm text-amber-800">原因：{item.reason}</span>
                ) : null}
                {item.task && item.task.title !== item.text ? (
                  <span className="block text-sm text-stone-600">
                    关联任务{" "}
                    <Link href={`/feed?task=${item.task.id}`} className="link">
                      {item.task.title}
                    </Link>
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {note ? (
        <p className="whitespace-pre-line text-stone-800">{note}</p>
      ) : listed.length === 0 ? (
        <p className="whitespace-pre-line text-stone-800">{shown.text.trim()}</p>
      ) : null}
      <PhotoGallery label={SLOT_LABELS[slot]} photos={shown.photos.map((p) => ({ id: p.id, width: p.width, height: p.height }))} />
      {shown.place || shown.lat !== null ? (
        <p className="text-sm text-stone-600">
          位置：{shown.place ?? ""}
          {shown.lat !== null && shown.lng !== null ? `${shown.place ? " · " : ""}${shown.lat.toFixed(5)}, ${shown.lng.toFixed(5)}` : ""}
        </p>
      ) : null}
      <VersionHistory versions={historyOf(slot, shown.versions)} label={SLOT_LABELS[slot]} livePhotoIds={new Set(shown.photos.map((p) => p.id))} />
    </div>
  );
}

/** The header line of a slot: name, prompt, state, deadline, who and when. */
export function SlotHeading({
  slot,
  shown,
  date,
  deadlines,
  now,
}: {
  slot: SlotKind;
  shown: CardSlotView | undefined;
  date: DistrictDate;
  deadlines: SlotDeadlines;
  now: Date;
}) {
  const state = slotState(shown?.submittedAt, date, slot, deadlines, now);
  return (
    <>
      <span className="flex items-center justify-between gap-2">
        <span className="text-base font-semibold">
          {SLOT_LABELS[slot]} <span className="font-normal text-stone-600">· {SLOT_PROMPTS[slot]}</span>
        </span>
        <span className="flex flex-wrap justify-end gap-1">
          {shown ? <SlotChangeBadges revisionCount={shown.revisionCount} correctionCount={shown.correctionCount} /> : null}
          {shown?.spotChecks.map((check) => (
            <SpotCheckBadge key={check.id} result={check.result} />
          ))}
          <SlotStateBadge state={state} />
        </span>
      </span>
      <span className="mt-1 block text-sm font-normal text-stone-600">
        截止 {formatDistrictTime(slotDeadline(date, slot, deadlines))}
        {shown ? ` · ${shown.author.name} ${formatDistrictTime(shown.submittedAt)} 提交` : null}
      </span>
    </>
  );
}

/** A day's card, read-only: three slots growing from morning to evening. */
export function CardSlots({
  card,
  date,
  deadlines,
  now,
  slotFooter,
}: {
  card: CardView | null;
  date: DistrictDate;
  deadlines: SlotDeadlines;
  now: Date;
  /** e.g. a leader's instruction form under a shown slot */
  slotFooter?: (slot: CardSlotView) => React.ReactNode;
}) {
  return (
    <ol className="space-y-3">
      {SLOTS.map((slot) => {
        const shown = card?.slots.find((s) => s.slot === slot);
        return (
          <li
            key={slot}
            id={shown ? `slot-${shown.id}` : undefined}
            className="scroll-mt-20 rounded-xl border border-stone-200 bg-white p-4"
            aria-label={SLOT_LABELS[slot]}
          >
            <h3>
              <SlotHeading slot={slot} shown={shown} date={date} deadlines={deadlines} now={now} />
            </h3>
            {shown ? <SlotContent slot={slot} shown={shown} items={card?.items ?? []} /> : null}
            {shown && slotFooter ? slotFooter(shown) : null}
          </li>
        );
      })}
    </ol>
  );
}
