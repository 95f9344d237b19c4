import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { quarterName } from "@/lib/assessment/quarters";

export type QuarterTab = { key: string; status: "OPEN" | "CLOSED" };

/** Links to the same page for each quarter (`?quarter=2026Q3`), the current one marked. */
export function QuarterTabs({
  quarters,
  current,
  href,
  label = "选择季度",
}: {
  quarters: QuarterTab[];
  current: string;
  href: (key: string) => string;
  label?: string;
}) {
  return (
    <nav aria-label={label} className="no-print flex flex-wrap gap-2">
      {quarters.map((q) => (
        <Link
          key={q.key}
          href={href(q.key)}
          aria-current={q.key === current ? "page" : undefined}
          className={cn(
            "flex min-h-11 items-center gap-1 rounded-lg border px-3",
            q.key === current ? "border-brand-700 bg-brand-50 text-brand-800" : "border-stone-300 bg-white text-stone-700 hover:bg-stone-100",
          )}
        >
          {quarterName(q.key)}
          <span className="text-sm text-stone-600">{q.status === "OPEN" ? "（进行中）" : "（已关闭）"}</span>
        </Link>
      ))}
    </nav>
  );
}
