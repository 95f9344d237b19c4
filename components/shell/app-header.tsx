import Link from "next/link";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import { LogoutButton } from "@/components/shell/logout-button";
import { NavLinks } from "@/components/shell/nav-links";
import { navItemsFor, phoneNavFor } from "@/components/shell/nav-items";
import { homePathFor, ROLE_LABELS, type SessionUser } from "@/lib/auth/roles";

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="no-print sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="relative mx-auto flex max-w-6xl items-center gap-1.5 px-2 py-1.5 sm:gap-3 sm:px-5">
        <Link href={homePathFor(user.role)} className="flex min-h-11 min-w-11 items-center gap-2">
          <span className="flex size-8 items-center justify-center rounded-lg bg-brand-700 font-bold text-white" aria-hidden>
            晒
          </span>
          {/* Named by its text, not an aria-label that would not match what is seen. */}
          <span className="sr-only font-semibold lg:not-sr-only">晒台</span>
          <span className="sr-only">首页</span>
        </Link>
        <nav aria-label="主导航" className="min-w-0 flex-1">
          <NavLinks items={navItemsFor(user.role)} phone={phoneNavFor(user.role)} account={user.unitName ? `${user.name}(${user.unitName})` : user.name} />
        </nav>
        <NotificationsLink user={user} />
        <Link
          href="/account"
          className="hidden min-h-11 flex-col items-end justify-center rounded-lg px-2 text-right text-sm leading-tight hover:bg-stone-100 lg:flex"
        >
          <span className="font-medium text-stone-900">{user.name}</span>
          <span className="text-stone-600">{user.unitName ?? ROLE_LABELS[user.role]}</span>
        </Link>
        {/* On a phone the account and 退出 are under 更多. */}
        <div className="hidden lg:block">
          <LogoutButton />
        </div>
      </div>
    </header>
  );
}
