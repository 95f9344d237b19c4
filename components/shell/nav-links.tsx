"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "@/components/shell/nav-items";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The most specific match wins: /admin/scoring is 考核, not also 今日概况 (/admin).
  const matches = items.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
  const activeHref = matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className="flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const active = item.href === activeHref;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex min-h-11 items-center rounded-lg px-3 text-base whitespace-nowrap",
                active ? "bg-brand-50 font-semibold text-brand-800" : "text-stone-700 hover:bg-stone-100",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
