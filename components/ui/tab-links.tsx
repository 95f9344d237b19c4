/**
 * A row of links that switch a page's view (a filter, a sort, a year): the one look of "tabs" in the
 * app. The current one carries aria-current="page", so it is announced and styled as chosen.
 */
import Link from "next/link";
import { cn } from "@/components/ui/cn";

export type TabLink = { href: string; label: React.ReactNode; current: boolean };

export function TabLinks({ label, tabs, className }: { label: string; tabs: TabLink[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("flex flex-wrap gap-2", className)}>
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={cn(
            "flex min-h-11 items-center rounded-lg border px-3",
            tab.current ? "border-brand-700 bg-brand-50 text-brand-800" : "border-stone-300 bg-white text-stone-700 hover:bg-stone-100",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
