/**
 * The hook that runs after a slot is saved and committed. It is where the
 * supervision checks of issue 5 (runAnomalyChecks: recycled photos, copied
 * text, EXIF time, location) are plugged in at merge; until then it does
 * nothing. It runs outside the submission's transaction, so a failing check
 * can never undo or fail a report that was shown.
 */
export async function afterSlotSubmitted(slotId: string): Promise<void> {
  void slotId;
}
