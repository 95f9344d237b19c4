import { cn } from "@/components/ui/cn";

/** A progress bar with an accessible value. `ratio` is 0..1 (clamped). */
export function Progress({ ratio, label, tone = "brand" }: { ratio: number; label: string; tone?: "brand" | "bad" | "good" | "info" }) {
  const pct = Math.round(Math.max(0, Math.min(1, ratio)) * 100);
  const color = { bad: "bg-red-600", good: "bg-emerald-600", info: "bg-sky-600", brand: "bg-brand-700" }[tone];
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 w-full rounded-full bg-stone-200">
      <div className={cn("h-2 rounded-full", color)} style={{ width: `${pct}%` }} />
    </div>
  );
}
