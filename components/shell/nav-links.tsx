"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { activeNavHref, type NavItem } from "@/components/shell/nav-items";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // /admin/bulletins belongs to 要情快讯, not to /admin's 今日概况.
  const activeHref = activeNavHref(items, pathname);
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
