import { Badge, type Tone } from "@/components/ui/badge";
import type { SpotCheckResult } from "@/lib/generated/prisma/enums";
import { SPOT_CHECK_RESULT_LABELS } from "@/lib/supervision/labels";

const TONES: Record<SpotCheckResult, Tone> = { TRUE: "good", PARTLY_TRUE: "warn", FALSE: "bad" };

/**
 * A spot check's result on a report, wherever the report is shown (card view,
 * spot checks, the feed). Without a result yet: "抽查中".
 */
export function SpotCheckBadge({ result }: { result: SpotCheckResult | null }) {
  if (!result) return <Badge tone="info">抽查中</Badge>;
  return (
    <Badge tone={TONES[result]} aria-label={`抽查结果：${SPOT_CHECK_RESULT_LABELS[result]}`}>
      抽查{SPOT_CHECK_RESULT_LABELS[result]}
    </Badge>
  );
}
