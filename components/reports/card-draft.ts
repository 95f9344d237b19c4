/**
 * The card being written, kept in the phone's IndexedDB until the server has
 * it (issue 14: a lost signal must not lose the report). One draft per
 * account, day, slot and kind of save; it holds what was typed and ticked and
 * the photos already downscaled. A draft sent but not confirmed is "pending"
 * with the Idempotency-Key and the exact payload it was sent with: a retry
 * sends the same key and the same bytes, so the server saves the slot once
 * and answers a repeat with the first answer (lib/idempotency.ts).
 */
import { createStore, del, get, set, type UseStore } from "idb-keyval";

export type DraftPhoto = { name: string; blob: Blob };

export type CardDraft<S> = {
  /** what the form holds: typed text, ticks, marks, place */
  state: S;
  photos: DraftPhoto[];
  /** sent, not yet confirmed: retried with this key and payload until the server answers */
  pending: { idempotencyKey: string; payload: string } | null;
  savedAt: number;
};

let store: UseStore | null = null;
const drafts = () => (store ??= createStore("shaitai-card", "drafts"));

export function draftKey(owner: string, date: string, slot: string, mode: string): string {
  return `${owner}:${date}:${slot}:${mode}`;
}

/** IndexedDB is missing in some private modes: the form then works as before, without drafts. */
const available = () => typeof indexedDB !== "undefined";

export async function loadDraft<S>(key: string): Promise<CardDraft<S> | null> {
  if (!available()) return null;
  try {
    return (await get<CardDraft<S>>(key, drafts())) ?? null;
  } catch {
    return null;
  }
}

export async function saveDraft<S>(key: string, draft: CardDraft<S>): Promise<boolean> {
  if (!available()) return false;
  try {
    await set(key, draft, drafts());
    return true;
  } catch {
    return false;
  }
}

export async function deleteDraft(key: string): Promise<void> {
  if (!available()) return;
  try {
    await del(key, drafts());
  } catch {
    // nothing kept, nothing to delete
  }
}
