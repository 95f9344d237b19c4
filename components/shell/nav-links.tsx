"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "@/components/shell/nav-items";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The longest match wins, so that /unit/log marks 工作日志 and not also 今日.
  const current = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <ul className="flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const active = item.href === current;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex min-h-11 items-center rounded-lg px-2 text-base whitespace-nowrap sm:px-3",
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
