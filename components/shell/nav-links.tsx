"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { activeNavHref, isNavGroup, type NavEntry, type NavGroup } from "@/components/shell/nav-items";

const ENTRY = "flex min-h-11 items-center rounded-lg px-2 text-base whitespace-nowrap sm:px-3";
const IDLE = "text-stone-700 hover:bg-stone-100";
const ACTIVE = "bg-brand-50 font-semibold text-brand-800";

export function NavLinks({ items }: { items: NavEntry[] }) {
  const pathname = usePathname();
  // /admin/bulletins belongs to 要情快讯, not to /admin's 今日概况.
  const activeHref = activeNavHref(items, pathname);
  return (
    // Below sm the bar scrolls sideways and a menu opens full width under the header
    // (its box is the header's, outside the scrolling list); from sm it opens under its button.
    <ul className="flex gap-1 overflow-x-auto sm:overflow-visible">
      {items.map((entry) =>
        isNavGroup(entry) ? (
          <NavMenu key={entry.label} group={entry} activeHref={activeHref} pathname={pathname} />
        ) : (
          <li key={entry.href}>
            <Link href={entry.href} aria-current={entry.href === activeHref ? "page" : undefined} className={cn(ENTRY, entry.href === activeHref ? ACTIVE : IDLE)}>
              {entry.label}
            </Link>
          </li>
        ),
      )}
    </ul>
  );
}

function NavMenu({ group, activeHref, pathname }: { group: NavGroup; activeHref: string | null; pathname: string }) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const menuId = useId();
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const current = group.items.some((item) => item.href === activeHref);

  // A navigation closes the menu.
  if (open && openedAt !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <li
      ref={root}
      className="sm:relative"
      onBlur={(event) => {
        // Tabbing out of the menu closes it.
        if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(!open);
        }}
        className={cn(ENTRY, "gap-1", current ? ACTIVE : IDLE)}
      >
        {group.label}
        <span aria-hidden className={cn("text-xs transition-transform", open && "rotate-180")}>
          ▾
        </span>
      </button>
      <ul
        id={menuId}
        hidden={!open}
        className="absolute inset-x-2 top-full z-30 mt-1 rounded-xl border border-stone-200 bg-white p-1 shadow-lg sm:inset-x-auto sm:left-0 sm:min-w-36"
      >
        {group.items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.href === activeHref ? "page" : undefined}
              className={cn(ENTRY, "w-full", item.href === activeHref ? ACTIVE : IDLE)}
              onClick={() => setOpen(false)}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}
