/** Reads of stored photos, scoped to the caller in the query (lib/photos/scope.ts). */
import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { photoScopeWhere } from "@/lib/photos/scope";

/** A photo's storage keys — null when it is unknown or the user may not see it (alike, so ids cannot be probed). */
export async function findVisiblePhoto(user: SessionUser, photoId: string) {
  return db.photo.findFirst({
    where: { AND: [{ id: photoId }, photoScopeWhere(user)] },
    select: { storageKey: true, thumbKey: true, mime: true },
  });
}
