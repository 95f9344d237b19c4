import { Badge, type Tone } from "@/components/ui/badge";
import { SLOT_STATE_LABELS, type SlotState } from "@/lib/reports/slots";

const TONES: Record<SlotState, Tone> = { SUBMITTED: "good", LATE: "warn", MISSING: "bad", PENDING: "neutral" };

export function SlotStateBadge({ state, label }: { state: SlotState; label?: string }) {
  return (
    // The slot's name for screen readers as text, not an aria-label (prohibited on a plain span).
    <Badge tone={TONES[state]}>
      {label ? <span className="sr-only">{label}:</span> : null}
      {SLOT_STATE_LABELS[state]}
    </Badge>
  );
}
