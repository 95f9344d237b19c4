import { OfflineCard } from "@/components/pwa/offline-card";
import { SlotContent, SlotHeading } from "@/components/reports/card-view";
import { SlotDisclosure } from "@/components/reports/slot-disclosure";
import { SlotPanel } from "@/components/reports/slot-panel";
import type { FormItem } from "@/components/reports/slot-form";
import type { SlotKind } from "@/lib/generated/prisma/enums";
import { photoUrl } from "@/lib/reports/card-json";
import { editModeFor, needsReason, noteOf } from "@/lib/reports/card-rules";
import type { CardEditorData } from "@/lib/reports/editor";
import type { CardView } from "@/lib/reports/queries";
import { lockReasons } from "@/lib/reports/versions";
import { SLOT_LABELS, SLOTS, slotDeadline, type SlotDeadlines } from "@/lib/reports/slots";
import { formatDistrictTime, type DistrictDate } from "@/lib/time";

/**
 * The unit's card of today, to fill in on a phone: each slot a disclosure,
 * the current one open (a closed slot's form is mounted when it is opened); a shown slot can be changed — every save is kept as a
 * version; after its deadline, or once something rests on it, with a reason.
 */
export function DailyCard({
  card,
  editor,
  date,
  deadlines,
  now,
  current,
  owner,
}: {
  /** the signed-in account's id: drafts on the phone are kept per account */
  owner: string;
  card: CardView | null;
  editor: CardEditorData;
  date: DistrictDate;
  deadlines: SlotDeadlines;
  now: Date;
  current: SlotKind;
}) {
  const items: FormItem[] = (card?.items ?? []).map((i) => ({
    id: i.id,
    text: i.text,
    addedIn: i.addedIn,
    taskId: i.task?.id ?? null,
    milestoneId: i.milestoneId,
    carriedFromId: i.carriedFromId,
    workLogItemId: i.workLogItemId,
    progress: i.progressNote,
    outcome: i.outcome,
    reason: i.reason,
    progressValue: i.progressValue,
    task: i.task ? { title: i.task.title, measure: i.task.measure, requiresPhoto: i.task.requiresPhoto, requiresLocation: i.task.requiresLocation } : null,
  }));

  // Any save changes the card's items: every slot's form starts again from what is saved.
  const version = `${card?.items.length ?? 0}:${card?.slots.map((s) => s.updatedAt.getTime()).join("-") ?? ""}`;

  return (
    <>
      <OfflineCard />
      <ol className="space-y-3">
        {SLOTS.map((slot) => {
          const shown = card?.slots.find((s) => s.slot === slot);
          const locked = shown ? lockReasons(slot, shown._count, card?.instructions.map((i) => i.slot) ?? []).length > 0 : false;
          const edit = editModeFor({ exists: Boolean(shown), locked, date, slot, deadlines, now });
          const mode = "mode" in edit ? edit.mode : "REVISION";
          const others = card?.slots.filter((s) => s.slot !== slot) ?? [];
          const deadline = slotDeadline(date, slot, deadlines);
          return (
            <li
              key={slot}
              id={shown ? `slot-${shown.id}` : undefined}
              aria-label={SLOT_LABELS[slot]}
              className="scroll-mt-20 rounded-xl border border-stone-200 bg-white"
            >
              <SlotDisclosure
                defaultOpen={slot === current}
                summary={
                  <summary className="cursor-pointer list-none p-4 [&::-webkit-details-marker]:hidden">
                    <h3>
                      <SlotHeading slot={slot} shown={shown} date={date} deadlines={deadlines} now={now} />
                    </h3>
                    <span className="mt-1 block text-sm text-brand-700 group-open:hidden">{shown ? "展开查看" : `填报${SLOT_LABELS[slot]}`}</span>
                  </summary>
                }
              >
                <div className="px-4 pb-4">
                  <SlotPanel
                    key={version}
                    view={shown ? <SlotContent slot={slot} shown={shown} items={card?.items ?? []} /> : null}
                    editLabel={needsReason(mode) ? `更正${SLOT_LABELS[slot]}` : `修改${SLOT_LABELS[slot]}`}
                    form={{
                      owner,
                      date,
                      slot,
                      mode,
                      serverNow: now.getTime(),
                      deadline: deadline.getTime(),
                      deadlineLabel: formatDistrictTime(deadline),
                      dayEvidence: {
                        photos: others.reduce((sum, s) => sum + s.photos.length, 0),
                        located: others.some((s) => Boolean(s.place) || s.lat !== null),
                      },
                      items,
                      tasks: editor.tasks,
                      carry: editor.carry,
                      log: editor.log,
                      existing: shown
                        ? {
                            note: noteOf(shown.text),
                            place: shown.place,
                            lat: shown.lat,
                            lng: shown.lng,
                            photos: shown.photos.map((p) => ({ id: p.id, thumbUrl: photoUrl(p.id, "thumb") })),
                          }
                        : null,
                    }}
                  />
                </div>
              </SlotDisclosure>
            </li>
          );
        })}
      </ol>
    </>
  );
}
