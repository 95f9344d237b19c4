import Link from "next/link";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import { LogoutButton } from "@/components/shell/logout-button";
import { NavLinks } from "@/components/shell/nav-links";
import { navItemsFor } from "@/components/shell/nav-items";
import { homePathFor, ROLE_LABELS, type SessionUser } from "@/lib/auth/roles";

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="no-print sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="relative mx-auto flex max-w-6xl items-center gap-1.5 px-2 py-1.5 sm:gap-3 sm:px-5">
        <Link href={homePathFor(user.role)} className="flex items-center gap-2 py-1" aria-label="晒台首页">
          <span className="flex size-8 items-center justify-center rounded-lg bg-brand-700 font-bold text-white" aria-hidden>
            晒
          </span>
          <span className="hidden font-semibold sm:inline">晒台</span>
        </Link>
        <nav aria-label="主导航" className="min-w-0 flex-1">
          <NavLinks items={navItemsFor(user.role)} />
        </nav>
        <NotificationsLink user={user} />
        <Link href="/account" className="hidden min-h-11 items-center rounded-lg px-2 text-right text-sm leading-tight hover:bg-stone-100 sm:flex sm:flex-col sm:items-end sm:justify-center">
          <span className="font-medium text-stone-900">{user.name}</span>
          <span className="text-stone-600">{user.unitName ?? ROLE_LABELS[user.role]}</span>
        </Link>
        <Link href="/account" className="flex min-h-11 items-center rounded-lg px-2 text-sm text-stone-700 hover:bg-stone-100 sm:hidden">
          账号
        </Link>
        <LogoutButton />
      </div>
    </header>
  );
}
