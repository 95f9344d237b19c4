/**
 * Who may see a photo: the `where` on Photo that keeps only those the user may
 * see — photos of reports, spot checks and order answers of units in the
 * user's scope, and photos of reports quoted in a published bulletin (which
 * every signed-in user reads).
 */
import { unitScopeWhere, type SessionUser } from "@/lib/auth/roles";

export function photoScopeWhere(user: SessionUser) {
  const unit = unitScopeWhere(user);
  return {
    OR: [
      { slot: { card: { unit } } },
      { slot: { bulletinItems: { some: { bulletin: { status: "PUBLISHED" as const } } } } },
      { spotCheck: { slot: { card: { unit } } } },
      { orderResponse: { order: { unit } } },
    ],
  };
}
