import Link from "next/link";
import type { SessionUser } from "@/lib/auth/roles";
import { countMyUnreadNotifications } from "@/lib/notifications/queries";

/** Every signed-in user's notices in the header: a count of the unread ones, linking to the list. */
export async function NotificationsLink({ user }: { user: SessionUser }) {
  const unread = await countMyUnreadNotifications(user);
  return (
    <Link
      href="/notifications"
      className="flex min-h-11 items-center gap-1 rounded-lg px-2 text-sm text-stone-700 hover:bg-stone-100"
      aria-label={unread > 0 ? `通知，${unread} 条未读` : "通知"}
    >
      通知
      {unread > 0 ? (
        <span aria-hidden className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold leading-5 text-white tabular-nums">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
