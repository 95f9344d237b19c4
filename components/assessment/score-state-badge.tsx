import { Badge, type Tone } from "@/components/ui/badge";
import { SCORE_STATE_LABELS, type ScoreState } from "@/lib/assessment/queries";

const TONES: Record<ScoreState, Tone> = { NONE: "warn", DRAFT: "info", SUBMITTED: "good", WITHDRAWN: "warn" };

export function ScoreStateBadge({ state }: { state: ScoreState }) {
  return <Badge tone={TONES[state]}>{SCORE_STATE_LABELS[state]}</Badge>;
}
