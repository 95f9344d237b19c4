import { cn } from "@/components/ui/cn";
import { FLAG_NAMES } from "@/lib/assessment/flag-names";
import type { FlagColor } from "@/lib/generated/prisma/enums";

/** A red or yellow flag with its name (never colour alone), and the streak when it repeats. */
export function FlagBadge({ color, streak, className }: { color: FlagColor; streak?: number; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset",
        color === "RED" ? "bg-red-50 text-red-800 ring-red-300" : "bg-amber-100 text-amber-950 ring-amber-400",
        className,
      )}
    >
      <svg aria-hidden viewBox="0 0 16 16" className="size-3.5">
        <path d="M3 1.5v13" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        <path d="M4 2h9l-2.2 3.2L13 8.5H4z" fill={color === "RED" ? "#c0262d" : "#eab308"} stroke="currentColor" strokeWidth="0.6" />
      </svg>
      {FLAG_NAMES[color]}
      {streak && streak > 1 ? <span className="font-normal">· 连续 {streak} 季度</span> : null}
    </span>
  );
}
