/**
 * Who may see a photo: the `where` on Photo that keeps only those the user may
 * see. Report photos are shown on the district-wide 晾晒墙 to every signed-in
 * user (domain.md: the feed shows everyone's reports); photos of spot checks
 * and order answers only to users whose scope includes the unit.
 */
import { unitScopeWhere, type SessionUser } from "@/lib/auth/roles";

export function photoScopeWhere(user: SessionUser) {
  const unit = unitScopeWhere(user);
  return {
    OR: [{ slotId: { not: null } }, { spotCheck: { slot: { card: { unit } } } }, { orderResponse: { order: { unit } } }],
  };
}
