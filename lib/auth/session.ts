/**
 * The one server-side door: resolves the signed-in user, role and unit scope.
 * Every page, server action and route handler goes through it.
 */
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { authOptions, liveSessionUser } from "@/lib/auth/options";
import { homePathFor, type SessionUser } from "@/lib/auth/roles";

export type { SessionUser };

/** The signed-in user, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.sid) return null;
  return liveSessionUser(session.sid);
});

/**
 * For pages: the signed-in user with one of `roles`. No session → /login;
 * a role outside `roles` → the user's own home, never the page; an account
 * with a one-time password from the office → /account to change it.
 */
export async function requireUser(roles?: readonly Role[], options: { passwordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  // A one-time password from the office is changed first (only /account passes `passwordChange`).
  if (user.mustChangePassword && !options.passwordChange) redirect("/account?must=1");
  if (roles && !roles.includes(user.role)) redirect(`${homePathFor(user.role)}?denied=1`);
  return user;
}
