import { Badge, type Tone } from "@/components/ui/badge";
import { ORDER_COLOUR_LABELS, type OrderColour } from "@/lib/supervision/order-status";

const TONES: Record<OrderColour, Tone> = { RED: "bad", YELLOW: "warn", BLUE: "info", ON_TRACK: "neutral", WAITING: "neutral", CLOSED: "good" };
const COLOUR_NAMES: Partial<Record<OrderColour, string>> = { RED: "红", YELLOW: "黄", BLUE: "蓝" };

/** 三色督办: red overdue, yellow behind, blue deadline near — the colour named in words too. */
export function OrderColourBadge({ colour }: { colour: OrderColour }) {
  const name = COLOUR_NAMES[colour];
  return (
    <Badge tone={TONES[colour]} data-colour={colour}>
      {name ? `${name} · ` : ""}
      {ORDER_COLOUR_LABELS[colour]}
    </Badge>
  );
}
