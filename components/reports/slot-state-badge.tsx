import { Badge, type Tone } from "@/components/ui/badge";
import { SLOT_STATE_LABELS, type SlotState } from "@/lib/reports/slots";

const TONES: Record<SlotState, Tone> = { SUBMITTED: "good", LATE: "warn", MISSING: "bad", PENDING: "neutral" };

export function SlotStateBadge({ state, label }: { state: SlotState; label?: string }) {
  return (
    <Badge tone={TONES[state]} aria-label={label ? `${label}:${SLOT_STATE_LABELS[state]}` : undefined}>
      {SLOT_STATE_LABELS[state]}
    </Badge>
  );
}
