/**
 * Report writes bound to the app's database and photo storage, for route
 * handlers; the rules and the transaction are in lib/reports/submit.ts
 * (a plain function over a client, so integration tests call it directly).
 */
import "server-only";
import { db } from "@/lib/db";
import { submitSlot, type SubmitRequest } from "@/lib/reports/submit";
import { photoStorage } from "@/lib/storage";

/** Files a slot of the caller's own unit's card (the unit comes from `request.user`). */
export async function submitOwnSlot(request: SubmitRequest) {
  return submitSlot(db, await photoStorage(), request);
}
