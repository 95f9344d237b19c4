import { Badge } from "@/components/ui/badge";
import { SlotStateBadge } from "@/components/reports/slot-state-badge";
import { SpotCheckBadge } from "@/components/supervision/spot-check-badge";
import type { CardView } from "@/lib/reports/queries";
import { SLOT_LABELS, SLOT_PROMPTS, SLOTS, slotDeadline, slotState, type SlotDeadlines } from "@/lib/reports/slots";
import { formatDistrictTime, type DistrictDate } from "@/lib/time";

/** A day's card: three slots growing from morning to evening, read-only. */
export function CardSlots({ card, date, deadlines, now }: { card: CardView | null; date: DistrictDate; deadlines: SlotDeadlines; now: Date }) {
  const items = card?.items ?? [];
  return (
    <ol className="space-y-3">
      {SLOTS.map((slot) => {
        const shown = card?.slots.find((s) => s.slot === slot);
        const state = slotState(shown?.submittedAt, date, slot, deadlines, now);
        return (
          <li key={slot} className="rounded-xl border border-stone-200 bg-white p-4" aria-label={SLOT_LABELS[slot]}>
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-base font-semibold">
                {SLOT_LABELS[slot]} <span className="font-normal text-stone-600">· {SLOT_PROMPTS[slot]}</span>
              </h3>
              <span className="flex flex-wrap justify-end gap-1">
                {shown?.spotChecks.map((check) => <SpotCheckBadge key={check.id} result={check.result} />)}
                <SlotStateBadge state={state} />
              </span>
            </div>
            <p className="mt-1 text-sm text-stone-600">
              截止 {formatDistrictTime(slotDeadline(date, slot, deadlines))}
              {shown ? ` · ${shown.author.name} ${formatDistrictTime(shown.submittedAt)} 提交` : null}
              {shown && shown.revisionCount > 0 ? ` · 已更正 ${shown.revisionCount} 次` : null}
            </p>
            {shown?.text ? <p className="mt-2 whitespace-pre-line text-stone-800">{shown.text}</p> : null}
            {slot === "MORNING" && items.length > 0 ? (
              <ul className="mt-3 space-y-2">
                {items.map((item) => (
                  <li key={item.id} className="flex items-start gap-2 text-sm">
                    <span aria-hidden className="mt-0.5 w-4 text-center font-semibold">
                      {item.outcome === "DONE" ? "✓" : item.outcome === "OPEN" ? "?" : "·"}
                    </span>
                    <span className="flex-1">
                      {item.text}
                      {item.carriedFromId ? (
                        <Badge tone="info" className="ml-2">
                          昨日结转
                        </Badge>
                      ) : null}
                      {item.progressNote ? <span className="block text-stone-600">进展:{item.progressNote}</span> : null}
                      {item.outcome === "OPEN" && item.reason ? <span className="block text-amber-800">未完成原因:{item.reason}</span> : null}
                      <span className="sr-only">{item.outcome === "DONE" ? "已完成" : item.outcome === "OPEN" ? "未完成" : "计划中"}</span>
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
