"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { LogoutButton } from "@/components/shell/logout-button";
import { activeNavHref, isNavGroup, type MoreSection, type NavEntry, type NavItem } from "@/components/shell/nav-items";

const ENTRY = "flex min-h-11 items-center rounded-lg px-2 text-base whitespace-nowrap lg:px-3";
const IDLE = "text-stone-700 hover:bg-stone-100";
const ACTIVE = "bg-brand-50 font-semibold text-brand-800";

/**
 * The main navigation. From `lg` the whole bar, its groups as menus; below, the phone's bar (a role's
 * daily pages and 更多, never scrolling sideways), 更多 opening full width under the header with every
 * other page, the account and 退出. Both are in the page; CSS shows one (the other is display:none,
 * out of the accessibility tree too).
 */
export function NavLinks({ items, phone, account }: { items: NavEntry[]; phone: { bar: NavItem[]; more: MoreSection[] }; account: string }) {
  const pathname = usePathname();
  // /admin/bulletins belongs to 要情快讯, not to /admin's 今日概况.
  const activeHref = activeNavHref(items, pathname);
  const moreCurrent = phone.more.some((s) => s.items.some((i) => i.href === activeHref)) || pathname === "/account";
  return (
    <>
      <ul className="hidden gap-1 lg:flex">
        {items.map((entry) =>
          isNavGroup(entry) ? (
            <NavMenu key={entry.label} label={entry.label} current={entry.items.some((i) => i.href === activeHref)} pathname={pathname} className="lg:relative">
              {(close) => <MenuLinks items={entry.items} activeHref={activeHref} close={close} />}
            </NavMenu>
          ) : (
            <li key={entry.href}>
              <NavLink item={entry} activeHref={activeHref} />
            </li>
          ),
        )}
      </ul>
      <ul className="flex gap-1 lg:hidden">
        {phone.bar.map((item) => (
          <li key={item.href}>
            <NavLink item={item} activeHref={activeHref} />
          </li>
        ))}
        <NavMenu label="更多" current={moreCurrent} pathname={pathname} panelClassName="max-h-[calc(100dvh-4rem)] overflow-y-auto p-2">
          {(close) => (
            <>
              {phone.more.map((section) => (
                <li key={section.label ?? ""} className="mb-1">
                  {section.label ? <p className="px-2 pt-1 text-sm text-stone-600">{section.label}</p> : null}
                  <MenuLinks items={section.items} activeHref={activeHref} close={close} grid />
                </li>
              ))}
              <li className="flex items-center justify-between gap-2 border-t border-stone-200 pt-1">
                <Link
                  href="/account"
                  aria-current={pathname === "/account" ? "page" : undefined}
                  className={cn(ENTRY, "min-w-0 flex-1", pathname === "/account" ? ACTIVE : IDLE)}
                  onClick={close}
                >
                  <span className="truncate">账号：{account}</span>
                </Link>
                <LogoutButton />
              </li>
            </>
          )}
        </NavMenu>
      </ul>
    </>
  );
}

function NavLink({ item, activeHref, className, onClick }: { item: NavItem; activeHref: string | null; className?: string; onClick?: () => void }) {
  const current = item.href === activeHref;
  return (
    <Link href={item.href} aria-current={current ? "page" : undefined} className={cn(ENTRY, className, current ? ACTIVE : IDLE)} onClick={onClick}>
      {item.label}
    </Link>
  );
}

function MenuLinks({ items, activeHref, close, grid = false }: { items: NavItem[]; activeHref: string | null; close: () => void; grid?: boolean }) {
  return (
    <ul className={cn(grid && "grid grid-cols-2 gap-x-1 sm:grid-cols-3")}>
      {items.map((item) => (
        <li key={item.href}>
          <NavLink item={item} activeHref={activeHref} className="w-full" onClick={close} />
        </li>
      ))}
    </ul>
  );
}

/** A button that opens a list of links; Esc, a click outside, tabbing out or a navigation closes it. */
function NavMenu({
  label,
  current,
  pathname,
  className,
  panelClassName,
  children,
}: {
  label: string;
  current: boolean;
  pathname: string;
  className?: string;
  panelClassName?: string;
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const menuId = useId();
  const root = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);

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
      className={className}
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
        {label}
        <span aria-hidden className={cn("text-xs transition-transform", open && "rotate-180")}>
          ▾
        </span>
      </button>
      {/* Below lg the panel takes the header's width (the header is its containing block); from lg it opens under its button. */}
      <ul
        id={menuId}
        hidden={!open}
        className={cn(
          "absolute inset-x-2 top-full z-30 mt-1 rounded-xl border border-stone-200 bg-white p-1 shadow-lg lg:inset-x-auto lg:left-0 lg:min-w-36",
          panelClassName,
        )}
      >
        {children(() => setOpen(false))}
      </ul>
    </li>
  );
}
